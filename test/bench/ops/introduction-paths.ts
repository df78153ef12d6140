import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

const maxHops = 4;

const query = `query Paths($from: [ID!]!, $to: ID!) {
  introductionPaths(from: $from, to: $to, maxHops: ${maxHops}, first: 3) {
    reason
    paths {
      score { score hops }
      people { id name }
      hops { kind derived strength }
    }
  }
}`;

const baselineCypher = `MATCH (t:Person {id: $to})
MATCH (s:Person) WHERE s.id IN $from
MATCH p = SHORTEST 1 (s)-[:KNOWS]-{1,${maxHops}}(t)
RETURN [n IN nodes(p) | n.id] AS ids`;

/** The i-th question: five sampled people (our side) and another sampled person as the target. */
function ends(samples: Samples, i: number) {
  const from = [0, 1, 2, 3, 4].map((k) => pick(samples.people, i * 5 + k, 'people'));
  const to = pick(samples.people, i * 5 + 5 + (i % 7), 'people');
  return { from: from.filter((p) => p.id !== to.id), to };
}

/** `introductionPaths` from 5 people to a target (4 hops, 3 paths); baseline: SHORTEST 1 over KNOWS. */
export const introductionPathsOperation: Operation = {
  name: 'introductionPaths',
  baseline: `SHORTEST 1 (s)-[:KNOWS]-{1,${maxHops}}(t) per start`,
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => {
      const { from, to } = ends(samples, i);
      return graphql(query, { from: from.map((p) => p.globalId), to: to.globalId });
    },
    baseline: (i) => {
      const { from, to } = ends(samples, i);
      return cypher(baselineCypher, { from: from.map((p) => p.id), to: to.id });
    },
  }),
};
