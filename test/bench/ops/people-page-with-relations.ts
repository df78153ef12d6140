import { entityProjection } from '../../../schema/entity/entity.model.ts';
import { pageQuery } from '../../../schema/entity/entity-list.ts';
import { everyonePage } from '../../../schema/person/people-page-plan.ts';
import { encodeCursor } from '../../../schema/shared/connection.ts';
import { entityKinds } from '../../../schema/shared/entity-kinds.ts';
import { tieProjection } from '../../../schema/tie/tie.model.ts';
import type { CypherCall } from '../raw-cypher.ts';
import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

export const pageSize = 50;

export const nestedPageQuery = `query PageWithRelations($after: String) {
  people(first: ${pageSize}, orderBy: NAME, after: $after) {
    edges {
      node {
        id name latinName
        positions { id title startYear endYear current other { id name } }
        education { id degree major startYear endYear other { id name } }
        expertise { id level other { id name } }
      }
    }
  }
}`;

/** One person of the page as the GraphQL answer holds it. */
export interface NestedPerson {
  id: string;
  name: string;
  latinName: string | null;
  positions: Record<string, unknown>[];
  education: Record<string, unknown>[];
  expertise: Record<string, unknown>[];
}

// As loadTies in schema/tie/tie.loaders.ts: one batched query per tie kind.
const tiesCypher = (type: string) => `UNWIND $ids AS selfId
MATCH (n:Person {id: selfId})
CALL (n) {
  MATCH (n)-[r:${type}]->(o)
  WHERE NOT r.deleted AND NOT o.deleted
  RETURN r, o ORDER BY coalesce(r.current, false) DESC, coalesce(r.to, 9999) DESC, r.id LIMIT $limit
}
WITH selfId, r, o AS n
RETURN selfId, ${tieProjection} AS r, ${entityProjection} AS e`;

/** The tie fields each list of the query asks for, from stored properties. */
const tieFields = {
  positions: {
    type: 'WORKED_AT',
    fields: { title: 'title', startYear: 'from', endYear: 'to', current: 'current' },
  },
  education: {
    type: 'STUDIED_AT',
    fields: { degree: 'degree', major: 'major', startYear: 'from', endYear: 'to' },
  },
  expertise: { type: 'EXPERT_IN', fields: { level: 'level' } },
} as const;

/** The i-th page starts after a sampled person in name order (a keyset cursor, as a client would). */
export function afterKey(samples: Samples, i: number): [string, string] {
  const person = pick(samples.people, i, 'people');
  return [person.name, person.id];
}

/** The same page by raw Cypher: the page query the API runs, then the three batched tie queries. */
async function rawCypher(cypher: CypherCall, after: [string, string]): Promise<NestedPerson[]> {
  const part = everyonePage({ key: 'n.name' }, after);
  if (!part) throw new Error('name order has a page plan');
  const page = pageQuery(part, 'n.name', after, pageSize);
  const rows = await cypher<{ e: { id: string; name: string; latinName?: string | null } }>(
    page.cypher,
    page.params,
  );
  const ids = rows.map((r) => r.e.id);
  const lists = await Promise.all(
    Object.values(tieFields).map(({ type }) =>
      cypher<{ selfId: string; r: Record<string, unknown>; e: { id: string; name: string } }>(
        tiesCypher(type),
        { ids, limit: 200, kinds: entityKinds },
      ),
    ),
  );
  return rows.map(({ e }) => {
    const person: NestedPerson = {
      id: `Person:${e.id}`,
      name: e.name,
      latinName: e.latinName ?? null,
      positions: [],
      education: [],
      expertise: [],
    };
    Object.entries(tieFields).forEach(([list, { type, fields }], k) => {
      person[list as keyof typeof tieFields] = (lists[k] ?? [])
        .filter((row) => row.selfId === e.id)
        .map((row) => ({
          id: `Tie:${type}:${String(row.r.id)}`,
          ...Object.fromEntries(
            Object.entries(fields).map(([api, stored]) => [api, row.r[stored] ?? null]),
          ),
          other: { id: `${otherKind(type)}:${row.e.id}`, name: row.e.name },
        }));
    });
    return person;
  });
}

const otherKind = (type: string) => (type === 'EXPERT_IN' ? 'Field' : 'Organization');

/** The people of a GraphQL answer, as `rawCypher` returns them. */
export const graphqlPeople = (answer: unknown): NestedPerson[] =>
  (answer as { people: { edges: { node: NestedPerson }[] } }).people.edges.map((e) => ({
    ...e.node,
    latinName: e.node.latinName ?? null,
  }));

/**
 * A page of 50 people by name with their positions, education and expertise; baseline: the page
 * query the API runs, then the three batched tie queries.
 */
export const peoplePageWithRelationsOperation: Operation = {
  name: 'people page with relations',
  baseline:
    'the page query (name index in order), then 3 batched tie queries (WORKED_AT, STUDIED_AT, EXPERT_IN)',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => graphql(nestedPageQuery, { after: encodeCursor(afterKey(samples, i)) }),
    baseline: (i) => rawCypher(cypher, afterKey(samples, i)),
    answers: { graphql: graphqlPeople, baseline: (answer) => answer },
  }),
};
