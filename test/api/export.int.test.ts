import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph, importGraph } from '../../schema/export/export-graph.ts';
import { exportDigest, tempFolders } from '../helpers/export-files.ts';
import { deleteNodes, removeTestData, testPrefix } from '../helpers/test-data.ts';
import { addTieOk, createEntity } from '../helpers/test-entities.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('exp');
const staff = { role: 'staff' } as const;
const ids: Record<string, string> = {};
const ERR = '__typename ... on Error { message }';

async function create(kind: string, key: string, input: Record<string, unknown>) {
  ids[key] = await createEntity(server, p, kind, input);
}

const tie = (input: Record<string, unknown>) =>
  addTieOk(server, input, { kind: 'article', title: `${p}报道` });

const folders = tempFolders('tg-export-');
const tmp = () => folders.make();

async function deleteTestNodes() {
  await server.db.writeTx(async (tx) => {
    const ids = await tx.run<{ id: string }>(
      'MATCH (n) WHERE n.name STARTS WITH $p OR n.title STARTS WITH $p RETURN n.id AS id',
      { p },
    );
    await deleteNodes(
      tx,
      ids.map((r) => r.id),
    );
  });
}

beforeAll(async () => {
  server = await startTestServer();
  await create('Place', 'city', { name: '武汉', kind: 'city' });
  await create('Field', 'field', { name: '激光' });
  await create('Organization', 'org', { name: '光谷实验室', type: 'key_lab', place: ids.city });
  await create('Person', 'a', { name: '甲', latinName: 'Jia', aliases: ['甲甲'], birthYear: 1980 });
  await create('Person', 'b', { name: '乙', birthYear: 1985 });
  await tie({ kind: 'WORKED_AT', subject: ids.a, object: ids.org, title: '主任', startYear: 2010 });
  await tie({ kind: 'EXPERT_IN', subject: ids.a, object: ids.field, level: 5 });
  await tie({ kind: 'KNOWS', subject: ids.a, object: ids.b, knowsKind: 'mentor', strength: 0.9 });
  await tie({ kind: 'BORN_IN', subject: ids.b, object: ids.city });
  const res = await server.gql<{ setContact: { __typename: string } }>(
    `mutation ($p: ID!) { setContact(person: $p, kind: email, value: "jia@example.com") { ${ERR} } }`,
    { p: ids.a },
    staff,
  );
  expect(res.data?.setContact.__typename).toBe('MutationSetContactSuccess');
});

afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
  folders.removeAll();
});

describe('export and re-import', () => {
  it('exports contact details only when asked', async () => {
    const dir = tmp();
    const manifest = await exportGraph(server.db, {
      format: 'jsonl',
      out: dir,
      prefix: p,
      contacts: true,
    });
    const files = manifest.files.map((f) => f.name);
    expect(files).toContain('Contact');
    expect(files).toContain('HAS_CONTACT');
    expect(readFileSync(join(dir, 'nodes-Contact.jsonl'), 'utf8')).toContain('jia@example.com');
  });

  for (const format of ['jsonl', 'csv'] as const) {
    it(`round-trips test nodes and ties as ${format} (counts and checksum identical)`, async () => {
      const first = tmp();
      const manifest = await exportGraph(server.db, { format, out: first, prefix: p });
      const byName = Object.fromEntries(manifest.files.map((f) => [f.name, f.count]));
      expect(byName).toMatchObject({
        Person: 2,
        Organization: 1,
        Place: 1,
        Field: 1,
        WORKED_AT: 1,
        EXPERT_IN: 1,
        KNOWS: 1,
        BORN_IN: 1,
        LOCATED_IN: 1,
      });
      expect(byName.Source).toBeGreaterThanOrEqual(1);
      expect(byName.Contact).toBeUndefined();
      const before = exportDigest(first);

      await deleteTestNodes();
      const gone = await server.db.read<{ n: number }>(
        'MATCH (n) WHERE n.name STARTS WITH $p RETURN count(n) AS n',
        { p },
      );
      expect(gone[0]?.n).toBe(0);

      const imported = await importGraph(server.db, first);
      expect(imported.nodes).toBe(
        manifest.files.filter((f) => f.kind === 'nodes').reduce((s, f) => s + f.count, 0),
      );
      const again = tmp();
      await exportGraph(server.db, { format, out: again, prefix: p });
      expect(exportDigest(again)).toEqual(before);

      // Readable through the API again, with its ties.
      const read = await server.gql<{
        node: { name: string; aliases: string[]; birthYear: number } | null;
      }>('query ($id: ID!) { node(id: $id) { ... on Person { name aliases birthYear } } }', {
        id: ids.a,
      });
      expect(read.data?.node).toEqual({ name: `${p}甲`, aliases: ['甲甲'], birthYear: 1980 });
    });
  }

  it('gives people exported before search keys existed their keys on import', async () => {
    const dir = tmp();
    await exportGraph(server.db, { format: 'jsonl', out: dir, prefix: p });
    // As an export older than migration 0062 has them: no pinyin keys, the old searchText.
    const file = join(dir, 'nodes-Person.jsonl');
    const old = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const { namePinyin: _, nameInitials: __, ...row } = JSON.parse(line);
        return JSON.stringify({ ...row, searchText: row.name });
      });
    writeFileSync(file, `${old.join('\n')}\n`);
    await deleteTestNodes();
    await importGraph(server.db, dir);
    const [jia] = await server.db.read<{ namePinyin: string[]; searchText: string }>(
      'MATCH (n:Person {id: $id}) RETURN n.namePinyin AS namePinyin, n.searchText AS searchText',
      { id: ids.a?.split(':')[1] },
    );
    expect(jia?.namePinyin).toContain('jiajia');
    expect(jia?.searchText.split(' ')).toEqual(expect.arrayContaining(['jia', 'jiajia']));
  });
});
