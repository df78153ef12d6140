import type { Operation } from './operation.ts';

const query = `query AlumniMap($org: ID!) {
  alumniMap(organization: $org, groupBy: CITY) { total groups { key label count } }
}`;

// The same people counts the app reads (facet `alumniCity` of cell `*|*`: each alumnus once, in the
// first city by id they live in now), in one statement with the total beside. Before the counts,
// both walked the alumni (151,526 at 1M, p50 686 ms): RESULTS.md has that run.
const baselineCypher = `MATCH (c:PeopleCount) WHERE c.key STARTS WITH '*|*|alumniCity|' + $id + '|'
WITH c.value AS value, sum(c.n) AS count WHERE count <> 0
OPTIONAL MATCH (g:Place {id: substring(value, size($id) + 1)})
WITH g, count ORDER BY count DESC, coalesce(g.name, '未知 unknown')
WITH collect({key: 'Place:' + g.id, label: coalesce(g.name, '未知 unknown'), count: count}) AS groups,
     sum(count) AS total
RETURN total, groups[0..200] AS groups`;

/** `alumniMap(groupBy: CITY)` of the university with the most alumni; baseline: one read of the counts. */
export const alumniMapOperation: Operation = {
  name: 'alumniMap',
  baseline: 'one statement reading the same people counts (alumni per first city) and the places',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: () => graphql(query, { org: samples.university.globalId }),
    baseline: () => cypher(baselineCypher, { id: samples.university.id }),
    answers: {
      graphql: (a) => (a as { alumniMap: unknown }).alumniMap,
      baseline: (rows) => (rows as unknown[])[0],
    },
  }),
};
