import { searchCypher, searchParams } from '../../../schema/search/search-cypher.ts';
import { entityKinds } from '../../../schema/shared/entity-kinds.ts';
import { encodeGlobalId } from '../../../schema/shared/global-id.ts';
import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

const first = 20;

const query = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score matchedBy entity { __typename id name } }
}`;

// The resolver's own statement, run directly: it ranks and pages in the database, so its rows are the
// whole answer.
const cypher = searchCypher(entityKinds);

/** The i-th search text: exact Chinese name, full pinyin, pinyin initials, organisation name. */
function searchText(samples: Samples, i: number): string {
  const person = pick(samples.people, Math.floor(i / 4), 'people');
  switch (i % 4) {
    case 0:
      return person.name;
    case 1:
      return person.pinyin;
    case 2:
      return person.initials;
    default:
      return pick(samples.organizations, Math.floor(i / 4), 'organisations').name;
  }
}

interface Hit {
  score: number;
  matchedBy: string[];
  entity: { __typename: string; id: string; name: string };
}

/** One line per hit, the same shape from both sides. */
const lines = (hits: Hit[]) =>
  hits.map((h) => `${h.entity.id} ${h.entity.name} ${h.score.toFixed(6)} ${h.matchedBy.join(',')}`);

/** `search(text, first: 20)` over a mix of name forms; baseline: the resolver's one statement. */
export const searchOperation: Operation = {
  name: 'search',
  baseline: 'the resolver’s statement (candidates, reasons, ranking, page) run on the driver',
  prepare: async ({ graphql, cypher: run, samples }) => {
    const viaGraphql = async (i: number) =>
      (await graphql<{ search: Hit[] }>(query, { text: searchText(samples, i), first })).search;
    const baseline = async (i: number): Promise<Hit[]> => {
      const text = searchText(samples, i);
      const params = searchParams(text, entityKinds, first);
      if (!params) throw new Error(`nothing searchable in ${text}`);
      const rows = await run<{
        kind: string;
        e: { id: string; name: string };
        score: number;
        reasons: string[];
      }>(cypher, { ...params });
      return rows.map((r) => ({
        score: r.score,
        matchedBy: r.reasons,
        entity: { __typename: r.kind, id: encodeGlobalId(r.kind, r.e.id), name: r.e.name },
      }));
    };
    // The two must give the same answer before either is timed (the first 40 inputs: every form).
    const inputs = Math.min(40, Math.max(4, samples.people.length * 4));
    for (let i = 0; i < inputs; i++) {
      const [a, b] = [lines(await viaGraphql(i)), lines(await baseline(i))];
      if (a.join('\n') !== b.join('\n')) {
        throw new Error(
          `search "${searchText(samples, i)}": GraphQL and baseline answers differ\nGraphQL:\n${a.join('\n')}\nbaseline:\n${b.join('\n')}`,
        );
      }
    }
    return { graphql: viaGraphql, baseline };
  },
};
