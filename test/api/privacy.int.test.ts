import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredFiles } from '../../schema/export/export-files.ts';
import { exportGraph, importGraph } from '../../schema/export/export-graph.ts';
import { readMigrations } from '../../server/db/migrate.ts';
import { tempFolders } from '../helpers/export-files.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createEntity, ERR, introduce, mutate, removeOutreachData } from './outreach-helpers.ts';

let server: TestServer;
const p = testPrefix('privacy');
const dataDir = mkdtempSync(join(tmpdir(), 'tg-privacy-'));
const folders = tempFolders('tg-privacy-csv-');
const previousDataDir = process.env.DATA_DIR;
// biome-ignore lint/suspicious/noExplicitAny: tests read the JSON of their own queries
type Json = any;

beforeAll(async () => {
  // Export jobs write below DATA_DIR: this file's own, so its exports folder can be searched.
  process.env.DATA_DIR = dataDir;
  server = await startTestServer({ app: { limits: { perIpPerMinute: 100_000 } } });
});
afterAll(async () => {
  await removeOutreachData(server, p);
  await server.db.writeTx((tx) =>
    tx.run(
      `MATCH (x) WHERE (x:Event OR x:Segment OR x:PersonList) AND x.name STARTS WITH $p
       DETACH DELETE x`,
      { p },
    ),
  );
  await removeTestData(server.db, p);
  await server.close();
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
  folders.removeAll();
});

const gql = (query: string, variables: Record<string, unknown> = {}, role = 'staff' as const) =>
  server.gql<Json>(query, variables, { role });

async function startExportJob(prefix: string) {
  const res = await gql(
    `mutation ($prefix: String) { startExport(format: JSONL, prefix: $prefix, contacts: true, wait: true) {
       ${ERR} ... on MutationStartExportSuccess { data { id status } } } }`,
    { prefix },
  );
  const job = res.data?.startExport.data;
  expect(job?.status, JSON.stringify(res)).toBe('done');
  return job.id.split(':').pop() as string;
}

/** Every text in every export file (zips unpacked). */
async function exportTexts(): Promise<string> {
  const dir = join(dataDir, 'exports');
  let all = '';
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, file);
    if (!statSync(path).isFile()) continue;
    if (!file.endsWith('.zip')) {
      all += readFileSync(path, 'utf8');
      continue;
    }
    const zip = await JSZip.loadAsync(readFileSync(path));
    for (const entry of Object.values(zip.files)) all += await entry.async('string');
  }
  return all;
}

