import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDerivedTies } from '../../schema/connections/derived-ties.ts';
import { rebuildIntroductionFacts } from '../../schema/outreach/funnel-facts.ts';
import { rebuildPeopleFacts } from '../../schema/person/current-facts.ts';
import { generateGraph } from '../../seed/generate.ts';
import { loadGraph } from '../../seed/load.ts';
import { createDriver } from '../../server/db/driver.ts';
import { Db } from '../../server/db/run.ts';
import { type LocalNeo4j, startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { graphDigest, notBackedUp, tempFolders } from '../helpers/export-files.ts';
import { freePort } from '../helpers/free-port.ts';
import { copyMigratedStore } from '../helpers/migrated-store.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import {
  createEvent,
  createTeam,
  introduce,
  invitePeople,
  mutate,
  toSigned,
} from './outreach-helpers.ts';

// A full backup: `npm run export` from a database with a generated graph and every kind of outreach and
// admin record, then `npm run export -- --import` into an EMPTY database, gives the same nodes and
// relationships (counts per label and type, and a checksum of each one's properties and ids). Both
// databases are this test's own: the run's shared database changes under the other test files.
const folders = tempFolders('tg-backup-');
const started: LocalNeo4j[] = [];
const drivers: Driver[] = [];
let source: LocalNeo4j;
let target: LocalNeo4j;
let server: TestServer;

/** A local Neo4j of this test's own: empty, or (`migrated`) a copy of the run's migrated store. */
async function localNeo4j(migrated: boolean): Promise<LocalNeo4j> {
  const home = folders.make();
  if (migrated) copyMigratedStore(home);
  const neo4j = await startLocalNeo4j({
    home,
    boltPort: await freePort(),
    heap: '512m',
    pageCache: '256m',
    startTimeoutMs: 600_000,
    txTimeout: '0s',
  });
  started.push(neo4j);
  return neo4j;
}
function dbOf(neo4j: LocalNeo4j): Db {
  const driver = createDriver(neo4j);
  drivers.push(driver);
  return new Db(driver);
}

/** Runs the export CLI against one of the two databases, as an operator would. */
async function exportCli(neo4j: LocalNeo4j, args: string[]) {
  return promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'server/cli/export.ts', ...args],
    {
      env: {
        ...process.env,
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
      },
      maxBuffer: 10_000_000,
    },
  );
}

beforeAll(async () => {
  // The target stays empty: the restore must cope with its own migrations' reference places.
  [source, target] = await Promise.all([localNeo4j(true), localNeo4j(false)]);
  const db = dbOf(source);
  // The demo generator at a tenth of the demo's size: every label and tie type, loaded in seconds.
  await loadGraph(db.driver, generateGraph({ people: 300 }));
  server = await startTestServer({ connection: source });
  // One of each record the app keeps besides the graph, made through the API.
  const [people, orgs] = await Promise.all([
    server.db.read<{ id: string }>('MATCH (p:Person) RETURN p.id AS id ORDER BY p.id LIMIT 3'),
    server.db.read<{ id: string }>(
      'MATCH (o:Organization) RETURN o.id AS id ORDER BY o.id LIMIT 1',
    ),
  ]);
  const [a, b, c] = people.map((p) => `Person:${p.id}`) as [string, string, string];
  const org = `Organization:${orgs[0]!.id}`;
  const teamId = await createTeam(server, '备份组', 'team');
  const staff = await server.signIn('staff', { teamId });
  const as = { token: staff.token };
  const segment = await mutate(
    server,
    'createSegment',
    '$name: String!, $filter: PersonFilter!',
    'name: $name, filter: $filter',
    'id',
    { name: '院士', filter: { categories: ['academician'] } },
    as,
  );
  await mutate(
    server,
    'freezeSegment',
    '$s: ID!',
    'segment: $s, name: "院士名单"',
    'id',
    { s: segment.data.id },
    as,
  );
  await mutate(
    server,
    'claimPerson',
    '$input: ClaimInput!',
    'input: $input',
    'id',
    { input: { person: a, claimant: '一组' } },
    as,
  );
  await mutate(
    server,
    'logInteraction',
    '$input: InteractionInput!',
    'input: $input',
    'id',
    { input: { person: a, channel: 'wechat', note: '初次联系' } },
    as,
  );
  await mutate(
    server,
    'createFollowUp',
    '$input: FollowUpInput!',
    'input: $input',
    'id',
    { input: { subject: b, title: '回访', dueOn: '2030-01-01' } },
    as,
  );
  await introduce(server, { introducer: a, talent: b, target: org }, toSigned, as);
  // An invitation list: its invitations keep id and status, its batch when and by whom.
  const consent = await server.gql<{ recordConsent: { __typename: string } }>(
    'mutation ($p: ID!) { recordConsent(person: $p, status: granted, purpose: "活动邀请", channel: wechat) { __typename } }',
    { p: c },
    { role: 'admin' },
  );
  expect(consent.data?.recordConsent.__typename).toBe('MutationRecordConsentSuccess');
  const event = await createEvent(server, {
    name: '备份活动',
    kind: 'special_session',
    startsAt: '2030-06-01T14:00:00+08:00',
    timeZone: 'Asia/Shanghai',
  });
  expect(await invitePeople(server, event, [c])).toBe(1);
  await mutate(server, 'watch', '$t: ID!', 'target: $t', 'id', { t: b }, as);
  const note = await server.gql<{ addNote: { __typename: string } }>(
    'mutation ($s: ID!) { addNote(subject: $s, text: "备注") { __typename } }',
    { s: c },
    as,
  );
  expect(note.data?.addNote.__typename).toBe('MutationAddNoteSuccess');
  const graph = JSON.stringify({
    nodes: [
      { id: a, x: 0, y: 0 },
      { id: b, x: 100, y: 0 },
    ],
    edges: [],
  });
  await mutate(
    server,
    'saveView',
    '$input: SavedViewInput!',
    'input: $input',
    'id',
    { input: { title: '关系图', graph } },
    as,
  );
  const contact = await server.gql<{ setContact: { __typename: string } }>(
    'mutation ($p: ID!) { setContact(person: $p, kind: email, value: "backup@example.com") { __typename } }',
    { p: a },
    { role: 'admin' },
  );
  expect(contact.data?.setContact.__typename).toBe('MutationSetContactSuccess');
  // Derived ties and kept facts (people's, introductions') are recomputed on import; so here too
  // (as every load does), so both sides come from a rebuild.
  await rebuildDerivedTies(db.driver);
  await rebuildPeopleFacts(db);
  await rebuildIntroductionFacts(db);
}, 900_000);

