import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as migrateSearchKeys } from '../../schema/migrations/0062-search-keys.ts';
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

  it('0062 gives entities written before search keys their keys, and a second run keeps them', async () => {
    // As stored before 0062: names and the old searchText, no pinyin keys, no short forms.
    const stamp = Date.now();
    const person = `mig-person-${stamp}`;
    const org = `mig-org-${stamp}`;
    await server.db.writeTx(async (tx) => {
      await tx.run(
        "CREATE (:Person {id: $id, name: '张晓光', deleted: false, searchText: '张晓光 zhangxiaoguang zxg'})",
        { id: person },
      );
      await tx.run(
        "CREATE (:Organization {id: $id, name: '江夏科技大学', aliases: [], deleted: false, searchText: '江夏科技大学'})",
        { id: org },
      );
    });
    type Keys = { searchText: string; namePinyin: string[]; aliases: string[] | null };
    const read = async () =>
      (
        await server.db.read<{ id: string; keys: Keys }>(
          `MATCH (n) WHERE n.id IN $ids
           RETURN n.id AS id, n {.searchText, .namePinyin, .nameInitials, .aliases, .generatedAliases} AS keys`,
          { ids: [person, org] },
        )
      ).reduce<Record<string, Keys>>((all, r) => Object.assign(all, { [r.id]: r.keys }), {});
    try {
      const lines: string[] = [];
      await migrateSearchKeys(server.db, (line) => lines.push(line));
      const after = await read();
      expect(after[person]).toMatchObject({
        namePinyin: expect.arrayContaining(['zhangxiaoguang']),
        searchText: expect.stringContaining('zhang xiaoguang'),
      });
      expect(after[org]).toMatchObject({
        aliases: ['江科', '江科大', '江夏科大'],
        generatedAliases: ['江科', '江科大', '江夏科大'],
        namePinyin: expect.arrayContaining(['jiangxiakejidaxue']),
      });
      expect(lines.some((l) => /^search keys: Person \d+ of \d+ written/.test(l))).toBe(true);
      const [index] = await server.db.read<{ properties: string[]; state: string }>(
        "SHOW FULLTEXT INDEXES YIELD name, properties, state WHERE name = 'entity_names' RETURN properties, state",
      );
      expect(index).toEqual({ properties: ['searchText'], state: 'ONLINE' });
      // Again (as after an interruption): what has its keys is left alone.
      await migrateSearchKeys(server.db);
      expect(await read()).toEqual(after);
    } finally {
      await server.db.writeTx((tx) =>
        tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [person, org] }),
      );
    }
  });
});
