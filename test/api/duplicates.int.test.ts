import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { addTieOk, createEntity } from '../helpers/test-entities.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { mutate } from './outreach-helpers.ts';

let server: TestServer;
const p = testPrefix('dup');
const staff = { role: 'staff' } as const;
const ids: Record<string, string> = {};
const ERR = `__typename ... on Error { message } ... on ValidationError { issues { path message } }`;

async function create(kind: string, key: string, input: Record<string, unknown>) {
  ids[key] = await createEntity(server, p, kind, input);
}

const tie = (input: Record<string, unknown>) => addTieOk(server, input);

async function contact(person: string, kind: string, value: string) {
  const res = await server.gql<{ setContact: { __typename: string } }>(
    `mutation ($p: ID!, $k: ContactKind!, $v: String!) { setContact(person: $p, kind: $k, value: $v) { ${ERR} } }`,
    { p: person, k: kind, v: value },
    staff,
  );
  expect(res.data?.setContact.__typename, JSON.stringify(res)).toBe('MutationSetContactSuccess');
}

const plain = (globalId: string) => globalId.slice(globalId.indexOf(':') + 1);

/** Every relationship of a node except derived ties, with its other end and all its properties. */
async function rels(globalId: string): Promise<string[]> {
  const rows = await server.db.read<{ r: string }>(
    `MATCH (n {id: $id})-[r]-(o) WHERE type(r) <> 'DERIVED_TIE'
     RETURN type(r) + (CASE WHEN startNode(r) = n THEN '>' ELSE '<' END) + coalesce(o.id, '?') + ' ' +
            reduce(s = '', k IN COLLECT { UNWIND keys(r) AS k RETURN k ORDER BY k } |
                   s + k + '=' + toString(r[k]) + ';') AS r`,
    { id: plain(globalId) },
  );
  return rows.map((x) => x.r).sort();
}

