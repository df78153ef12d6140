/**
 * The LDBC SNB test files (test/fixtures/ldbc-snb, a subset of ../shared/data/ldbc-snb) load with the
 * committed mapping and the documented command (`npm run import:dataset`), with no code: persons,
 * organisations with their places, studyAt, workAt with years, knows, isLocatedIn. The graph then has
 * the files' counts, and its shortest KNOWS hop counts and common friends equal a breadth-first search
 * computed here from the raw files. A second run changes nothing; a bad row is reported with its file
 * and line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ldbcFixtures, ldbcRows, ldbcTestMapping, removeDataset } from '../helpers/ldbc-dataset.ts';
import { testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const p = testPrefix('ldbc');
const dataset = `${p}ldbc`;
const fixtures = ldbcFixtures;
let server: TestServer;

/** The committed mapping, with this run's dataset name and names prefixed (the database is shared). */
function testMapping(dir: string, edit?: (m: Record<string, unknown>) => void): string {
  const path = join(dir, 'mapping.json');
  writeFileSync(path, JSON.stringify(ldbcTestMapping(dataset, p, edit)));
  return path;
}

function importDataset(mapping: string, dir: string, ...flags: string[]) {
  const { uri, user, password } = inject('neo4j');
  const result = spawnSync(
    process.execPath,
    // The duplicate scan reads and rewrites the whole review queue, which other test files check.
    [
      '--import',
      'tsx',
      'server/cli/import-dataset.ts',
      mapping,
      '--dir',
      dir,
      '--no-duplicate-scan',
      ...flags,
    ],
    {
      env: {
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const rows = ldbcRows;

async function count(cypher: string): Promise<number> {
  const result = await server.db.read<{ n: number }>(cypher, { dataset });
  return result[0]?.n ?? 0;
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await removeDataset(server.db, dataset);
  await server.close();
});

describe('LDBC SNB through a committed mapping', () => {
  it('loads persons, organisations with places, studyAt, workAt, knows and isLocatedIn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentgraph-ldbc-'));
    const mapping = testMapping(dir);
    const first = importDataset(mapping, fixtures);
    expect(first.code, first.err + first.out).toBe(0);

    const persons = rows('dynamic/person_0_0.csv');
    const knows = rows('dynamic/person_knows_person_0_0.csv');
    const study = rows('dynamic/person_studyAt_organisation_0_0.csv');
    const work = rows('dynamic/person_workAt_organisation_0_0.csv');
    const located = rows('dynamic/person_isLocatedIn_place_0_0.csv');
    const orgs = rows('static/organisation_0_0.csv');
    const mine = (label: string) =>
      `MATCH (:ExternalId {dataset: $dataset, label: '${label}'})-[:IDENTIFIES]->(n:${label})`;
    expect(await count(`${mine('Person')} RETURN count(n) AS n`)).toBe(persons.length);
    expect(await count(`${mine('Organization')} RETURN count(n) AS n`)).toBe(orgs.length);
    expect(
      await count(`${mine('Organization')} MATCH (n)-[:LOCATED_IN]->(:Place) RETURN count(n) AS n`),
    ).toBe(orgs.length);
    const ties = (type: string, where = '') =>
      count(
        `${mine('Person')} MATCH (n)-[r:${type}]->() WHERE NOT r.deleted ${where} RETURN count(r) AS n`,
      );
    expect(await ties('KNOWS')).toBe(knows.length);
    expect(await ties('STUDIED_AT', 'AND r.to IS NOT NULL')).toBe(study.length);
    expect(await ties('WORKED_AT', 'AND r.from IS NOT NULL')).toBe(work.length);
    expect(await ties('LIVES_IN')).toBe(located.length);
    // A year came through: the first workAt row's workFrom.
    const [personId, orgId, year] = work[0] as string[];
    const res = await server.gql<{ entityByExternalId: { id: string; name: string } | null }>(
      'query ($d: String!, $x: String!) { entityByExternalId(dataset: $d, kind: Person, externalId: $x) { id name } }',
      { d: dataset, x: personId },
    );
    const person = res.data?.entityByExternalId;
    expect(person?.name.startsWith(p)).toBe(true);
    const worked = await server.db.read<{ from: number }>(
      `MATCH (:ExternalId {key: $person})-[:IDENTIFIES]->(:Person)-[r:WORKED_AT]->(:Organization)<-[:IDENTIFIES]-(:ExternalId {key: $org})
       RETURN r.from AS from`,
      { person: `${dataset}|Person|${personId}`, org: `${dataset}|Organization|${orgId}` },
    );
    expect(worked.map((w) => w.from)).toContain(Number(year));
    // Cities the files put straight under their country are the reference places (北京市 is a
    // city under the municipality 北京市), not new namesakes.
    const beijing = await server.db.read<{ code: string | null }>(
      `MATCH (:ExternalId {key: $key})-[:IDENTIFIES]->(p:Place) RETURN p.code AS code`,
      { key: `${dataset}|Place|446` },
    );
    expect(beijing.map((b) => b.code)).toEqual(['110100']);

    // The graph answers as a breadth-first search over the raw knows file does.
    const adjacency = new Map<string, Set<string>>();
    for (const [a, b] of knows as [string, string][]) {
      adjacency.set(a, (adjacency.get(a) ?? new Set()).add(b));
      adjacency.set(b, (adjacency.get(b) ?? new Set()).add(a));
    }
    const hops = (from: string, to: string): number | null => {
      const seen = new Map([[from, 0]]);
      for (let queue = [from]; queue.length; ) {
        const next: string[] = [];
        for (const x of queue) {
          for (const y of adjacency.get(x) ?? []) {
            if (seen.has(y)) continue;
            seen.set(y, (seen.get(x) ?? 0) + 1);
            next.push(y);
          }
        }
        queue = next;
      }
      return seen.get(to) ?? null;
    };
    const ids = (persons.map((r) => r[0]) as string[]).sort();
    const pairs = Array.from({ length: 20 }, (_, i) => [
      ids[(i * 37) % ids.length] as string,
      ids[(i * 53 + 11) % ids.length] as string,
    ]);
    for (const [a, b] of pairs as [string, string][]) {
      const found = await server.db.read<{ hops: number | null }>(
        `MATCH (:ExternalId {key: $a})-[:IDENTIFIES]->(x:Person), (:ExternalId {key: $b})-[:IDENTIFIES]->(y:Person)
         OPTIONAL MATCH path = shortestPath((x)-[:KNOWS*..15]-(y))
         RETURN CASE WHEN x = y THEN 0 ELSE length(path) END AS hops`,
        { a: `${dataset}|Person|${a}`, b: `${dataset}|Person|${b}` },
      );
      expect(found[0]?.hops ?? null, `${a} -> ${b}`).toBe(hops(a, b));
    }
    const linked = (knows as [string, string][]).slice(0, 20);
    for (const [a, b] of linked) {
      const expected = [...(adjacency.get(a) ?? [])].filter((c) => adjacency.get(b)?.has(c)).sort();
      const found = await server.db.read<{ id: string }>(
        `MATCH (:ExternalId {key: $a})-[:IDENTIFIES]->(x:Person)-[:KNOWS]-(c:Person)-[:KNOWS]-(y:Person)<-[:IDENTIFIES]-(:ExternalId {key: $b})
         MATCH (c)<-[:IDENTIFIES]-(cx:ExternalId {dataset: $dataset})
         RETURN DISTINCT cx.externalId AS id ORDER BY id`,
        { a: `${dataset}|Person|${a}`, b: `${dataset}|Person|${b}`, dataset },
      );
      expect(found.map((f) => f.id).sort(), `${a} & ${b}`).toEqual(expected);
    }

    // Idempotent: the same files again change nothing.
    const again = importDataset(mapping, fixtures);
    expect(again.code, again.err).toBe(0);
    expect(again.out).not.toMatch(/[1-9]\d* created/);
    expect(await count(`${mine('Person')} RETURN count(n) AS n`)).toBe(persons.length);
    expect(await ties('KNOWS')).toBe(knows.length);
  }, 600_000);

  it('reports a bad row with its file and line, and imports nothing without --accept-partial', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentgraph-ldbc-bad-'));
    cpSync(fixtures, dir, { recursive: true });
    const knowsPath = join(dir, 'dynamic/person_knows_person_0_0.csv');
    const lines = readFileSync(knowsPath, 'utf8').split('\n');
    lines[3] = `${lines[3]?.split('|')[0]}|999999999|not-a-date`;
    writeFileSync(knowsPath, lines.join('\n'));
    const mapping = testMapping(dir, (m) => {
      m.dataset = `${dataset}-bad`;
    });
    const result = importDataset(mapping, dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/dynamic\/person_knows_person_0_0\.csv:4 .*since/);
    expect(result.err).toMatch(/dynamic\/person_knows_person_0_0\.csv:4 .*no Person "999999999"/);
    expect(
      await server.db.read('MATCH (x:ExternalId {dataset: $d}) RETURN x LIMIT 1', {
        d: `${dataset}-bad`,
      }),
    ).toEqual([]);
  }, 300_000);
});