describe('erasure of everything (PIPL)', () => {
  const name = `${p}待删除者`;
  const latinName = `${p} Erased Person`;
  const email = `erase.${p}@example.org`;
  const phone = `139${randomInt(10_000_000, 99_999_999)}`;
  const needles = [name, latinName, email, phone];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.person = await createEntity(server, 'Person', {
      name,
      latinName,
      consentStatus: 'granted',
    });
    ids.friend = await createEntity(server, 'Person', { name: `${p}朋友` });
    ids.org = await createEntity(server, 'Organization', { name: `${p}企业`, type: 'enterprise' });
    for (const [kind, value] of [
      ['phone', phone],
      ['email', email],
    ]) {
      const res = await mutate(
        server,
        'setContact',
        '$p: ID!, $k: ContactKind!, $v: String!',
        'person: $p, kind: $k, value: $v',
        'id',
        { p: ids.person, k: kind, v: value },
      );
      expect(res.__typename).toBe('MutationSetContactSuccess');
    }
    // A viewer watches the friend: a new tie to the person notifies with the person's name.
    await server.gql(
      'mutation ($t: ID!) { watch(target: $t) { __typename } }',
      { t: ids.friend },
      { role: 'viewer' },
    );
    const add = await mutate(server, 'addTie', '$input: AddTieInput!', 'input: $input', 'id', {
      input: { kind: 'KNOWS', subject: ids.friend, object: ids.person, knowsKind: 'friend' },
    });
    expect(add.__typename).toBe('MutationAddTieSuccess');
    const about = `${name} (${email}, ${phone})`;
    await mutate(server, 'claimPerson', '$i: ClaimInput!', 'input: $i', 'id', {
      i: { person: ids.person, claimant: '张处长', note: `call ${about}` },
    });
    await mutate(server, 'logInteraction', '$i: InteractionInput!', 'input: $i', 'id', {
      i: { person: ids.person, channel: 'email', note: `wrote to ${email}` },
    });
    for (const [subject, text] of [
      [ids.person, `NOTE ${about}`],
      [ids.org, `met someone, phone ${phone}`],
    ]) {
      const res = await gql(
        'mutation ($s: ID!, $t: String!) { addNote(subject: $s, text: $t) { __typename } }',
        { s: subject, t: text },
      );
      expect(res.data?.addNote.__typename).toBe('MutationAddNoteSuccess');
    }
    ids.intro = await introduce(
      server,
      { introducer: ids.friend, talent: ids.person, target: ids.org, note: `intro ${about}` },
      ['contacted'],
    );
    await mutate(server, 'createFollowUp', '$i: FollowUpInput!', 'input: $i', 'id', {
      i: { title: `回访 ${name}`, dueOn: '2031-01-01', subject: ids.person },
    });
    const event = await mutate(server, 'createEvent', '$i: EventInput!', 'input: $i', 'id', {
      i: {
        name: `${p}专场`,
        kind: 'forum',
        startsAt: '2031-05-01T09:00:00+08:00',
        timeZone: 'Asia/Shanghai',
      },
    });
    ids.event = event.data.id;
    const invite = await mutate(
      server,
      'inviteToEvent',
      '$i: InviteInput!',
      'input: $i',
      'invited',
      {
        i: { event: ids.event, people: [ids.person] },
      },
    );
    expect(invite.data.invited).toBe(1);
    const invitation = await gql(
      'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id } } } }',
      { id: ids.event },
    );
    await mutate(
      server,
      'setInvitationStatus',
      '$id: ID!, $n: String',
      'id: $id, status: accepted, note: $n',
      'id',
      { id: invitation.data.node.invitations[0].id, n: `will come, ${phone}` },
    );
    await mutate(
      server,
      'createPersonList',
      '$n: String!, $ps: [ID!]',
      'name: $n, people: $ps',
      'id',
      {
        n: `${p}名单`,
        ps: [ids.person],
      },
    );
  });

  it('leaves none of the name, e-mail or phone anywhere in the store or the export files', async () => {
    ids.job = await startExportJob(p);
    ids.otherJob = await startExportJob(`${p}企业`);
    expect(await exportTexts()).toContain(phone);

    const res = await gql(
      `mutation ($id: ID!) { erasePersonalData(person: $id, scope: EVERYTHING, reason: "request 42") {
         ${ERR} ... on MutationErasePersonalDataSuccess { data { erased } } } }`,
      { id: ids.person },
    );
    const erased = res.data?.erasePersonalData.data?.erased as string[];
    expect(erased, JSON.stringify(res)).toContain('export files (1)');

    const inNodes = await server.db.read(
      `MATCH (n) UNWIND keys(n) AS k
       WITH n, k, n[k] AS v
       WITH n, k, CASE WHEN v IS :: STRING THEN [v] WHEN v IS :: LIST<ANY> THEN [x IN v | toString(x)] ELSE [] END AS texts
       UNWIND texts AS t WITH n, k, t WHERE any(needle IN $needles WHERE t CONTAINS needle)
       RETURN labels(n) AS labels, k, t LIMIT 10`,
      { needles },
    );
    expect(inNodes).toEqual([]);
    const inTies = await server.db.read(
      `MATCH ()-[r]->() UNWIND keys(r) AS k
       WITH r, k, r[k] AS v
       WITH r, k, CASE WHEN v IS :: STRING THEN [v] WHEN v IS :: LIST<ANY> THEN [x IN v | toString(x)] ELSE [] END AS texts
       UNWIND texts AS t WITH r, k, t WHERE any(needle IN $needles WHERE t CONTAINS needle)
       RETURN type(r) AS type, k, t LIMIT 10`,
      { needles },
    );
    expect(inTies).toEqual([]);
    const files = await exportTexts();
    for (const needle of needles) expect(files).not.toContain(needle);
    // The other export (the organisation only) stays; the erased one says why it is gone.
    expect(files).toContain(`${p}企业`);
    const job = await gql('query ($id: ID!) { exportJob(id: $id) { status downloadUrl } }', {
      id: `ExportJob:${ids.job}`,
    });
    expect(job.data?.exportJob).toEqual({ status: 'erased', downloadUrl: null });
  });
});

