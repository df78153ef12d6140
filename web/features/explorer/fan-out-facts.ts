import { request } from '../../app/api.ts';
import type { GroupBy, MemberFacts, Named } from '../../graph/groups.ts';
import { type FanOutFacts, fanOutFactsQuery } from './queries.ts';

/** Ids per request: a few hundred keep each answer small and quick. */
const chunk = 400;

type Place = { id: string; name: string; kind?: string; parent?: Place | null };
type Field = { id: string; name: string; parent?: Field | null };

/** A place's city (itself, or the city it lies in); a country or province stays as it is. */
function cityOf(place: Place | null | undefined): Named | null {
  if (!place) return null;
  if (place.kind === 'district' && place.parent?.kind === 'city')
    return { id: place.parent.id, name: place.parent.name };
  return { id: place.id, name: place.name };
}

/** The top of a field's branch (人工智能, not 多模态大模型), so a fan-out has a handful of fields. */
function rootField(field: Field | null | undefined): Named | null {
  let f = field;
  while (f?.parent) f = f.parent;
  return f ? { id: f.id, name: f.name } : null;
}

function toFacts(node: FanOutFacts[number], by: GroupBy): [string, MemberFacts] | null {
  if (!node || !('id' in node)) return null;
  const facts: MemberFacts = {};
  if (node.__typename === 'Person') {
    if (by === 'city') facts.city = cityOf(node.location as Place | null);
    if (by === 'employer') facts.employer = node.positions?.[0]?.other ?? null;
    if (by === 'field') facts.field = rootField(node.expertise?.[0]?.other as Field | undefined);
    if (by === 'decade') facts.birthYear = node.birthYear ?? null;
  } else if (node.__typename === 'Organization') {
    if (by === 'city') facts.city = cityOf(node.place as Place | null);
    if (by === 'field') facts.field = rootField(node.fields?.[0]?.other as Field | undefined);
    if (by === 'employer') facts.employer = null;
    if (by === 'decade') facts.birthYear = null;
  } else if (node.__typename === 'Project') {
    if (by === 'employer') facts.employer = node.host ?? null;
    else facts[by === 'decade' ? 'birthYear' : by] = null;
  }
  return [node.id, facts];
}

/**
 * Fetches the facts grouping by `by` needs for these members and merges them into `into` (ids the
 * server does not return, or of kinds without that fact, get null: grouped as unknown).
 */
export async function fetchFacts(
  ids: readonly string[],
  by: GroupBy,
  into: Map<string, MemberFacts>,
): Promise<void> {
  const vars = {
    city: by === 'city',
    employer: by === 'employer',
    field: by === 'field',
    birth: by === 'decade',
    year: new Date().getFullYear(),
  };
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += chunk) chunks.push(ids.slice(i, i + chunk));
  const answers = await Promise.all(
    chunks.map((part) => request(fanOutFactsQuery, { ids: part, ...vars })),
  );
  for (const { nodes } of answers)
    for (const node of nodes) {
      const entry = toFacts(node, by);
      if (entry) into.set(entry[0], { ...into.get(entry[0]), ...entry[1] });
    }
  const field = by === 'decade' ? 'birthYear' : by;
  for (const id of ids) {
    const facts = into.get(id) ?? {};
    if (facts[field] === undefined) into.set(id, { ...facts, [field]: null });
  }
}
