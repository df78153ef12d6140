import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../seed/demo.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the demo graph loaded by the test run', () => {
  it('has exactly the people it claims, with every kind of thing and tie', async () => {
    const [people] = await server.db.read<{ n: number }>(
      "MATCH (p:Person) WHERE p.sourceId IS NOT NULL AND EXISTS { MATCH (s:Source {id: p.sourceId, kind: 'seed'}) } RETURN count(p) AS n",
    );
    expect(people?.n).toBe(demoPeople);
    const labels = await server.db.read<{ label: string }>(
      'CALL db.labels() YIELD label RETURN label',
    );
    for (const label of [
      'Person',
      'Organization',
      'Place',
      'Field',
      'Project',
      'Event',
      'Introduction',
      'Contact',
      'Source',
    ]) {
      expect(labels.map((l) => l.label)).toContain(label);
    }
    const types = await server.db.read<{ type: string; n: number }>(
      'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n',
    );
    const count = new Map(types.map((t) => [t.type, t.n]));
    for (const type of [
      'STUDIED_AT',
      'WORKED_AT',
      'BORN_IN',
      'LIVES_IN',
      'EXPERT_IN',
      'KNOWS',
      'DERIVED_TIE',
    ]) {
      expect(count.get(type), type).toBeGreaterThan(1000);
    }
  });

  it('keeps contact details off person nodes and marks the people as invented', async () => {
    const [leaks] = await server.db.read<{ n: number }>(
      'MATCH (p:Person) WHERE p.phone IS NOT NULL OR p.email IS NOT NULL OR p.wechat IS NOT NULL RETURN count(p) AS n',
    );
    expect(leaks?.n).toBe(0);
    // Seed sources: the demo data's, and the reference places' (real places, no people).
    const sources = await server.db.read<{ title: string }>(
      "MATCH (s:Source {kind: 'seed'}) RETURN s.title AS title",
    );
    const demo = sources.map((s) => s.title).filter((t) => !t.startsWith('reference places'));
    expect(demo).toEqual([expect.stringMatching(/invented/i)]);
  });

  it('has real places and institutions of the articles, findable by name', async () => {
    const res = await server.gql<{ search: { entity: { name: string } }[] }>(
      '{ a: search(text: "运城", types: [Place]) { entity { name } } }',
    );
    expect(JSON.stringify(res.data)).toContain('运城');
    for (const name of ['华中科技大学', '武汉大学', '武汉理工大学']) {
      const [org] = await server.db.read<{ n: number }>(
        'MATCH (o:Organization {name: $name}) RETURN count(o) AS n',
        { name },
      );
      expect(org?.n, name).toBe(1);
    }
  });
});
