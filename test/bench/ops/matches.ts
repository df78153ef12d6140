import { rankMatches } from '../../../schema/connections/match-ranking.ts';
import type { MatchParts } from '../../../schema/connections/match-score.ts';
import type { Need } from '../../../schema/connections/needs.cypher.ts';
import { decodeGlobalId, encodeGlobalId } from '../../../schema/shared/global-id.ts';
import type { GraphqlCall } from '../graphql-client.ts';
import type { CypherCall } from '../raw-cypher.ts';
import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

const first = 20;

const query = `query Matches($need: ID!, $from: [ID!]) {
  node(id: $need) {
    ... on Need {
      matches(from: $from, first: ${first}) {
        score fieldDistance reachHops
        parts { fit level affinity reach recency }
        person { id name }
      }
    }
  }
}`;

const createNeed = `mutation Need($owner: ID!, $input: NeedInput!) {
  createNeed(owner: $owner, input: $input) {
    __typename
    ... on MutationCreateNeedSuccess { data { id } }
  }
}`;

// The need as the resolver gets it (needs.cypher.ts readNeeds): what the ranking reads from it.
const needCypher = `MATCH (n:Need {id: $id}) WHERE NOT n.deleted
RETURN n.id AS id, coalesce(n.levels, []) AS levels, coalesce(n.categories, []) AS categories,
       COLLECT { MATCH (n)-[:PREFERS_PLACE]->(p:Place) RETURN p.id } AS placeIds`;

interface Answer {
  score: number;
  fieldDistance: number;
  reachHops: number | null;
  parts: MatchParts;
  person: { id: string; name: string };
}

// Mid-level fields (with a parent and children) by how many experts are in them or below them.
const fieldsCypher = `MATCH (g:Field)-[:SUBFIELD_OF]->(:Field) WHERE EXISTS { (:Field)-[:SUBFIELD_OF]->(g) }
RETURN g.id AS id, g.name AS name,
       COUNT { (:Field)-[:SUBFIELD_OF*0..3]->(g)<-[:EXPERT_IN]-(:Person) } AS experts
ORDER BY experts DESC, id LIMIT 3`;

interface NeedSample {
  globalId: string;
  id: string;
  field: string;
  experts: number;
}

/**
 * One need per sampled field, owned by a sampled organisation and preferring the largest city's
 * natives and alumni, created through the API on the first run and found by title afterwards.
 */
async function needs(graphql: GraphqlCall, cypher: CypherCall, samples: Samples) {
  const fields = await cypher<{ id: string; name: string; experts: number }>(fieldsCypher);
  const city = pick(samples.cities, 0, 'cities');
  const owner = pick(samples.organizations, 0, 'organizations');
  const create = async (title: string, field: string) => {
    const made = await graphql<{ createNeed: { data?: { id: string } } }>(createNeed, {
      owner: owner.globalId,
      input: {
        title,
        fields: [encodeGlobalId('Field', field)],
        levels: ['national', 'provincial'],
        places: [city.globalId],
      },
    });
    if (!made.createNeed.data) throw new Error(`createNeed failed for ${title}`);
    return decodeGlobalId(made.createNeed.data.id).id;
  };
  const out: NeedSample[] = [];
  for (const field of fields) {
    const title = `bench: ${field.name}`;
    const [existing] = await cypher<{ id: string }>(
      'MATCH (n:Need {title: $title}) WHERE NOT n.deleted RETURN n.id AS id LIMIT 1',
      { title },
    );
    const id = existing?.id ?? (await create(title, field.id));
    out.push({ globalId: encodeGlobalId('Need', id), id, field: field.id, experts: field.experts });
  }
  console.log(
    `matches: needs on ${fields.map((f) => `${f.name} (${f.experts} experts)`).join(', ')}`,
  );
  return out;
}

/**
 * `Need.matches(from, first: 20)` over the experts of a busy mid-level field. Baseline: the same
 * statements and scoring (schema/connections/match-ranking.ts) straight on the driver, no GraphQL.
 */
export const matchesOperation: Operation = {
  name: 'matches',
  baseline: 'the ranking’s Cypher (candidates, home places, reach paths) and scoring on the driver',
  prepare: async ({ graphql, cypher, samples }) => {
    const list = await needs(graphql, cypher, samples);
    const from = (i: number) =>
      [0, 1, 2, 3, 4].map((k) => pick(samples.people, i * 5 + k, 'people'));
    return {
      graphql: (i) =>
        graphql(query, {
          need: pick(list, i, 'needs').globalId,
          from: from(i).map((p) => p.globalId),
        }),
      baseline: async (i) => {
        const [need] = await cypher<Pick<Need, 'id' | 'levels' | 'categories' | 'placeIds'>>(
          needCypher,
          { id: pick(list, i, 'needs').id },
        );
        if (!need) throw new Error('the bench need is gone');
        const ranked = await rankMatches(
          cypher,
          need,
          from(i).map((p) => p.id),
          first,
        );
        return ranked.map(
          (m): Answer => ({
            score: m.score,
            fieldDistance: m.bestFieldDistance,
            reachHops: m.reachHops,
            parts: m.parts,
            person: { id: encodeGlobalId('Person', m.person.id), name: m.person.name },
          }),
        );
      },
      answers: {
        graphql: (a) => (a as { node: { matches: Answer[] } }).node.matches,
        baseline: (a) => a,
      },
    };
  },
};
