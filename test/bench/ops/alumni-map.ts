import type { Operation } from './operation.ts';

const query = `query AlumniMap($org: ID!) {
  alumniMap(organization: $org, groupBy: CITY) { total groups { key label count } }
}`;

// One aggregation: alumni from the organisation's side, each counted once in their current city
// (the first by id of the cities in their maintained places, as the app does), the total beside.
const baselineCypher = `MATCH (o:Organization {id: $id})<-[s:STUDIED_AT]-(n:Person)
WHERE NOT s.deleted AND NOT n.deleted
WITH DISTINCT n
WITH coalesce(n.nowPlaceIds, []) AS places, count(*) AS people
CALL (places) {
  OPTIONAL MATCH (g:Place {kind: 'city'}) WHERE g.id IN places
  RETURN g ORDER BY g.id LIMIT 1
}
WITH g, sum(people) AS count
ORDER BY count DESC, coalesce(g.name, '未知 unknown')
WITH collect({key: 'Place:' + g.id, label: coalesce(g.name, '未知 unknown'), count: count}) AS groups,
     sum(count) AS total
RETURN total, groups[0..200] AS groups`;

/** `alumniMap(groupBy: CITY)` of the university with the most alumni; baseline: one aggregation. */
export const alumniMapOperation: Operation = {
  name: 'alumniMap',
  baseline:
    'one aggregation from the organisation over STUDIED_AT and the alumni’s maintained places',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: () => graphql(query, { org: samples.university.globalId }),
    baseline: () => cypher(baselineCypher, { id: samples.university.id }),
    answers: {
      graphql: (a) => (a as { alumniMap: unknown }).alumniMap,
      baseline: (rows) => (rows as unknown[])[0],
    },
  }),
};
