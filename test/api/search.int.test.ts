import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetJobKind } from '../../schema/dataset/dataset.job.ts';
import { ImportRunner } from '../../schema/import/run-import.ts';
import { JobRunner } from '../../server/jobs/job-runner.ts';
import { removeImportData } from '../helpers/import-data.ts';
import { rosterDir, writeCsv } from '../helpers/roster-files.ts';
import { deleteNodes, removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('srch');
let target = '';
let twin = '';
/** One letter away from the target's Latin name (Gong Chelin / Gong Cheling). */
let neighbour = '';
/** No Latin name given: found by its pinyin alone. */
let unnamed = '';
/** 龚灵哲 and 龚灵芝: gong lingzhe and gong lingzhi, one letter apart. */
let lingzhe = '';
let lingzhi = '';
let university = '';

type Hit = { entity: { id: string; name: string; __typename: string }; matchedBy: string[] };
async function search(text: string, types?: string[]) {
  const res = await server.gql<{ search: Hit[] }>(
    'query ($text: String!, $types: [EntityKind!]) { search(text: $text, types: $types, first: 20) { entity { __typename id name } matchedBy } }',
    { text, types },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.search;
}

beforeAll(async () => {
  server = await startTestServer();
  // Invented, deliberately rare names, so demo people cannot crowd them out.
  const create = async (name: string, latinName: string | null, aliases: string[]) => {
    const res = await server.gql<{ createPerson: { data: { id: string } } }>(
      `mutation ($input: PersonInput!) { createPerson(input: $input) { ... on MutationCreatePersonSuccess { data { id } } } }`,
      { input: { name, latinName, aliases } },
      { role: 'staff' },
    );
    return res.data!.createPerson.data.id;
  };
  target = await create('龚澈翎', 'Gong Cheling', ['Clara Gong', `${p}alias`]);
  twin = await create('龚澈翎娜', 'Gong Chelingna', [`${p}twin`]);
  neighbour = await create('龚澈林', 'Gong Chelin', [`${p}neighbour`]);
  const res = await server.gql<{ createPerson: { data: { id: string } } }>(
    `mutation ($input: PersonInput!) { createPerson(input: $input) { ... on MutationCreatePersonSuccess { data { id } } } }`,
    { input: { name: '龚翎澈' } },
    { role: 'staff' },
  );
  unnamed = res.data!.createPerson.data.id;
  lingzhe = await create('龚灵哲', null, [`${p}lingzhe`]);
  lingzhi = await create('龚灵芝', null, [`${p}lingzhi`]);
  // An invented university: its short forms are generated, not listed anywhere.
  const org = await server.gql<{ createOrganization: { data: { id: string } } }>(
    `mutation { createOrganization(input: {name: "江夏科技大学", type: university, aliases: ["${p}univ"]}) {
       ... on MutationCreateOrganizationSuccess { data { id } } } }`,
    {},
    { role: 'staff' },
  );
  university = org.data!.createOrganization.data.id;
});

afterAll(async () => {
  // Their names are unprefixed (to be found by pinyin), so they and their history go by id.
  const made = [target, twin, neighbour, unnamed, lingzhe, lingzhi, university].map(
    (g) => g.split(':')[1] as string,
  );
  await server.db.writeTx(async (tx) => {
    await tx.run('MATCH (c:Change) WHERE c.entityId IN $ids DELETE c', { ids: made });
    await deleteNodes(tx, made);
  });
  await removeTestData(server.db, p);
  await server.close();
});

const ids = (hits: Hit[]) => hits.map((h) => h.entity.id);

describe('search', () => {
  it('puts the exact name first, above a longer name that contains it', async () => {
    const hits = await search('龚澈翎');
    expect(hits[0]).toMatchObject({ entity: { id: target }, matchedBy: ['exact_name'] });
    expect(ids(hits)).toContain(twin);
  });

  it('matches the traditional form of a simplified name', async () => {
    const hits = await search('龔澈翎');
    expect(hits[0]?.entity.id).toBe(target);
    expect(hits[0]?.matchedBy).toContain('traditional_form');
  });

  it('matches full pinyin, pinyin initials and the English name in either order', async () => {
    expect(ids(await search('gongcheling'))).toContain(target);
    expect((await search('gongcheling')).find((h) => h.entity.id === target)?.matchedBy).toContain(
      'pinyin',
    );
    expect(ids(await search('gcl', ['Person']))).toContain(target);
    expect(ids(await search('Cheling Gong'))).toContain(target);
    expect(ids(await search('Gong Cheling'))).toContain(target);
  });

  it('matches aliases and says so', async () => {
    const hits = await search('Clara Gong');
    expect(hits[0]?.entity.id).toBe(target);
    expect(hits[0]?.matchedBy[0]).toBe('exact_alias');
    expect((await search('Clara')).find((h) => h.entity.id === target)?.matchedBy).toContain(
      'alias',
    );
  });

  it('matches a single character', async () => {
    expect(ids(await search('澈', ['Person']))).toContain(target);
  });

  it('treats Lucene syntax in user text as text, not as an error', async () => {
    for (const text of ['龚澈翎"', 'AND OR', '(*?', '\\', 'title:x', '~~~', '"""', '[a TO z]']) {
      const res = await server.gql('query ($t: String!) { search(text: $t) { entity { id } } }', {
        t: text,
      });
      expect(res.errors, text).toBeUndefined();
    }
  });

  it('finds places and organisations of the demo graph, filtered by type', async () => {
    const hits = await search('武汉', ['Place']);
    expect(hits[0]?.entity).toMatchObject({ __typename: 'Place', name: '武汉市' });
    expect(hits.every((h) => h.entity.__typename === 'Place')).toBe(true);
    const orgs = await search('华中科技大学', ['Organization']);
    expect(orgs[0]?.entity.name).toBe('华中科技大学');
  });

  it('folds tone marks in pinyin', async () => {
    const hits = await search('Gōng Chèlíng');
    expect(hits[0]?.entity.id).toBe(target);
    const hust = await search('Huázhōng Kējì');
    expect(hust[0]?.entity.name).toBe('华中科技大学');
    expect(hust[0]?.matchedBy).toContain('pinyin');
  });

  it('finds a Chinese name by surname and given name in pinyin, in either order', async () => {
    for (const text of ['gong lingche', 'Lingche Gong', 'gonglingche']) {
      expect(ids(await search(text, ['Person'])), text).toContain(unnamed);
    }
  });

  it('tolerates typos in Latin words of 4+ letters when the text finds nothing as typed', async () => {
    const typo = await search('Gong Chiling', ['Person']);
    expect(typo.find((h) => h.entity.id === target)?.matchedBy).toEqual(['fuzzy']);
    const hust = (await search('华中科技大学', ['Organization']))[0]?.entity.id;
    const huazong = await search('Huazong', ['Organization']);
    expect(huazong.find((h) => h.entity.id === hust)?.matchedBy).toEqual(['fuzzy']);
  });

  it('ranks a near spelling of pinyin (模糊音: zong for zhong) first among typo hits, across all kinds', async () => {
    // Huazong is one letter off huazhong (华中), huarong (华容区), hualong (华龙区) and huadong (姜华东);
    // only the first is the z/zh slip of a 模糊音 input method, so the 华中 entities come first, the
    // shortest name (most of it spelt) first.
    const hits = await search('Huazong');
    expect(hits[0]?.entity.name).toBe('华中科技大学');
    expect(hits[0]?.matchedBy).toEqual(['fuzzy']);
    const firstOther = hits.findIndex((h) => !h.entity.name.startsWith('华中'));
    expect(firstOther === -1 || firstOther >= 3).toBe(true);
    expect(hits.slice(0, 3).map((h) => h.entity.name)).toEqual(
      expect.arrayContaining(['华中科技大学', '华中师范大学', '华中农业大学']),
    );
  });

  it('ranks typo hits below the hits as typed, and looks for typos only when those are few', async () => {
    // One hit as typed (龚灵哲): the typo query adds 龚灵芝 (lingzhi, one letter off), below it.
    const one = await search('Gong Lingzhe', ['Person']);
    expect(one[0]?.entity.id).toBe(lingzhe);
    expect(one[0]?.matchedBy).not.toContain('fuzzy');
    expect(one.find((h) => h.entity.id === lingzhi)?.matchedBy).toEqual(['fuzzy']);
    expect(one.slice(1).every((h) => h.matchedBy[0] === 'fuzzy')).toBe(true);
    // Several hits as typed: no typo query, so 龚澈林 (gong che lin: "lin" is one letter off "ling")
    // stays out.
    const several = await search('Gong Ling', ['Person']);
    expect(ids(several)).toEqual(expect.arrayContaining([target, twin, unnamed, lingzhe, lingzhi]));
    expect(ids(several)).not.toContain(neighbour);
    expect(several.filter((h) => h.matchedBy.includes('fuzzy'))).toEqual([]);
  });

  it('ranks a name one letter off below the names that spell out the text', async () => {
    // "Gong Cheling" finds 龚澈林 (Gong Chelin) as typed, not as a typo: its Latin name reversed and run
    // together, "chelingong", starts with "cheling". Nothing of its names explains the hit, so it is a
    // bare full-text hit, below the two people whose names contain "Gong Cheling".
    const hits = await search('Gong Cheling', ['Person']);
    const at = (id: string) => ids(hits).indexOf(id);
    expect(hits.find((h) => h.entity.id === neighbour)?.matchedBy).toEqual(['full_text']);
    expect(at(target)).toBeGreaterThanOrEqual(0);
    expect(at(twin)).toBeGreaterThanOrEqual(0);
    expect(at(neighbour)).toBeGreaterThan(Math.max(at(target), at(twin)));
  });

  it('finds institutions by their everyday short forms and their initials', async () => {
    for (const [text, name] of [
      ['华中科大', '华中科技大学'],
      ['华科', '华中科技大学'],
      ['hzkd', '华中科技大学'],
      ['武大', '武汉大学'],
      ['北航', '北京航空航天大学'],
    ]) {
      const hits = await search(text as string, ['Organization']);
      expect(hits[0]?.entity.name, text).toBe(name);
    }
  });

  it('generates short forms as aliases that users can remove for good', async () => {
    type Org = { aliases: string[]; generatedAliases: string[] };
    const read = async () =>
      (
        await server.gql<{ organization: Org }>(
          'query ($id: ID!) { organization(id: $id) { aliases generatedAliases } }',
          { id: university },
        )
      ).data!.organization;
    expect(await read()).toEqual({
      aliases: [`${p}univ`, '江科', '江科大', '江夏科大'],
      generatedAliases: ['江科', '江科大', '江夏科大'],
    });
    expect((await search('江夏科大'))[0]).toMatchObject({
      entity: { id: university },
      matchedBy: ['exact_alias'],
    });
    expect((await search('jxkd', ['Organization']))[0]?.entity.id).toBe(university);

    const res = await server.gql(
      `mutation ($id: ID!) { updateOrganization(id: $id, input: {aliases: ["${p}univ", "江夏科大"]}) { __typename } }`,
      { id: university },
      { role: 'staff' },
    );
    expect(res.errors).toBeUndefined();
    expect(await read()).toEqual({
      aliases: [`${p}univ`, '江夏科大'],
      generatedAliases: ['江夏科大'],
    });
    expect(ids(await search('江科大', ['Organization']))).not.toContain(university);
  });

  it('ranks the entity the text names most of above those that merely contain it', async () => {
    const hits = await search('华中科技');
    expect(hits[0]?.entity.name).toBe('华中科技大学');
    expect(hits.slice(1).map((h) => h.entity.name)).toContain('华中科技大学北京校友会');
  });

  it('finds an imported person like a demo person: pinyin with or without tones or a typo, initials, traditional form', async () => {
    const dataset = `${p}-roster`;
    const path = writeCsv(rosterDir(), 'search.csv', [
      ['姓名', '性别'],
      ['龚澈翊', '男'],
      ['张晓光', '男'],
    ]);
    // The talent preset needs no column but the name (alumni needs 母校).
    const options = { preset: 'talent', dataset, actor: 'test', fileName: 'search.csv' } as const;
    const job = await ImportRunner.createJob(server.db, path, options);
    expect(await new ImportRunner(server.db, path, options).run(job)).toMatchObject({
      status: 'done',
      created: 2,
    });
    const imported = await server.db.read<{ id: string; name: string }>(
      'MATCH (s:Source {dataset: $dataset})-[:DESCRIBES]->(n:Person) RETURN n.id AS id, n.name AS name',
      { dataset },
    );
    const idOf = (name: string) => `Person:${imported.find((r) => r.name === name)?.id}`;
    try {
      const found: [string, string][] = [
        ['gong cheyi', '龚澈翊'],
        ['Cheyi Gong', '龚澈翊'],
        ['gongcheyi', '龚澈翊'],
        ['gcy', '龚澈翊'],
        ['龔澈翊', '龚澈翊'],
        ['zhang xiaoguang', '张晓光'],
        ['Zhāng Xiǎoguāng', '张晓光'],
        ['xiaoguang zhang', '张晓光'],
        ['張曉光', '张晓光'],
        ['zhang xiaoguag', '张晓光'],
      ];
      for (const [text, name] of found) {
        expect(ids(await search(text, ['Person'])), text).toContain(idOf(name));
      }
    } finally {
      await server.db.writeTx((tx) =>
        deleteNodes(
          tx,
          imported.map((r) => r.id),
        ),
      );
      await removeImportData(server.db, p);
    }
  });

  it('finds a person from a dataset import (name composed of 姓 + 名) the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-search-dataset-'));
    const dataset = `${p}-dataset`;
    writeFileSync(join(dir, 'people.csv'), '编号,姓,名\n1,张,晓光\n');
    const mapping = {
      dataset,
      nodes: [
        {
          path: 'people.csv',
          label: 'Person',
          id: '编号',
          fields: { name: { concat: ['姓', '名'], separator: '' } },
        },
      ],
    };
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping));
    const jobs = new JobRunner(server.db, pino({ level: 'silent' }));
    const jobId = await jobs.start(
      datasetJobKind.kind,
      { mappingPath: join(dir, 'mapping.json'), scanDuplicates: false },
      { actor: 'test' },
    );
    const job = await jobs.wait(jobId);
    await jobs.shutdown();
    expect(job?.status, job?.error ?? '').toBe('done');
    const [person] = await server.db.read<{ id: string }>(
      'MATCH (:ExternalId {dataset: $dataset})-[:IDENTIFIES]->(n:Person) RETURN n.id AS id',
      { dataset },
    );
    try {
      for (const text of [
        'zhang xiaoguang',
        'Zhāng Xiǎoguāng',
        'zxg',
        '張曉光',
        'zhang xiaoguag',
      ]) {
        expect(ids(await search(text, ['Person'])), text).toContain(`Person:${person?.id}`);
      }
    } finally {
      await server.db.writeTx(async (tx) => {
        if (person) await deleteNodes(tx, [person.id]);
        await tx.run('MATCH (x:ExternalId {dataset: $dataset}) DETACH DELETE x', { dataset });
        await tx.run('MATCH (c:Change {jobId: $jobId}) DELETE c', { jobId });
        await tx.run('MATCH (s:Source {jobId: $jobId}) DETACH DELETE s', { jobId });
        await tx.run('MATCH (j:Job {id: $jobId}) DETACH DELETE j', { jobId });
      });
    }
  });
});
