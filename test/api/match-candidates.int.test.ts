import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Candidate,
  readCandidates,
  tiersOf,
} from '../../schema/connections/match-candidates.ts';
import { readFieldDistances } from '../../schema/connections/needs.cypher.ts';
import type { ReadCypher } from '../../server/db/run.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// The candidate pool read tier by tier (match-candidates.ts) against a full ranking of every expert in
// one statement (the ranking before tiers), on the demo graph's busiest fields.
let server: TestServer;
const p = testPrefix('tiers');

/** Every expert of the need's fields ranked in one statement: the reference. */
const fullRanking = `MATCH (:Need {id: $id})-[:NEEDS_FIELD]->(g:Field)
CALL (g) {
  MATCH path = (f:Field)-[:SUBFIELD_OF*0..3]->(g)
  MATCH (f)<-[e:EXPERT_IN]-(p:Person) WHERE NOT e.deleted AND NOT p.deleted
  RETURN p, e, length(path) AS distance
  UNION
  MATCH (g)-[:SUBFIELD_OF]->(:Field)<-[e:EXPERT_IN]-(p:Person) WHERE NOT e.deleted AND NOT p.deleted
  RETURN p, e, -1 AS distance
}
WITH p, CASE WHEN distance < 0 THEN 0.6 WHEN 1.0 - 0.1 * distance < 0.5 THEN 0.5 ELSE 1.0 - 0.1 * distance END
       * (0.6 + 0.08 * coalesce(e.level, 3)) AS fit
WITH p, max(fit) AS fit
WITH p, fit,
     CASE WHEN size($levels) = 0 AND size($categories) = 0 THEN 1.0
          WHEN p.level IN $levels OR any(c IN p.categories WHERE c IN $categories) THEN 1.0 ELSE 0.3 END AS level,
     CASE WHEN any(x IN p.bornPlaceIds WHERE x IN $places) THEN 1.0
          WHEN EXISTS { MATCH (p)-[s:STUDIED_AT]->(o:Organization)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..4]->(x:Place)
                        WHERE NOT s.deleted AND NOT o.deleted AND x.id IN $places } THEN 0.8
          ELSE 0.0 END AS affinity
ORDER BY 0.4 * fit + 0.15 * level + 0.15 * affinity DESC, p.id
LIMIT $pool
RETURN p.id AS id, fit, level, affinity`;

let fields: { id: string; experts: number }[] = [];
let city = '';
let province = '';

beforeAll(async () => {
  server = await startTestServer();
  fields = await server.db.read<{ id: string; experts: number }>(
    `MATCH (f:Field)<-[e:EXPERT_IN]-(:Person) WHERE NOT e.deleted
     RETURN f.id AS id, count(*) AS experts ORDER BY experts DESC, id LIMIT 3`,
  );
  // The city and the province most experts were born in, so affinity sorts some of them up.
  const [born] = await server.db.read<{ city: string; province: string }>(
    `MATCH (:Field)<-[:EXPERT_IN]-(:Person)-[:BORN_IN]->(c:Place)-[:PART_OF*0..2]->(v:Place {kind: 'province'})
     WITH c, v, count(*) AS n ORDER BY n DESC LIMIT 1 RETURN c.id AS city, v.id AS province`,
  );
  city = born!.city;
  province = born!.province;
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

async function needOn(field: string): Promise<string> {
  const id = ulid();
  await server.db.writeTx((tx) =>
    tx.run(
      `MATCH (f:Field {id: $field})
       CREATE (n:Need {id: $id, title: $title, deleted: false, status: 'open', levels: [], categories: []})
       CREATE (n)-[:NEEDS_FIELD]->(f)`,
      { id, field, title: `${p}${field}` },
    ),
  );
  return id;
}

describe('the candidate pool read tier by tier', () => {
  it('is the pool a full ranking of every expert gives, and stops before the last tier', async () => {
    expect(fields.length, 'demo fields with experts').toBe(3);
    const asks = [
      { levels: [], categories: [], places: [] },
      { levels: ['national', 'provincial'], categories: [], places: [city] },
      { levels: [], categories: ['academician', 'returnee'], places: [province] },
    ];
    let compared = 0;
    let stoppedEarly = 0;
    for (const field of fields) {
      const id = await needOn(field.id);
      for (const ask of asks) {
        for (const pool of [5, 40]) {
          const tiersRead: number[] = [];
          const read: ReadCypher = (cypher, params) => {
            if (cypher.includes('e.liveFieldId')) tiersRead.push(1);
            return server.db.read(cypher, params);
          };
          const tiered: Candidate[] = await readCandidates(read, { id, ...ask, pool });
          const full = await server.db.read<{
            id: string;
            fit: number;
            level: number;
            affinity: number;
          }>(fullRanking, { id, ...ask, pool });
          const view = (c: { id: string; fit: number; level: number; affinity: number }) =>
            [c.id, c.fit.toFixed(9), c.level, c.affinity].join(' ');
          expect(
            tiered.map((c) => view({ ...c, id: c.e.id as string })),
            `${field.id} ${JSON.stringify(ask)} pool ${pool}`,
          ).toEqual(full.map(view));
          expect(tiered.length).toBe(Math.min(pool, field.experts));
          compared++;
          const tiers = tiersOf(await readFieldDistances(read, id)).length;
          if (tiersRead.length < tiers) stoppedEarly++;
        }
      }
    }
    expect(compared).toBe(18);
    expect(stoppedEarly, 'asks where the reading stopped early').toBeGreaterThan(0);
  });
});