describe('export files', () => {
  it('are owner-only and expire', async () => {
    const job = await startExportJob(`${p}无人`);
    const zip = join(dataDir, 'exports', `${job}.zip`);
    expect(statSync(zip).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'exports')).mode & 0o777).toBe(0o700);
    expect(await sweepExpiredFiles(server.db, dataDir, 7 * 86_400_000)).toBe(0);
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    utimesSync(zip, eightDaysAgo, eightDaysAgo);
    expect(await sweepExpiredFiles(server.db, dataDir, 7 * 86_400_000)).toBeGreaterThanOrEqual(1);
    expect(readdirSync(join(dataDir, 'exports'))).not.toContain(`${job}.zip`);
    const res = await gql('query ($id: ID!) { exportJob(id: $id) { status } }', {
      id: `ExportJob:${job}`,
    });
    expect(res.data?.exportJob.status).toBe('expired');
  });
});

describe('the graph export CSV', () => {
  it('neutralises formulas and reads them back unchanged', async () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const id = await createEntity(server, 'Person', {
      name: `${p}公式`,
      bio: formula,
      title: '+1',
    });
    const dir = folders.make();
    await exportGraph(server.db, {
      format: 'csv',
      out: dir,
      prefix: `${p}公式`,
      labels: ['Person'],
    });
    const csv = readFileSync(join(dir, 'nodes-Person.csv'), 'utf8');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|,)\+1(,|$)/m);
    await importGraph(server.db, dir);
    const back = await gql('query ($id: ID!) { person(id: $id) { bio title } }', { id });
    expect(back.data?.person).toEqual({ bio: formula, title: '+1' });
  });
});

