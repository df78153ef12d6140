import { findIntroductionPaths } from '../../../schema/connections/introduction-paths.ts';
import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

const maxHops = 4;
const first = 3;

const query = `query Paths($from: [ID!]!, $to: ID!) {
  introductionPaths(from: $from, to: $to, maxHops: ${maxHops}, first: ${first}) {
    reason
    paths {
      score { score hops }
      people { id name }
      hops { kind derived strength }
    }
  }
}`;

interface Answer {
  reason: string | null;
  paths: {
    score: { score: number; hops: number };
    people: { id: string; name: string }[];
    hops: { kind: string; derived: boolean; strength: number | null }[];
  }[];
}

/** The i-th question: five sampled people (our side) and another sampled person as the target. */
function ends(samples: Samples, i: number) {
  const from = [0, 1, 2, 3, 4].map((k) => pick(samples.people, i * 5 + k, 'people'));
  const to = pick(samples.people, i * 5 + 5 + (i % 7), 'people');
  return { from: from.filter((p) => p.id !== to.id), to };
}

/**
 * `introductionPaths` from 5 people to a target (4 hops, 3 paths). Baseline: the same Cypher (the
 * path search and the outreach signals of schema/connections/introduction-paths.ts, plus the names)
 * straight on the driver, scored by the same functions, no GraphQL.
 */
export const introductionPathsOperation: Operation = {
  name: 'introductionPaths',
  baseline: `SHORTEST k paths per start + outreach signals + names, on the driver`,
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => {
      const { from, to } = ends(samples, i);
      return graphql(query, { from: from.map((p) => p.globalId), to: to.globalId });
    },
    baseline: async (i): Promise<Answer> => {
      const { from, to } = ends(samples, i);
      const found = await findIntroductionPaths(cypher, {
        from: from.map((p) => p.id),
        to: to.id,
        avoid: [],
        maxHops,
        first,
        knowsKinds: null,
        derived: true,
        derivedKinds: null,
        minStrength: 0,
      });
      const ids = [...new Set(found.paths.flatMap((p) => p.personIds))];
      const names = new Map(
        (
          await cypher<{ id: string; name: string }>(
            'MATCH (n:Person) WHERE n.id IN $ids AND NOT n.deleted RETURN n.id AS id, n.name AS name',
            { ids },
          )
        ).map((r) => [r.id, r.name]),
      );
      return {
        reason: found.reason,
        paths: found.paths.map((p) => ({
          score: { score: p.score.score, hops: p.score.hops },
          people: p.personIds
            .filter((id) => names.has(id))
            .map((id) => ({ id: `Person:${id}`, name: names.get(id) as string })),
          hops: p.hops.map((h) => ({
            kind: h.tie.kind,
            derived: h.tie.type === 'DERIVED_TIE',
            strength: h.tie.strength,
          })),
        })),
      };
    },
    answers: {
      graphql: (a) => (a as { introductionPaths: Answer }).introductionPaths,
      baseline: (a) => a,
    },
  }),
};