afterAll(async () => {
  await server?.close();
  await Promise.all(drivers.map((d) => d.close()));
  await Promise.all(started.map((n) => n.stop()));
  folders.removeAll();
}, 120_000);

describe('a full backup', () => {
  it('restores into an empty database with identical counts and checksums', async () => {
    const dir = folders.make();
    await exportCli(source, ['--format', 'jsonl', '--out', dir, '--contacts']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      backup: boolean;
      files: { name: string }[];
    };
    expect(manifest.backup).toBe(true);
    const names = manifest.files.map((f) => f.name);
    for (const label of [
      'Segment',
      'PersonList',
      'InvitationBatch',
      'Claim',
      'Interaction',
      'FollowUp',
      'StageMove',
      'SavedView',
      'Account',
      'Team',
      'Watch',
      'Change',
      'Contact',
    ])
      expect(names).toContain(label);
    expect(readFileSync(join(dir, 'nodes-Account.jsonl'), 'utf8')).not.toContain('passwordHash');

    // The target's migrations wrote the reference places (and their Source) under ids of their own:
    // the restore takes those nodes for the backup's, so none is there twice, nor a PART_OF tie.
    const referenceCounts = (db: Db) =>
      db.read<{ places: number; sources: number; partOf: number }>(
        `CALL () { MATCH (p:Place) RETURN count(p) AS places }
         CALL () { MATCH (s:Source) RETURN count(s) AS sources }
         CALL () { MATCH (:Place)-[r:PART_OF]->(:Place) RETURN count(r) AS partOf }
         RETURN places, sources, partOf`,
      );
    await exportCli(target, ['--import', dir, '--contacts']);
    const [backedUp, restored] = await Promise.all([
      referenceCounts(dbOf(source)),
      referenceCounts(dbOf(target)),
    ]);
    expect(restored).toEqual(backedUp);
    const [before, after] = await Promise.all([
      graphDigest(dbOf(source)),
      graphDigest(dbOf(target)),
    ]);
    expect(after.counts).toEqual(before.counts);
    const [had, has] = [new Set(before.lines), new Set(after.lines)];
    const missing = before.lines.filter((l) => !has.has(l)).slice(0, 5);
    const extra = after.lines.filter((l) => !had.has(l)).slice(0, 5);
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(after.checksum).toBe(before.checksum);
    // Nothing the source holds is left out but the labels a backup skips on purpose.
    expect(Object.keys(before.counts).filter((k) => notBackedUp.includes(k))).toEqual([]);
  }, 600_000);
});