describe('consent', () => {
  it('lists people created without consent fields, as unknown consent', async () => {
    await createEntity(server, 'Person', { name: `${p}未知同意` });
    await server.db.writeTx((tx) =>
      tx.run(
        "CREATE (:Person {id: $id, name: $name, deleted: false, categories: [], createdAt: datetime(), updatedAt: datetime(), searchText: ''})",
        {
          id: `${p}raw`,
          name: `${p}旧记录`,
        },
      ),
    );
    const res = await gql(
      'query ($t: String!) { people(first: 10, filter: { text: $t }) { edges { node { name consentStatus doNotContact } } } }',
      { t: p },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const byName = Object.fromEntries(
      res.data.people.edges.map((e: Json) => [e.node.name, e.node]),
    );
    expect(byName[`${p}未知同意`]).toMatchObject({ consentStatus: 'unknown', doNotContact: false });
    const raw = await gql('query ($id: ID!) { person(id: $id) { consentStatus doNotContact } }', {
      id: `Person:${p}raw`,
    });
    expect(raw.data?.person).toEqual({ consentStatus: 'unknown', doNotContact: false });
  });

  it('fills missing consent fields by migration', async () => {
    await server.db.writeTx((tx) =>
      tx.run('CREATE (:Person {id: $id, name: $name, deleted: false})', {
        id: `${p}old`,
        name: `${p}更旧记录`,
      }),
    );
    const migration = readMigrations().find((m) => m.name === '0065-privacy');
    for (const statement of migration!.statements) await server.db.autoCommit(statement);
    const rows = await server.db.read<{ c: string; d: boolean }>(
      'MATCH (p:Person {id: $id}) RETURN p.consentStatus AS c, p.doNotContact AS d',
      { id: `${p}old` },
    );
    expect(rows).toEqual([{ c: 'unknown', d: false }]);
  });

  it('invites and exports contacts only of people who granted consent', async () => {
    const granted = await createEntity(server, 'Person', {
      name: `${p}同意`,
      consentStatus: 'granted',
    });
    const unknown = await createEntity(server, 'Person', { name: `${p}未表态` });
    for (const [person, value] of [
      [granted, '+86 139 0000 0001'],
      [unknown, '+86 139 0000 0002'],
    ]) {
      await mutate(
        server,
        'setContact',
        '$p: ID!, $v: String!',
        'person: $p, kind: phone, value: $v',
        'id',
        {
          p: person,
          v: value,
        },
      );
    }
    const event = await mutate(server, 'createEvent', '$i: EventInput!', 'input: $i', 'id', {
      i: {
        name: `${p}论坛`,
        kind: 'forum',
        startsAt: '2031-06-01T09:00:00+08:00',
        timeZone: 'Asia/Shanghai',
      },
    });
    const invited = await mutate(
      server,
      'inviteToEvent',
      '$i: InviteInput!',
      'input: $i',
      'invited doNotContact noConsent',
      { i: { event: event.data.id, people: [granted, unknown] } },
    );
    expect(invited.data).toEqual({ invited: 1, doNotContact: 0, noConsent: 1 });
    const list = await mutate(
      server,
      'createPersonList',
      '$n: String!, $ps: [ID!]',
      'name: $n, people: $ps',
      'id',
      {
        n: `${p}联系名单`,
        ps: [granted, unknown],
      },
    );
    const file = await gql('query ($l: ID) { exportPeople(list: $l, format: CSV) { base64 } }', {
      l: list.data.id,
    });
    const csv = Buffer.from(file.data.exportPeople.base64, 'base64').toString('utf8');
    expect(csv).toContain('+86 139 0000 0001');
    expect(csv).not.toContain('+86 139 0000 0002');
    // Reading them is still allowed to staff (to ask for consent), and logged.
    const read = await gql('query ($id: ID!) { person(id: $id) { personalData { visible } } }', {
      id: unknown,
    });
    expect(read.data.person.personalData.visible).toBe(true);
  });
});

describe('totals', () => {
  it('counts the audit log and notifications instead of answering -1', async () => {
    const person = await createEntity(server, 'Person', { name: `${p}计数` });
    for (const bio of ['一', '二']) {
      await mutate(
        server,
        'updatePerson',
        '$id: ID!, $b: String',
        'id: $id, input: { bio: $b }',
        'id',
        {
          id: person,
          b: bio,
        },
      );
    }
    const log = await server.gql<Json>(
      'query ($s: String) { auditLog(first: 1, filter: { subject: $s }) { totalCount edges { cursor } } }',
      { s: person },
      { role: 'admin' },
    );
    expect(log.data.auditLog.totalCount).toBe(3);
    expect(log.data.auditLog.edges).toHaveLength(1);
    const watcher = await server.signIn('viewer');
    await server.gql(
      'mutation ($t: ID!) { watch(target: $t) { __typename } }',
      { t: person },
      {
        token: watcher.token,
      },
    );
    await mutate(server, 'updatePerson', '$id: ID!', 'id: $id, input: { bio: "三" }', 'id', {
      id: person,
    });
    const mine = await server.gql<Json>(
      '{ myNotifications(first: 1) { totalCount unreadCount } }',
      {},
      { token: watcher.token },
    );
    expect(mine.data.myNotifications).toEqual({ totalCount: 1, unreadCount: 1 });
  });
});
