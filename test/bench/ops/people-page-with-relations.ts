import { entityProjection } from '../../../schema/entity/entity.model.ts';
import { pageQuery } from '../../../schema/entity/entity-list.ts';
import { buildPersonFilter } from '../../../schema/person/person-filter.ts';
import { encodeCursor } from '../../../schema/shared/connection.ts';
import { entityKinds } from '../../../schema/shared/entity-kinds.ts';
import { tieProjection } from '../../../schema/tie/tie.model.ts';
import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

const pageSize = 50;

const query = `query PageWithRelations($after: String) {
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

// Copied from loadTies in schema/tie/tie.loaders.ts: one batched query per tie kind.
const tiesCypher = (type: string) => `UNWIND $ids AS selfId
MATCH (n:Person {id: selfId})
CALL (n) {
  MATCH (n)-[r:${type}]->(o)
  WHERE NOT r.deleted AND NOT o.deleted
    AND ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
  RETURN r, o ORDER BY coalesce(r.current, false) DESC, coalesce(r.to, 9999) DESC, r.id LIMIT $limit
}
WITH selfId, r, o AS n
RETURN selfId, ${tieProjection} AS r,
       [l IN labels(n) WHERE l IN $kinds][0] AS otherKind, ${entityProjection} AS e`;
const tieTypes = ['WORKED_AT', 'STUDIED_AT', 'EXPERT_IN'];

/** The i-th page starts after a sampled person in name order (a keyset cursor, as a client would). */
function afterKey(samples: Samples, i: number): [string, string] {
  const person = pick(samples.people, i, 'people');
  return [person.name, person.id];
}

/**
 * A page of 50 people by name with their positions, education and expertise; baseline: the page and
 * count queries `people` runs, then the three batched tie queries.
 */
export const peoplePageWithRelationsOperation: Operation = {
  name: 'people page with relations',
  baseline: 'pageQuery + count, then 3 batched tie queries (WORKED_AT, STUDIED_AT, EXPERT_IN)',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => graphql(query, { after: encodeCursor(afterKey(samples, i)) }),
    baseline: async (i) => {
      const part = buildPersonFilter({});
      const page = pageQuery(part, 'n.name', afterKey(samples, i), pageSize + 1);
      const [rows] = await Promise.all([
        cypher<{ e: { id: string } }>(page.cypher, page.params),
        cypher(`${part.cypher}\nRETURN count(n) AS c`, part.params),
      ]);
      const ids = rows.slice(0, pageSize).map((r) => r.e.id);
      return Promise.all(
        tieTypes.map((type) =>
          cypher(tiesCypher(type), { ids, asOf: null, limit: 200, kinds: entityKinds }),
        ),
      );
    },
  }),
};
