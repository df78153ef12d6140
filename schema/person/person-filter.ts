import { toLuceneQuery } from '../search/lucene-query.ts';
import { heldIn } from '../tie/tie.loaders.ts';

/** What a people list can be narrowed by. Ids are our own (already decoded from global ids). */
export interface PersonFilter {
  /** Name, alias, pinyin or English name (full-text). */
  text?: string | null;
  /** Any of these categories. */
  categories?: readonly string[] | null;
  levels?: readonly string[] | null;
  /** Expert in any of these fields or a field below them. */
  fieldIds?: readonly string[] | null;
  /** Lives now (or in asOfYear) in any of these places or a place inside them. */
  livesInIds?: readonly string[] | null;
  /** Born in any of these places or a place inside them. */
  hometownIds?: readonly string[] | null;
  /** Lives now somewhere known that is not in (or inside) any of these places: "natives elsewhere". */
  livesOutsideIds?: readonly string[] | null;
  /** Studied at any of these organisations. */
  almaMaterIds?: readonly string[] | null;
  /** Graduated (STUDIED_AT.to) in this range, at an alma mater above when given. */
  graduationYearFrom?: number | null;
  graduationYearTo?: number | null;
  /** Works (or ever worked, with employerEver) at any of these organisations. */
  employerIds?: readonly string[] | null;
  employerEver?: boolean | null;
  /** Works at an organisation of one of these types. */
  employerTypes?: readonly string[] | null;
  birthYearFrom?: number | null;
  birthYearTo?: number | null;
  /** Employment, residence and acquaintance (`near`) as they were in this year instead of now. */
  asOfYear?: number | null;
  /** Within `hops` KNOWS steps (1-3) of any of these people. */
  near?: { personIds: readonly string[]; hops: number } | null;
}

export interface CypherPart {
  cypher: string;
  params: Record<string, unknown>;
}

/** Full-text candidates are capped: a text filter narrows, it does not list a million rows. */
const textCandidateLimit = 10_000;

const nonEmpty = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  Array.isArray(list) && list.length > 0;

/**
 * The MATCH that binds `n` to the live people passing `filter`, as parameterised Cypher. Pure: the
 * same filter always gives the same text (see person-filter.test.ts), and no value is ever spliced
 * into the text except the hop count, which is checked to be 1, 2 or 3.
 */
