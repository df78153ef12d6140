import type { Operation } from './operation.ts';

const query = `query AlumniMap($org: ID!) {
  alumniMap(organization: $org, groupBy: CITY) { total groups { key label count } }
}`;

// One aggregation: alumni from the organisation's side, each counted once in their current city.
const baselineCypher = `MATCH (o:Organization {id: $id})<-[s:STUDIED_AT]-(n:Person)
WHERE NOT s.deleted AND NOT n.deleted
WITH DISTINCT n
OPTIONAL MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(g:Place {kind: 'city'})
WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL)
WITH n, head(collect(g)) AS g
WITH g, count(n) AS count
ORDER BY count DESC, coalesce(g.name, '未知 unknown')
WITH collect({key: 'Place:' + g.id, label: coalesce(g.name, '未知 unknown'), count: count}) AS groups,
     sum(count) AS total
RETURN total, groups[0..200] AS groups`;

/** `alumniMap(groupBy: CITY)` of the university with the most alumni; baseline: one aggregation. */
export const alumniMapOperation: Operation = {
  name: 'alumniMap',
  baseline: 'one aggregation from the organisation over STUDIED_AT and LIVES_IN/PART_OF',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: () => graphql(query, { org: samples.university.globalId }),
    baseline: () => cypher(baselineCypher, { id: samples.university.id }),
    answers: {
      graphql: (a) => (a as { alumniMap: unknown }).alumniMap,
      baseline: (rows) => (rows as unknown[])[0],
    },
  }),
};
