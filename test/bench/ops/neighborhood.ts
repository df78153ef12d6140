import { type Operation, pick } from './operation.ts';

const depth = 2;
const limit = 500;

const query = `query Neighborhood($ids: [ID!]!) {
  neighborhood(ids: $ids, depth: ${depth}, limit: ${limit}) {
    truncated omittedNodes
    nodes { __typename id name }
    edges { id kind source target strength }
  }
}`;

const baselineCypher = `MATCH (a:Person {id: $id})-[*1..${depth}]-(b)
RETURN DISTINCT b LIMIT ${limit}`;

/** `neighborhood` (depth 2, limit 500) around a sampled person; baseline: plain variable length. */
export const neighborhoodOperation: Operation = {
  name: 'neighborhood',
  baseline: `MATCH (a)-[*1..${depth}]-(b) RETURN DISTINCT b LIMIT ${limit}`,
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => graphql(query, { ids: [pick(samples.people, i, 'people').globalId] }),
    baseline: (i) => cypher(baselineCypher, { id: pick(samples.people, i, 'people').id }),
  }),
};