export function buildPersonFilter(filter: PersonFilter): CypherPart {
  const params: Record<string, unknown> = {};
  const where: string[] = ['NOT n.deleted'];
  const relations: Relation[] = [];
  let match = 'MATCH (n:Person)';

  const lucene = filter.text ? toLuceneQuery(filter.text) : null;
  if (filter.text && lucene) {
    match = `CALL db.index.fulltext.queryNodes('entity_names', $text, {limit: ${textCandidateLimit}}) YIELD node AS n
WITH n`;
    where.unshift('n:Person');
    params.text = lucene;
  } else if (filter.text) {
    where.push('false');
  }

  const asOf = filter.asOfYear ?? null;
  const heldNow = (r: string) =>
    asOf === null ? `coalesce(${r}.current, ${r}.to IS NULL)` : heldIn(r);
  if (asOf !== null) params.asOf = asOf;

  /** A condition on the person, with the filter's value as the parameter of the same name. */
  const onPerson = (param: keyof PersonFilter, condition: string) => {
    where.push(condition);
    params[param] = filter[param];
  };
  if (nonEmpty(filter.categories))
    onPerson('categories', 'any(c IN n.categories WHERE c IN $categories)');
  if (nonEmpty(filter.levels)) onPerson('levels', 'n.level IN $levels');
  if (filter.birthYearFrom != null) onPerson('birthYearFrom', 'n.birthYear >= $birthYearFrom');
  if (filter.birthYearTo != null) onPerson('birthYearTo', 'n.birthYear <= $birthYearTo');

  /**
   * A tie from the person by `pattern`, whose far end (`variable`) is among the ids of
   * `filter[param]` when the filter names any (else wherever the pattern leads).
   */
  const tiedTo = (
    param: 'fieldIds' | 'livesInIds' | 'hometownIds' | 'almaMaterIds' | 'employerIds',
    relation: Omit<Relation, 'target'>,
    [variable, label]: [string, string],
  ) => {
    const named = nonEmpty(filter[param]);
    relations.push({ ...relation, target: named ? { variable, label, param } : undefined });
    if (named) params[param] = filter[param];
  };
  if (nonEmpty(filter.fieldIds))
    tiedTo(
      'fieldIds',
      {
        rank: 3,
        pattern: '(n)-[e:EXPERT_IN]->(:Field)-[:SUBFIELD_OF*0..5]->(f:Field)',
        conditions: ['NOT e.deleted'],
      },
      ['f', 'Field'],
    );
  if (nonEmpty(filter.livesInIds))
    tiedTo(
      'livesInIds',
      {
        rank: 4,
        pattern: '(n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(p:Place)',
        conditions: ['NOT l.deleted', heldNow('l')],
      },
      ['p', 'Place'],
    );
  if (nonEmpty(filter.hometownIds))
    tiedTo(
      'hometownIds',
      {
        rank: 5,
        pattern: '(n)-[b:BORN_IN]->(:Place)-[:PART_OF*0..4]->(p:Place)',
        conditions: ['NOT b.deleted'],
      },
      ['p', 'Place'],
    );
  if (nonEmpty(filter.livesOutsideIds)) {
    where.push(`EXISTS {
  MATCH (n)-[l:LIVES_IN]->(:Place)
  WHERE NOT l.deleted AND ${heldNow('l')}
}`);
    where.push(`NOT EXISTS {
  MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(p:Place)
  WHERE NOT l.deleted AND ${heldNow('l')} AND p.id IN $livesOutsideIds
}`);
    params.livesOutsideIds = filter.livesOutsideIds;
  }
  if (
    nonEmpty(filter.almaMaterIds) ||
    filter.graduationYearFrom != null ||
    filter.graduationYearTo != null
  ) {
    const conditions = ['NOT s.deleted'];
    if (filter.graduationYearFrom != null) {
      conditions.push('s.to >= $graduationYearFrom');
      params.graduationYearFrom = filter.graduationYearFrom;
    }
    if (filter.graduationYearTo != null) {
      conditions.push('s.to <= $graduationYearTo');
      params.graduationYearTo = filter.graduationYearTo;
    }
    tiedTo(
      'almaMaterIds',
      { rank: 1, pattern: '(n)-[s:STUDIED_AT]->(o:Organization)', conditions },
      ['o', 'Organization'],
    );
  }
  if (nonEmpty(filter.employerIds) || nonEmpty(filter.employerTypes)) {
    const conditions = ['NOT w.deleted', 'NOT o.deleted'];
    if (!filter.employerEver) conditions.push(heldNow('w'));
    if (nonEmpty(filter.employerTypes)) {
      conditions.push('o.type IN $employerTypes');
      params.employerTypes = filter.employerTypes;
    }
    tiedTo('employerIds', { rank: 2, pattern: '(n)-[w:WORKED_AT]->(o:Organization)', conditions }, [
      'o',
      'Organization',
    ]);
  }
  if (filter.near && nonEmpty(filter.near.personIds)) {
    const hops = filter.near.hops;
    if (!Number.isInteger(hops) || hops < 1 || hops > 3)
      throw new RangeError('hops must be 1, 2 or 3');
    // As of a year, only acquaintances made by then count (KNOWS.since).
    const known = asOf === null ? 'NOT k.deleted' : `NOT k.deleted AND (${heldIn('k')})`;
    where.push(`EXISTS {
  MATCH (n)-[k:KNOWS WHERE ${known}]-{1,${hops}}(m:Person)
  WHERE m.id IN $nearIds
}`);
    where.push('NOT n.id IN $nearIds');
    params.nearIds = filter.near.personIds;
  }

  // Without text, start from the most selective tie filter that names ids (an anchor found by index)
  // instead of scanning every person and testing each one.
  const anchor = filter.text
    ? undefined
    : relations.filter((r) => r.target).sort((a, b) => a.rank - b.rank)[0];
  for (const relation of relations) {
    if (relation !== anchor) where.push(existsClause(relation));
  }
  if (anchor?.target) {
    const { variable, label, param } = anchor.target;
    const pattern = anchor.pattern
      .replace('(n)', '(n:Person)')
      .replace(`(${variable}:${label})`, `(${variable})`);
    match = `MATCH (${variable}:${label}) WHERE ${variable}.id IN $${param}
MATCH ${pattern}
WHERE ${anchor.conditions.join(' AND ')}
WITH DISTINCT n`;
  }
  return { cypher: `${match}\nWHERE ${where.join('\n  AND ')}`, params };
}

/** A filter on a person's ties: `pattern` from (n) to the target, and the target's ids if named. */
interface Relation {
  /** Which relation anchors the query when several could: lower first. */
  rank: number;
  pattern: string;
  conditions: string[];
  target?: { variable: string; label: string; param: string };
}

function existsClause(relation: Relation): string {
  const conditions = [...relation.conditions];
  if (relation.target)
    conditions.push(`${relation.target.variable}.id IN $${relation.target.param}`);
  return `EXISTS {
  MATCH ${relation.pattern}
  WHERE ${conditions.join(' AND ')}
}`;
}
