import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../server/db/migrate.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('schema migrations', () => {
  it('are all recorded, and a second run applies nothing and changes no index', async () => {
    const versions = readMigrations().map((m) => m.version);
    const recorded = await server.db.read<{ v: number }>(
      'MATCH (m:Migration) RETURN m.version AS v ORDER BY v',
    );
    expect(recorded.map((r) => r.v)).toEqual(versions);

    const before = await server.db.read('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    expect(await migrate(server.db)).toEqual([]);
    const after = await server.db.read('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    expect(after).toEqual(before);
  });

  it('create a unique id constraint per entity and a cjk full-text index over names', async () => {
    const constraints = await server.db.read<{ labels: string[]; type: string }>(
      "SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, type WHERE type = 'UNIQUENESS' RETURN labels, type",
    );
    const labels = constraints.map((c) => c.labels[0]);
    for (const label of [
      'Person',
      'Organization',
      'Place',
      'Field',
      'Project',
      'Event',
      'Source',
    ]) {
      expect(labels).toContain(label);
    }
    const [fulltext] = await server.db.read<{ analyzer: string; state: string }>(
      "SHOW FULLTEXT INDEXES YIELD name, options, state WHERE name = 'entity_names' RETURN options.indexConfig['fulltext.analyzer'] AS analyzer, state",
    );
    expect(fulltext).toEqual({ analyzer: 'cjk', state: 'ONLINE' });
  });

  it('refuse a second node with the same id', async () => {
    const id = `dup-${Date.now()}`;
    await server.db.writeTx((tx) => tx.run('CREATE (:Field {id: $id, name: $id})', { id }));
    await expect(
      server.db.writeTx((tx) => tx.run('CREATE (:Field {id: $id, name: $id})', { id })),
    ).rejects.toMatchObject({ name: 'ConstraintViolationError' });
    await server.db.writeTx((tx) => tx.run('MATCH (f:Field {id: $id}) DELETE f', { id }));
  });
});
