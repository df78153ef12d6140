import { walkNeighborhood } from '../../../schema/connections/neighborhood-walk.ts';
import { entitySummaryProjection } from '../../../schema/entity/entity.model.ts';
import { entityKinds } from '../../../schema/shared/entity-kinds.ts';
import { tieKindNames } from '../../../schema/tie/tie-kinds.ts';
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

interface Answer {
  truncated: boolean;
  omittedNodes: number;
  nodes: { __typename: string; id: string; name: string }[];
  edges: { id: string; kind: string; source: string; target: string; strength: number | null }[];
}

/** Nodes and edges in id order: the answer, not the order it was assembled in. */
const sorted = (a: Answer): Answer => ({
  truncated: a.truncated,
  omittedNodes: a.omittedNodes,
  nodes: [...a.nodes].sort((x, y) => x.id.localeCompare(y.id)),
  edges: [...a.edges].sort((x, y) => x.id.localeCompare(y.id)),
});

/**
 * `neighborhood` (depth 2, limit 500) around a sampled person. Baseline: the same Cypher statements
 * (the walk of schema/connections/neighborhood-walk.ts) straight on the driver, no GraphQL.
 */
export const neighborhoodOperation: Operation = {
  name: 'neighborhood',
  baseline:
    'the walk’s Cypher (one expansion per level, counts of what is left out: exact up to 10,000) on the driver',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => graphql(query, { ids: [pick(samples.people, i, 'people').globalId] }),
    baseline: async (i) => {
      const person = pick(samples.people, i, 'people');
      const [found] = await cypher<{ eid: string }>(
        'MATCH (n:Person {id: $id}) WHERE NOT n.deleted RETURN elementId(n) AS eid',
        { id: person.id },
      );
      if (!found) throw new Error(`sampled person ${person.id} is gone`);
      const hood = await walkNeighborhood(
        cypher,
        [{ globalId: person.globalId, kind: 'Person', id: person.id, elementId: found.eid }],
        {
          depth,
          limit,
          types: [...tieKindNames, 'PART_OF', 'SUBFIELD_OF'],
          kinds: entityKinds,
          categories: null,
          projection: entitySummaryProjection,
        },
      );
      return {
        truncated: hood.truncated,
        omittedNodes: hood.omittedNodes,
        nodes: hood.nodes.map((n) => ({
          __typename: n.kind,
          id: `${n.kind}:${n.id}`,
          name: n.name,
        })),
        edges: hood.edges.map(({ id, kind, source, target, strength }) => ({
          id,
          kind,
          source,
          target,
          strength,
        })),
      };
    },
    answers: {
      graphql: (a) => sorted((a as { neighborhood: Answer }).neighborhood),
      baseline: (a) => sorted(a as Answer),
    },
  }),
};