type Pair = {
  id: string;
  score: number;
  status: string;
  decidedBy: string | null;
  reasons: { code: string; weight: number; detail: string }[];
  a: { id: string };
  b: { id: string };
};
async function queue(status = 'open', entity = ids.A) {
  const res = await server.gql<{ duplicateCandidates: { totalCount: number; pairs: Pair[] } }>(
    `query ($s: DuplicateStatus, $e: ID) { duplicateCandidates(kind: Person, status: $s, entity: $e, first: 100) {
       totalCount pairs { id score status decidedBy reasons { code weight detail } a { id } b { id } } } }`,
    { s: status, e: entity },
    staff,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.duplicateCandidates.pairs;
}
const pairOf = (pairs: Pair[], x: string, y: string) =>
  pairs.find((q) => [q.a.id, q.b.id].sort().join() === [x, y].sort().join());

async function scan(kind = 'Person', autoMerge = false) {
  const res = await server.gql<{
    findDuplicates: {
      data: { records: number; compared: number; proposed: number; autoMerged: number };
    };
  }>(
    `mutation ($k: DuplicateKind!, $a: Boolean) { findDuplicates(kind: $k, autoMerge: $a) { ${ERR}
       ... on MutationFindDuplicatesSuccess { data { records compared proposed autoMerged } } } }`,
    { k: kind, a: autoMerge },
    staff,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.findDuplicates.data;
}

beforeAll(async () => {
  server = await startTestServer();
  await create('Place', 'home', { name: '运城', kind: 'city' });
  await create('Place', 'city', { name: '北京', kind: 'city' });
  await create('Field', 'field', { name: '光电' });
  await create('Organization', 'org1', { name: '甲公司', type: 'enterprise' });
  await create('Organization', 'org2', { name: '乙大学', type: 'university' });
  await create('Organization', 'assoc', { name: '校友会', type: 'alumni_association' });
  await create('Project', 'proj', { name: '项目', kind: 'startup', status: 'idea' });
  // Duplicates planted: traditional form, English name in the other order.
  await create('Person', 'A', { name: '郑华', birthYear: 1975 });
  await create('Person', 'B', { name: '鄭華', birthYear: 1975 });
  await create('Person', 'C', { name: 'C', latinName: 'Hua Zheng', birthYear: 1976 });
  // Missed before: a homophone (丁四 for 丁思) and a Latin name in English order, same birth year.
  await create('Person', 'D', { name: '测试丁思', birthYear: 1970 });
  await create('Person', 'E', { name: '测试丁四', birthYear: 1970 });
  await create('Person', 'F', { name: 'F', latinName: 'Dingsi Ceshi', birthYear: 1970 });
  for (const k of ['A', 'B', 'C'])
    await tie({ kind: 'BORN_IN', subject: ids[k], object: ids.home });
  await tie({
    kind: 'WORKED_AT',
    subject: ids.A,
    object: ids.org1,
    startYear: 2000,
    endYear: 2010,
  });
  await tie({ kind: 'WORKED_AT', subject: ids.C, object: ids.org1, startYear: 2005 });
});

afterAll(async () => {
  await server.db.writeTx(async (tx) => {
    const all = Object.values(ids).map(plain);
    await tx.run('MATCH (m:Merge) WHERE m.keepId IN $ids OR m.mergedId IN $ids DETACH DELETE m', {
      ids: all,
    });
    await tx.run('MATCH (d:DuplicatePair) WHERE d.a IN $ids OR d.b IN $ids DETACH DELETE d', {
      ids: all,
    });
    await tx.run('MATCH (s:Source) WHERE s.title STARTS WITH $p DETACH DELETE s', { p });
  });
  await removeTestData(server.db, p);
  await server.close();
});

describe('duplicate candidates', () => {
  it('proposes planted duplicates with their reasons and scores', async () => {
    const result = await scan();
    expect(result.records).toBeGreaterThan(3000);
    expect(result.compared).toBeLessThan((result.records * (result.records - 1)) / 2 / 100);
    const open = await queue();
    const ab = pairOf(open, ids.A!, ids.B!);
    expect(ab?.reasons.map((r) => r.code)).toEqual([
      'same_chinese_name',
      'same_birth_year',
      'same_hometown',
    ]);
    expect(ab?.score).toBeCloseTo(0.95);
    const ac = pairOf(open, ids.A!, ids.C!);
    // B (鄭華, 1975) is a third record of the name born within a year of the pair: one namesake.
    expect(ac?.reasons.map((r) => r.code)).toEqual([
      'same_pinyin_name',
      'birth_year_off_by_one',
      'same_hometown',
      'shared_employer',
      'common_name',
    ]);
    expect(ac?.reasons.find((r) => r.code === 'common_name')?.detail).toBe('zhenghua ×1');
    expect(ac?.reasons.find((r) => r.code === 'shared_employer')?.detail).toBe(plain(ids.org1!));
  });

  it('proposes same-year homophones and a Latin name in English order', async () => {
    const open = await queue('open', ids.D);
    expect(pairOf(open, ids.D!, ids.E!)?.reasons.map((r) => r.code)).toEqual([
      'same_pinyin_other_characters',
      'same_birth_year',
    ]);
    expect(pairOf(open, ids.D!, ids.F!)?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['same_pinyin_name', 'same_birth_year']),
    );
  });

  it('is for editors only', async () => {
    const res = await server.gql(
      'query { duplicateCandidates(kind: Person) { totalCount } }',
      {},
      { role: 'viewer' },
    );
    expect(res.errors?.[0]?.message).toMatch(/may not/);
  });

  it('never proposes a pair judged not_same again', async () => {
    const ac = pairOf(await queue(), ids.A!, ids.C!);
    const res = await server.gql<{ judgeDuplicate: { data: Pair } }>(
      `mutation ($id: ID!) { judgeDuplicate(id: $id, verdict: not_same, note: "different people") { ${ERR}
         ... on MutationJudgeDuplicateSuccess { data { id status decidedBy score reasons { code weight detail } a { id } b { id } } } } }`,
      { id: ac!.id },
      staff,
    );
    expect(res.data?.judgeDuplicate.data.status).toBe('not_same');
    expect(res.data?.judgeDuplicate.data.decidedBy).toMatch(/^Account:/);
    await scan();
    expect(pairOf(await queue(), ids.A!, ids.C!)).toBeUndefined();
    expect(pairOf(await queue('not_same'), ids.A!, ids.C!)?.id).toBe(ac!.id);
    expect(pairOf(await queue(), ids.A!, ids.B!)).toBeDefined();
    const history = await server.db.read<{ actor: string; op: string }>(
      'MATCH (c:Change {entityId: $id}) RETURN c.actor AS actor, c.op AS op',
      { id: plain(ac!.id) },
    );
    expect(history).toEqual([{ actor: expect.stringMatching(/^Account:/), op: 'judge' }]);
  });
});

describe('merge and undo', () => {
  it('moves ties of every kind and undo restores exactly them', async () => {
    await create('Person', 'K', { name: '孔', birthYear: 1970 });
    await create('Person', 'M', { name: '孔二', latinName: 'Kong Er', aliases: ['孔老二'] });
    await create('Person', 'X', { name: '友' });
    await create('Person', 'Y', { name: '合作者' });
    const M = ids.M!;
    await tie({
      kind: 'STUDIED_AT',
      subject: M,
      object: ids.org2,
      degree: 'phd',
      startYear: 1990,
      endYear: 1995,
    });
    await tie({
      kind: 'WORKED_AT',
      subject: M,
      object: ids.org1,
      title: '工程师',
      startYear: 1996,
    });
    await tie({ kind: 'WORKED_AT', subject: ids.K, object: ids.org1, startYear: 1997 });
    await tie({ kind: 'BORN_IN', subject: M, object: ids.home });
    await tie({ kind: 'LIVES_IN', subject: M, object: ids.city, current: true });
    await tie({ kind: 'MEMBER_OF', subject: M, object: ids.assoc, role: '理事' });
    await tie({ kind: 'EXPERT_IN', subject: M, object: ids.field, level: 4 });
    await tie({ kind: 'LEADS', subject: M, object: ids.proj, role: 'PI' });
    await tie({ kind: 'KNOWS', subject: M, object: ids.X, knowsKind: 'friend', strength: 0.8 });
    await tie({ kind: 'KNOWS', subject: ids.Y, object: M, knowsKind: 'coauthor', since: 2001 });
    await tie({ kind: 'KNOWS', subject: ids.K, object: M, knowsKind: 'colleague' });
    await contact(M, 'phone', `139${randomInt(10_000_000, 99_999_999)}`);
    await server.db.writeTx(async (tx) => {
      await tx.run(
        `MATCH (m:Person {id: $m})
         CREATE (m)-[:GAVE_CONSENT]->(:Consent {id: $c, status: 'granted', purpose: 'events'})
         CREATE (:Source {id: $s, kind: 'roster', title: $title, rowKey: $s})-[:DESCRIBES {line: 7}]->(m)`,
        { m: plain(M), c: `${p}consent`, s: `${p}source`, title: `${p}roster` },
      );
    });
    const keepBefore = await rels(ids.K!);
    const mergedBefore = await rels(M);
    expect(new Set(mergedBefore.map((r) => r.split(/[<>]/)[0])).size).toBe(11);

    const res = await server.gql<{
      mergePeople: {
        data: { id: string; movedTies: number; setAsideTies: number; aliasesAdded: string[] };
      };
    }>(
      `mutation ($k: ID!, $m: ID!) { mergePeople(keep: $k, merge: $m, reason: "same person") { ${ERR}
         ... on MutationMergePeopleSuccess { data { id movedTies setAsideTies aliasesAdded } } } }`,
      { k: ids.K, m: M },
      staff,
    );
    expect(res.errors).toBeUndefined();
    const merge = res.data!.mergePeople.data;
    expect(merge.setAsideTies).toBe(1);
    expect(merge.movedTies).toBe(mergedBefore.length - 1);
    expect(merge.aliasesAdded).toEqual([`${p}孔二`, 'Kong Er', '孔老二']);
    expect(await rels(M)).toEqual([]);
    const keepAfter = await rels(ids.K!);
    // Every tie of the merged record is now on the kept one, with the same properties.
    const moved = mergedBefore.filter((r) => !r.includes(plain(ids.K!)));
    expect(keepAfter.length).toBe(keepBefore.length - 1 + moved.length);
    for (const r of moved) expect(keepAfter).toContain(r);
    const state = await server.db.read<{
      deleted: boolean;
      into: string;
      aliases: string[];
      text: string;
    }>(
      `MATCH (m:Person {id: $m}), (k:Person {id: $k})
       RETURN m.deleted AS deleted, m.mergedInto AS into, k.aliases AS aliases, k.searchText AS text`,
      { m: plain(M), k: plain(ids.K!) },
    );
    expect(state[0]).toMatchObject({ deleted: true, into: plain(ids.K!) });
    expect(state[0]!.text).toContain('kong er');

    const undo = await server.gql<{ undoMerge: { data: { movedBack: number; missing: number } } }>(
      `mutation ($id: ID!) { undoMerge(id: $id) { ${ERR} ... on MutationUndoMergeSuccess { data { movedBack missing } } } }`,
      { id: merge.id },
      staff,
    );
    expect(undo.data?.undoMerge.data).toEqual({ movedBack: merge.movedTies, missing: 0 });
    expect(await rels(M)).toEqual(mergedBefore);
    expect(await rels(ids.K!)).toEqual(keepBefore);
    const restored = await server.db.read<{ deleted: boolean; aliases: string[] | null }>(
      'MATCH (m:Person {id: $m}), (k:Person {id: $k}) RETURN m.deleted AS deleted, k.aliases AS aliases',
      { m: plain(M), k: plain(ids.K!) },
    );
    expect(restored[0]?.deleted).toBe(false);
    expect(restored[0]?.aliases ?? []).not.toContain('Kong Er');

    const again = await server.gql<{ undoMerge: { __typename: string } }>(
      `mutation ($id: ID!) { undoMerge(id: $id) { ${ERR} } }`,
      { id: merge.id },
      staff,
    );
    expect(again.data?.undoMerge.__typename).toBe('ConflictError');
  });

  it('merges organisations with every tie and undoes it', async () => {
    await create('Organization', 'O1', { name: '华中科大', type: 'university', place: ids.city });
    await create('Organization', 'O2', { name: '華中科大', type: 'university', place: ids.home });
    await create('Person', 'W', { name: '员工' });
    await tie({ kind: 'IN_FIELD', subject: ids.O2, object: ids.field });
    await tie({ kind: 'WORKED_AT', subject: ids.W, object: ids.O2, startYear: 2001 });
    await tie({ kind: 'STUDIED_AT', subject: ids.W, object: ids.O2, degree: 'master' });
    await tie({ kind: 'HOSTED_BY', subject: ids.proj, object: ids.O2 });
    const before = [await rels(ids.O1!), await rels(ids.O2!)];
    expect(before[1]!.length).toBe(5);
    const res = await server.gql<{
      mergeOrganizations: { data: { id: string; movedTies: number } };
    }>(
      `mutation ($k: ID!, $m: ID!) { mergeOrganizations(keep: $k, merge: $m) { ${ERR}
         ... on MutationMergeOrganizationsSuccess { data { id movedTies } } } }`,
      { k: ids.O1, m: ids.O2 },
      staff,
    );
    expect(res.data?.mergeOrganizations.data.movedTies).toBe(5);
    expect((await rels(ids.O1!)).length).toBe(before[0]!.length + 5);
    await server.gql(
      `mutation ($id: ID!) { undoMerge(id: $id) { ${ERR} } }`,
      {
        id: res.data!.mergeOrganizations.data.id,
      },
      staff,
    );
    expect([await rels(ids.O1!), await rels(ids.O2!)]).toEqual(before);
  });

  it('refuses to merge a record into itself or across kinds', async () => {
    const self = await server.gql<{ mergePeople: { __typename: string } }>(
      `mutation ($k: ID!) { mergePeople(keep: $k, merge: $k) { ${ERR} } }`,
      { k: ids.K },
      staff,
    );
    expect(self.data?.mergePeople.__typename).toBe('ValidationError');
    const cross = await server.gql<{ mergePeople: { __typename: string } }>(
      `mutation ($k: ID!, $m: ID!) { mergePeople(keep: $k, merge: $m) { ${ERR} } }`,
      { k: ids.K, m: ids.O1 },
      staff,
    );
    expect(cross.data?.mergePeople.__typename).toBe('ValidationError');
  });
});

describe('merge with outreach records', () => {
  it('moves claims, interactions, follow-ups, list places and watches; a list keeps the person once; undo puts them back', async () => {
    await create('Person', 'K2', { name: '钱' });
    await create('Person', 'M2', { name: '钱二' });
    const [K2, M2] = [ids.K2!, ids.M2!];
    const list = (name: string, people: string[]) =>
      mutate(server, 'createPersonList', '$n: String!, $p: [ID!]', 'name: $n, people: $p', 'id', {
        n: `${p}${name}`,
        p: people,
      });
    const both = (await list('名单甲', [K2, M2])).data.id as string;
    const onlyMerged = (await list('名单乙', [M2])).data.id as string;
    const ok = async (name: string, input: string, variables: Record<string, unknown>) =>
      expect(
        (await mutate(server, name, `$input: ${input}!`, 'input: $input', 'id', variables))
          .__typename,
      ).toBe(`Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`);
    await ok('logInteraction', 'InteractionInput', {
      input: { person: M2, channel: 'wechat', note: '问候' },
    });
    await ok('claimPerson', 'ClaimInput', { input: { person: M2, claimant: '一组' } });
    await ok('createFollowUp', 'FollowUpInput', {
      input: { subject: M2, title: '回访', dueOn: '2026-12-31' },
    });
    const watched = await mutate(server, 'watch', '$t: ID!', 'target: $t', 'id', { t: M2 });
    expect(watched.__typename).toBe('MutationWatchSuccess');
    const members = async (id: string) =>
      (
        await server.db.read<{ id: string }>(
          'MATCH (:PersonList {id: $id})-[:HAS_MEMBER]->(n) RETURN n.id AS id ORDER BY id',
          { id: plain(id) },
        )
      ).map((r) => r.id);
    const watchTarget = async () =>
      (
        await server.db.read<{ t: string }>('MATCH (w:Watch {id: $id}) RETURN w.targetId AS t', {
          id: plain(watched.data.id),
        })
      )[0]?.t;
    const keepBefore = await rels(K2);
    const mergedBefore = await rels(M2);

    const merged = await server.gql<{ mergePeople: { __typename: string; data?: { id: string } } }>(
      `mutation ($k: ID!, $m: ID!) { mergePeople(keep: $k, merge: $m) { ${ERR}
         ... on MutationMergePeopleSuccess { data { id } } } }`,
      { k: K2, m: M2 },
      staff,
    );
    expect(merged.data?.mergePeople.__typename, JSON.stringify(merged)).toBe(
      'MutationMergePeopleSuccess',
    );
    expect(await rels(M2)).toEqual([]);
    expect(await members(both)).toEqual([plain(K2)]);
    expect(await members(onlyMerged)).toEqual([plain(K2)]);
    const kept = (await rels(K2)).map((r) => r.split(' ')[0]?.replace(/[<>].*/, ''));
    expect(kept.filter((t) => t === 'ON')).toHaveLength(2); // the claim and the interaction
    expect(kept.filter((t) => t === 'ABOUT')).toHaveLength(1);
    expect(await watchTarget()).toBe(plain(K2));

    const undo = await server.gql<{ undoMerge: { __typename: string } }>(
      `mutation ($id: ID!) { undoMerge(id: $id) { ${ERR} } }`,
      { id: merged.data!.mergePeople.data!.id },
      staff,
    );
    expect(undo.data?.undoMerge.__typename).toBe('MutationUndoMergeSuccess');
    expect(await rels(M2)).toEqual(mergedBefore);
    expect(await rels(K2)).toEqual(keepBefore);
    expect(await members(both)).toEqual([plain(K2), plain(M2)].sort());
    expect(await watchTarget()).toBe(plain(M2));
  });
});

describe('auto-merge on hard identifiers', () => {
  it('merges people sharing an identity number or phone, recorded and undoable', async () => {
    await create('Person', 'H1', { name: '何一' });
    await create('Person', 'H2', { name: 'He Yi' });
    await create('Person', 'H3', { name: '何毅' });
    const idNo = `1101051980${randomInt(1_000_000, 9_999_999)}X`;
    await contact(ids.H1!, 'id_number', idNo);
    await contact(ids.H2!, 'id_number', idNo.toLowerCase());
    const phone = `137${randomInt(10_000_000, 99_999_999)}`;
    await contact(ids.H2!, 'phone', phone);
    await contact(ids.H3!, 'phone', `+86 ${phone.slice(0, 3)}-${phone.slice(3)}`);
    // 何一 is the oldest record, created on a whole second: as text its time ("…:00Z") sorts after
    // the later ones ("…:00.25Z"), which once made the scan keep the wrong person.
    await server.db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row MATCH (p:Person {id: row.id}) SET p.createdAt = datetime(row.at)`,
        {
          rows: [
            { id: plain(ids.H1!), at: '2024-03-01T08:00:00Z' },
            { id: plain(ids.H2!), at: '2024-03-01T08:00:00.25Z' },
            { id: plain(ids.H3!), at: '2024-03-01T08:00:00.5Z' },
          ],
        },
      ),
    );
    const result = await scan('Person', true);
    expect(result.autoMerged).toBeGreaterThanOrEqual(2);
    const merges = await server.db.read<{
      id: string;
      keep: string;
      merged: string;
      auto: boolean;
      reason: string;
    }>(
      `MATCH (m:Merge) WHERE m.mergedId IN $ids
       RETURN m.id AS id, m.keepId AS keep, m.mergedId AS merged, m.auto AS auto, m.reason AS reason
       ORDER BY m.mergedId`,
      { ids: [ids.H2, ids.H3].map((x) => plain(x!)) },
    );
    expect(merges.map((m) => [m.keep, m.auto])).toEqual([
      [plain(ids.H1!), true],
      [plain(ids.H1!), true],
    ]);
    const contacts = await server.db.read<{ n: number }>(
      'MATCH (:Person {id: $id})-[:HAS_CONTACT]->(c) RETURN count(c) AS n',
      { id: plain(ids.H1!) },
    );
    expect(contacts[0]!.n).toBe(4);
    for (const m of merges.reverse()) {
      const undo = await server.gql<{ undoMerge: { __typename: string } }>(
        `mutation ($id: ID!) { undoMerge(id: $id) { ${ERR} } }`,
        { id: `Merge:${m.id}` },
        staff,
      );
      expect(undo.data?.undoMerge.__typename).toBe('MutationUndoMergeSuccess');
    }
    const after = await server.db.read<{ id: string; n: number; deleted: boolean }>(
      `MATCH (p:Person) WHERE p.id IN $ids
       RETURN p.id AS id, COUNT { (p)-[:HAS_CONTACT]->() } AS n, p.deleted AS deleted ORDER BY p.name`,
      { ids: ['H1', 'H2', 'H3'].map((k) => plain(ids[k]!)) },
    );
    expect(after.map((a) => [a.n, a.deleted]).sort()).toEqual([
      [1, false],
      [1, false],
      [2, false],
    ]);
  });
});

describe('reading every person page by page (Db.readAll, used by the scan)', () => {
  it('returns the same rows, in id order, as one read', async () => {
    const all = await server.db.read<{ id: string }>(
      'MATCH (p:Person) RETURN p.id AS id ORDER BY p.id',
    );
    const queries: number[] = [];
    const paged = await server.db
      .scoped({ onQuery: (q) => queries.push(q.rows) })
      .readAll<{ id: string }>(
        'MATCH (p:Person) WHERE p.id > $after WITH p ORDER BY p.id LIMIT $limit RETURN p.id AS id',
        {},
        500,
      );
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    // Full pages of 500, then the last partial (or empty) one.
    expect(queries.length).toBe(Math.floor(all.length / 500) + 1);
  });
});
