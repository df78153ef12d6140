import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import {
  createEntity,
  deleteIntroductions,
  mutate,
  removeOutreachData,
} from './outreach-helpers.ts';

let server: TestServer;
const p = testPrefix('oev');
const ids: Record<string, string> = {};
const people: string[] = [];
let segment = '';
let list = '';

const addTie = (input: Record<string, unknown>) =>
  mutate(server, 'addTie', '$input: AddTieInput!', 'input: $input', 'id', { input });

const createEvent = async (capacity: number | null) => {
  const res = await mutate(
    server,
    'createEvent',
    '$input: EventInput!',
    'input: $input',
    'id status capacity startsAt timeZone city { name }',
    {
      input: {
        name: `${p}校友专场`,
        kind: 'special_session',
        startsAt: '2026-06-01T14:00:00+08:00',
        timeZone: 'Asia/Shanghai',
        city: ids.city1,
        venue: '光谷会议中心',
        organiser: ids.org,
        capacity,
      },
    },
  );
  expect(res.__typename, JSON.stringify(res)).toBe('MutationCreateEventSuccess');
  return res.data;
};

const invite = (input: Record<string, unknown>) =>
  mutate(
    server,
    'inviteToEvent',
    '$input: InviteInput!',
    'input: $input',
    'invited alreadyInvited doNotContact',
    { input },
  );

const setStatus = (id: string, status: string, note?: string) =>
  mutate(
    server,
    'setInvitationStatus',
    '$id: ID!, $status: InvitationStatus!, $note: String',
    'id: $id, status: $status, note: $note',
    'id status',
    { id, status, note },
  );

async function invitations(event: string) {
  const res = await server.gql<{
    node: {
      seatsTaken: number;
      invitations: { id: string; status: string; person: { name: string } }[];
    };
  }>(
    'query ($id: ID!) { node(id: $id) { ... on Event { seatsTaken invitations { id status person { name } } } } }',
    { id: event },
    { role: 'staff' },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.node;
}

beforeAll(async () => {
  server = await startTestServer();
  ids.city1 = await createEntity(server, 'Place', { name: `${p}甲市`, kind: 'city' });
  ids.city2 = await createEntity(server, 'Place', { name: `${p}乙市`, kind: 'city' });
  ids.district = await createEntity(server, 'Place', {
    name: `${p}甲区`,
    kind: 'district',
    parent: ids.city1,
  });
  ids.org = await createEntity(server, 'Organization', {
    name: `${p}人才站`,
    type: 'talent_station',
    place: ids.city2,
  });
  for (let i = 0; i < 5; i++) {
    const id = await createEntity(server, 'Person', {
      name: `${p}成员${i}`,
      // Invitations and contact columns need consent (unknown consent is not consent).
      consentStatus: 'granted',
      doNotContact: i === 4,
      // Coded values the exports put in words.
      ...(i === 0 ? { categories: ['academician', 'native_elsewhere'], level: 'national' } : {}),
    });
    people.push(id);
    // Three live in city1 (one via a district), two in city2; two of the city1 ones work in city2.
    await addTie({
      kind: 'LIVES_IN',
      subject: id,
      object: i < 2 ? ids.city1 : i === 2 ? ids.district : ids.city2,
      current: true,
    });
    if (i < 2) await addTie({ kind: 'WORKED_AT', subject: id, object: ids.org, current: true });
  }
  const seg = await mutate(
    server,
    'createSegment',
    '$name: String!, $filter: PersonFilter!',
    'name: $name, filter: $filter',
    'id memberCount',
    {
      name: `${p}人群`,
      filter: { text: p },
    },
  );
  segment = seg.data.id;
  expect(seg.data.memberCount).toBe(5);
  const setContact = await server.gql<{ setContact: { __typename: string } }>(
    'mutation ($id: ID!) { setContact(person: $id, kind: phone, value: "+86 138 0020 0001") { __typename } }',
    { id: people[0] },
    { role: 'staff' },
  );
  expect(setContact.data?.setContact.__typename).toBe('MutationSetContactSuccess');
  // A do-not-contact person with a phone: exports must leave it out.
  const dncPhone = await server.gql<{ setContact: { __typename: string } }>(
    'mutation ($id: ID!) { setContact(person: $id, kind: phone, value: "+86 138 0020 0004") { __typename } }',
    { id: people[4] },
    { role: 'staff' },
  );
  expect(dncPhone.data?.setContact.__typename).toBe('MutationSetContactSuccess');
}, 90_000);

afterAll(async () => {
  await server.db.writeTx(async (tx) => {
    const [via] = await tx.run<{ ids: string[] }>(
      `MATCH (i:Introduction)-[:VIA_EVENT]->(e:Event) WHERE e.name STARTS WITH $p
       RETURN collect(i.id) AS ids`,
      { p },
    );
    await deleteIntroductions(tx, via?.ids ?? []);
    await tx.run(
      `MATCH (x) WHERE (x:Segment OR x:PersonList OR x:Event) AND x.name STARTS WITH $p
       DETACH DELETE x`,
      { p },
    );
  });
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

describe('segments and lists', () => {
  it('ranks cities by members our consultants can reach, then by members living or working there', async () => {
    const cities = async () => {
      const res = await server.gql<{
        segment: {
          cities: {
            city: { name: string };
            lives: number;
            works: number;
            total: number;
            reachable: number;
          }[];
        };
      }>(
        'query ($id: ID!) { segment(id: $id) { cities { city { name } lives works total reachable } } }',
        { id: segment },
        { role: 'staff' },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.segment.cities;
    };
    expect(await cities()).toEqual([
      { city: { name: `${p}乙市` }, lives: 2, works: 2, total: 4, reachable: 0 },
      { city: { name: `${p}甲市` }, lives: 3, works: 0, total: 3, reachable: 0 },
    ]);
    // A consultant who knows someone who knows member 2 (甲区, so 甲市): 甲市 becomes reachable, and first.
    const consultant = await createEntity(server, 'Person', { name: `${p}顾问` });
    const friend = await createEntity(server, 'Person', { name: `${p}朋友` });
    await addTie({
      kind: 'MEMBER_OF',
      subject: consultant,
      object: ids.org,
      role: '招才顾问',
      current: true,
    });
    await addTie({ kind: 'KNOWS', subject: consultant, object: friend, knowsKind: 'friend' });
    await addTie({ kind: 'KNOWS', subject: friend, object: people[2], knowsKind: 'colleague' });
    try {
      expect(await cities()).toEqual([
        { city: { name: `${p}甲市` }, lives: 3, works: 0, total: 3, reachable: 1 },
        { city: { name: `${p}乙市` }, lives: 2, works: 2, total: 4, reachable: 0 },
      ]);
    } finally {
      // The segment (text filter) holds them too: later tests count its members.
      for (const id of [consultant, friend]) {
        await server.gql(
          'mutation ($id: ID!) { deleteEntity(id: $id) { __typename } }',
          { id },
          {
            role: 'staff',
          },
        );
      }
    }
  });

  it('freezes a segment into a list and edits the list by hand', async () => {
    const frozen = await mutate(
      server,
      'freezeSegment',
      '$s: ID!, $n: String!',
      'segment: $s, name: $n',
      'id memberCount',
      { s: segment, n: `${p}名单` },
    );
    list = frozen.data.id;
    expect(frozen.data.memberCount).toBe(5);
    const edited = await mutate(
      server,
      'editPersonList',
      '$l: ID!, $r: [ID!]',
      'list: $l, remove: $r',
      'memberCount',
      { l: list, r: [people[3]] },
    );
    expect(edited.data.memberCount).toBe(4);
    // The segment is live: a new member shows up in it, not in the frozen list.
    await createEntity(server, 'Person', { name: `${p}新人`, consentStatus: 'granted' });
    const res = await server.gql<{
      segment: { memberCount: number };
      personList: { memberCount: number };
    }>(
      'query ($s: ID!, $l: ID!) { segment(id: $s) { memberCount } personList(id: $l) { memberCount } }',
      { s: segment, l: list },
      { role: 'staff' },
    );
    expect(res.data).toEqual({ segment: { memberCount: 6 }, personList: { memberCount: 4 } });
  });
});

describe('events and invitations', () => {
  it('validates events and refuses illegal event status moves', async () => {
    const bad = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
      input: {
        name: `${p}坏`,
        kind: 'forum',
        startsAt: '2026-06-01 14:00',
        timeZone: 'Mars/Base',
        capacity: 0,
      },
    });
    expect(bad.__typename).toBe('ValidationError');
    expect(
      (bad as unknown as { issues: { path: string[] }[] }).issues.map((i) => i.path.at(-1)).sort(),
    ).toEqual(['capacity', 'startsAt', 'timeZone']);
    const event = await createEvent(null);
    expect(event).toMatchObject({
      status: 'planned',
      startsAt: '2026-06-01T14:00:00+08:00',
      city: { name: `${p}甲市` },
    });
    const held = await mutate(
      server,
      'setEventStatus',
      '$id: ID!, $s: EventStatus!',
      'id: $id, status: $s',
      'status',
      { id: event.id, s: 'held' },
    );
    expect(held.__typename).toBe('ConflictError');
    const consultant = await server.gql(
      'mutation ($id: ID!) { setEventStatus(id: $id, status: open) { __typename } }',
      { id: event.id },
      { role: 'consultant' },
    );
    expect(consultant.errors?.[0]?.message).toMatch(/may not/);
  });

  it('invites a segment without duplicates or do-not-contact people, enforces capacity with a waitlist', async () => {
    const event = await createEvent(2);
    const sentFrom = Date.now() - 1000; // a ULID's time is to the millisecond
    const first = await invite({ event: event.id, segment });
    const sentTo = Date.now() + 1000;
    expect(first.data).toEqual({ invited: 5, alreadyInvited: 0, doNotContact: 1 });
    const again = await invite({ event: event.id, list });
    expect(again.data).toEqual({ invited: 0, alreadyInvited: 3, doNotContact: 1 });
    const both = await invite({ event: event.id, list, people: [people[0]] });
    expect(both.__typename).toBe('ValidationError');

    const { invitations: all } = await invitations(event.id);
    expect(all).toHaveLength(5);
    expect(all.map((i) => i.person.name)).not.toContain(`${p}成员4`);
    const byName = (n: number) => all.find((i) => i.person.name === `${p}成员${n}`)!.id;

    expect((await setStatus(byName(0), 'accepted')).data.status).toBe('accepted');
    expect((await setStatus(byName(1), 'accepted')).data.status).toBe('accepted');
    expect((await setStatus(byName(2), 'accepted')).data.status).toBe('waitlisted');
    expect((await setStatus(byName(3), 'accepted')).data.status).toBe('waitlisted');
    expect((await invitations(event.id)).seatsTaken).toBe(2);

    const illegal = await setStatus(byName(2), 'attended');
    expect(illegal.__typename).toBe('ConflictError');
    expect(illegal.path).toEqual(['status']);

    // A seat given up goes to the first on the waitlist.
    expect((await setStatus(byName(1), 'declined', '出差')).data.status).toBe('declined');
    const after = await invitations(event.id);
    expect(after.seatsTaken).toBe(2);
    expect(after.invitations.find((i) => i.id === byName(2))?.status).toBe('accepted');
    expect(after.invitations.find((i) => i.id === byName(3))?.status).toBe('waitlisted');

    expect((await setStatus(byName(0), 'attended')).data.status).toBe('attended');
    expect((await setStatus(byName(0), 'no_show')).__typename).toBe('ConflictError');

    const history = await server.gql<{
      node: {
        invitations: {
          id: string;
          invitedAt: string;
          history: { status: string; by: string; note: string | null }[];
        }[];
      };
    }>(
      'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id invitedAt history { status by note } } } } }',
      { id: event.id },
      { role: 'staff' },
    );
    const of = (id: string) => history.data!.node.invitations.find((i) => i.id === id)!.history;
    expect(of(byName(1)).map((h) => h.status)).toEqual(['invited', 'accepted', 'declined']);
    expect(of(byName(1))[2]!.note).toBe('出差');
    expect(of(byName(2)).map((h) => h.status)).toEqual(['invited', 'waitlisted', 'accepted']);
    expect(of(byName(0)).map((h) => h.status)).toEqual(['invited', 'accepted', 'attended']);
    // When and by whom a list was sent is kept once, on its batch, and read for each invitation.
    for (const i of history.data!.node.invitations) {
      expect(Date.parse(i.invitedAt), i.invitedAt).toBeGreaterThanOrEqual(sentFrom);
      expect(Date.parse(i.invitedAt), i.invitedAt).toBeLessThanOrEqual(sentTo);
    }
    expect(of(byName(1))[0]!.by).toMatch(/\S/);
    expect(of(byName(1))[0]!.by).toBe(of(byName(1))[1]!.by); // the same account invited and moved it

    // The person's timeline shows the invitation and the attendance.
    const timeline = await server.gql<{
      person: { timeline: { kind: string; status: string | null }[] };
    }>(
      'query ($id: ID!) { person(id: $id) { timeline { kind status } } }',
      { id: people[0] },
      { role: 'staff' },
    );
    const kinds = timeline.data!.person.timeline.map((t) => t.kind);
    expect(kinds).toContain('attendance');
    expect(kinds).toContain('invitation');
  });

  it('fills a freed seat with the first waitlisted party that fits, never overbooking for a colleague', async () => {
    const { moveInvitation } = await import('../../schema/outreach/invitation-moves.ts');
    const created = await mutate(
      server,
      'createEvent',
      '$input: EventInput!',
      'input: $input',
      'id',
      {
        input: {
          name: `${p}两座专场`,
          kind: 'special_session',
          startsAt: '2026-06-02T14:00:00+08:00',
          timeZone: 'Asia/Shanghai',
          capacity: 2,
          colleaguesAllowed: true,
        },
      },
    );
    const event = created.data.id as string;
    expect((await invite({ event, people: people.slice(0, 4) })).data.invited).toBe(4);
    const { invitations: all } = await invitations(event);
    const byName = (n: number) => all.find((i) => i.person.name === `${p}成员${n}`)!.id;
    const status = async (n: number) =>
      (await invitations(event)).invitations.find((i) => i.id === byName(n))?.status;

    await setStatus(byName(0), 'accepted');
    await setStatus(byName(1), 'accepted');
    // The RSVP page's "I bring a colleague": two seats, so onto the waitlist of a full event.
    await server.db.writeTx((tx) =>
      moveInvitation(tx, {
        id: byName(2).split(':')[1]!,
        to: 'accepted',
        actor: 'test',
        withColleague: true,
      }),
    );
    expect(await status(2)).toBe('waitlisted');
    expect((await setStatus(byName(3), 'accepted')).data.status).toBe('waitlisted');

    // One seat freed: the party of two does not fit, the next party of one does.
    await setStatus(byName(0), 'declined');
    expect(await status(2)).toBe('waitlisted');
    expect(await status(3)).toBe('accepted');
    expect((await invitations(event)).seatsTaken).toBe(2);

    // Two seats freed: now the party of two fits.
    await setStatus(byName(1), 'declined');
    await setStatus(byName(3), 'declined');
    expect(await status(2)).toBe('accepted');
    expect((await invitations(event)).seatsTaken).toBe(2);
  });

  it('changes the status of several invitations in one transaction: all of them or none', async () => {
    const event = (await createEvent(2)).id as string;
    expect((await invite({ event, people: people.slice(0, 4) })).data.invited).toBe(4);
    const { invitations: all } = await invitations(event);
    const byName = (n: number) => all.find((i) => i.person.name === `${p}成员${n}`)!.id;
    const setMany = (ids: string[], status: string) =>
      mutate(
        server,
        'setInvitationStatuses',
        '$ids: [ID!]!, $status: InvitationStatus!',
        'invitations: $ids, status: $status',
        'changed waitlisted unchanged',
        { ids, status },
      );
    const statuses = async () =>
      Object.fromEntries(
        (await invitations(event)).invitations.map((i) => [
          i.person.name.slice(p.length),
          i.status,
        ]),
      );

    // Three accept two seats: the third goes on the waitlist, in the order given.
    const accepted = await setMany([byName(0), byName(1), byName(2)], 'accepted');
    expect(accepted.data).toEqual({ changed: 3, waitlisted: 1, unchanged: 0 });
    expect(await statuses()).toEqual({
      成员0: 'accepted',
      成员1: 'accepted',
      成员2: 'waitlisted',
      成员3: 'invited',
    });
    // One refused move (waitlisted → attended) refuses the whole change, naming its row.
    const refused = await setMany([byName(0), byName(2)], 'attended');
    expect(refused.__typename).toBe('ConflictError');
    expect(refused.path).toEqual(['invitations', '1']);
    expect((await statuses()).成员0).toBe('accepted');
    // Already there: left alone. An unknown id: nothing changes.
    const again = await setMany([byName(0), byName(1)], 'accepted');
    expect(again.data).toEqual({ changed: 0, waitlisted: 0, unchanged: 2 });
    const unknown = await setMany([byName(3), 'Invitation:nope'], 'declined');
    expect(unknown.__typename).toBe('NotFoundError');
    expect(unknown.path).toEqual(['invitations', '1']);
    expect((await statuses()).成员3).toBe('invited');
    expect((await setMany([], 'declined')).__typename).toBe('ValidationError');
  });

  it('logs interactions and shows them in time order on the timeline', async () => {
    for (const [channel, at] of [
      ['call', '2026-01-02T10:00:00+08:00'],
      ['wechat', '2026-02-02T10:00:00+08:00'],
    ]) {
      const res = await mutate(
        server,
        'logInteraction',
        '$input: InteractionInput!',
        'input: $input',
        'id channel',
        {
          input: { person: people[1], channel, at, note: `${channel}联系` },
        },
      );
      expect(res.data?.channel).toBe(channel);
    }
    const bad = await mutate(
      server,
      'logInteraction',
      '$input: InteractionInput!',
      'input: $input',
      'id',
      {
        input: { person: people[1], channel: 'call', at: 'yesterday' },
      },
    );
    expect(bad.__typename).toBe('ValidationError');
    const note = await server.gql<{ addNote: { __typename: string; data: string } }>(
      'mutation ($s: ID!, $t: String!) { addNote(subject: $s, text: $t) { __typename ... on MutationAddNoteSuccess { data } } }',
      { s: people[1], t: '很有意向' },
      { role: 'staff' },
    );
    expect(note.data?.addNote.data).toMatch(/^Note:/);
    const res = await server.gql<{
      person: { interactions: { channel: string }[]; timeline: { kind: string; at: string }[] };
    }>(
      'query ($id: ID!) { person(id: $id) { interactions { channel } timeline { kind at } } }',
      { id: people[1] },
      { role: 'staff' },
    );
    expect(res.data!.person.interactions.map((i) => i.channel)).toEqual(['wechat', 'call']);
    const ats = res.data!.person.timeline.map((t) => Date.parse(t.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect(res.data!.person.timeline.filter((t) => t.kind === 'interaction')).toHaveLength(2);
    expect(res.data!.person.timeline[0]?.kind).toBe('note');
  });
});

describe('exports', () => {
  const exportPeople = async (
    args: Record<string, unknown>,
    role: 'staff' | 'consultant',
    headers: Record<string, string> = {},
  ) => {
    const res = await server.gql<{
      exportPeople: { fileName: string; rows: number; base64: string };
    }>(
      'query ($list: ID, $segment: ID, $event: ID, $format: ExportFormat!) { exportPeople(list: $list, segment: $segment, event: $event, format: $format) { fileName rows base64 } }',
      args,
      { role, headers },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.exportPeople;
  };

  async function readXlsx(base64: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
    );
    return rows;
  }

  it('writes a list as xlsx that reads back with exactly its rows, contacts for staff (audited)', async () => {
    const audits = () =>
      server.db.read<{ n: number }>(
        "MATCH (a:AuditEntry {subjectId: $id, action: 'read_personal_data'}) RETURN count(a) AS n",
        { id: people[0]!.split(':')[1] },
      );
    const before = (await audits())[0]!.n;
    const file = await exportPeople({ list, format: 'XLSX' }, 'staff');
    expect(file.fileName).toMatch(/\.xlsx$/);
    const rows = await readXlsx(file.base64);
    expect(rows[0]).toEqual([
      '姓名',
      '拼音/英文名',
      '类别',
      '级别',
      '职务',
      '所在地',
      '工作单位',
      '勿联系',
      '电话',
      '邮箱',
      '微信',
    ]);
    const names = rows
      .slice(1)
      .map((r) => r[0])
      .sort();
    expect(names).toEqual([0, 1, 2, 4].map((i) => `${p}成员${i}`).sort());
    expect(file.rows).toBe(4);
    const zero = rows.find((r) => r[0] === `${p}成员0`)!;
    expect(zero[8]).toBe('+86 138 0020 0001');
    const dnc = rows.find((r) => r[0] === `${p}成员4`)!;
    expect(dnc[7]).toBe('是');
    expect(rows.flat()).not.toContain('+86 138 0020 0004');
    expect((await audits())[0]!.n).toBeGreaterThan(before);
  });

  it('leaves contact columns out for consultants, and exports CSV with Chinese headers', async () => {
    const file = await exportPeople({ segment, format: 'CSV' }, 'consultant');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF姓名,拼音/英文名')).toBe(true);
    expect(text).not.toContain('电话');
    expect(text.trim().split('\r\n')).toHaveLength(1 + 6);
  });

  it('exports an invitation list with statuses', async () => {
    const event = await createEvent(null);
    await invite({ event: event.id, list });
    const file = await exportPeople({ event: event.id, format: 'XLSX' }, 'staff');
    const rows = await readXlsx(file.base64);
    expect(rows[0]).toContain('邀请状态');
    expect(rows).toHaveLength(1 + 3);
  });

  it('writes coded values in words, in the language the request asks for', async () => {
    const event = await createEvent(null);
    await invite({ event: event.id, list });
    const row = (rows: string[][]) => rows.find((r) => r[0] === `${p}成员0`)!;
    const zh = await readXlsx(
      (await exportPeople({ event: event.id, format: 'XLSX' }, 'staff')).base64,
    );
    expect(zh[0]!.slice(0, 4)).toEqual(['姓名', '拼音/英文名', '类别', '级别']);
    expect(row(zh).slice(2, 4)).toEqual(['院士、在外乡贤', '国家级']);
    expect(row(zh)[7]).toBe('已邀请');
    const file = await exportPeople({ event: event.id, format: 'XLSX' }, 'staff', {
      'accept-language': 'en-GB,en;q=0.9,zh;q=0.5',
    });
    expect(file.fileName).toMatch(/^invitations-/);
    const en = await readXlsx(file.base64);
    expect(en[0]!.slice(0, 4)).toEqual(['Name', 'Latin name', 'Categories', 'Level']);
    expect(en[0]).toContain('Invitation status');
    expect(row(en).slice(2, 4)).toEqual(['Academician, Native working elsewhere', 'National']);
    expect(row(en)[7]).toBe('Invited');
    expect(row(en)[8]).toBe('no');
    // Nothing coded is left in either file.
    for (const cell of [...zh.flat(), ...en.flat()]) {
      expect(cell).not.toMatch(/^(academician|native_elsewhere|national|invited)$/);
    }
  });
});

describe('outcome report', () => {
  it('counts stages, conversion and attribution for a scope', async () => {
    const introducer = people[1]!;
    const event = await createEvent(null);
    const make = async (talent: string, stages: string[]) => {
      const res = await mutate(
        server,
        'createIntroduction',
        '$input: NewIntroductionInput!',
        'input: $input',
        'id',
        {
          input: { introducer, talent, target: ids.org, channel: 'event', event: event.id },
        },
      );
      for (const stage of stages) {
        await mutate(
          server,
          'moveIntroduction',
          '$input: MoveIntroductionInput!',
          'input: $input',
          'id',
          { input: { id: res.data.id, stage } },
        );
      }
    };
    await make(people[0]!, ['contacted', 'interested', 'negotiating', 'signed', 'landed']);
    await make(people[2]!, ['contacted', 'interested', 'negotiating', 'signed']);
    await make(people[3]!, ['contacted', 'declined']);
    const today = new Date().toISOString().slice(0, 10);
    const res = await server.gql<{
      outcomeReport: {
        total: number;
        stages: {
          stage: string;
          current: number;
          reached: number | null;
          conversion: number | null;
          meanDays: number | null;
        }[];
        byIntroducer: { name: string; signed: number; landed: number }[];
        byEvent: { signed: number; landed: number }[];
        byChannel: { key: string }[];
      };
    }>(
      `query ($from: String!, $to: String!, $scope: OutcomeScope) { outcomeReport(from: $from, to: $to, scope: $scope) {
        total stages { stage current reached conversion meanDays } byIntroducer { name signed landed } byEvent { signed landed } byChannel { key } } }`,
      { from: today, to: today, scope: { event: event.id } },
      { role: 'staff' },
    );
    expect(res.errors).toBeUndefined();
    const report = res.data!.outcomeReport;
    expect(report.total).toBe(3);
    const of = (s: string) => report.stages.find((x) => x.stage === s)!;
    expect(of('contacted')).toMatchObject({ reached: 3, conversion: 1 });
    expect(of('signed')).toMatchObject({ current: 1, reached: 2 });
    expect(of('landed')).toMatchObject({ current: 1, reached: 1 });
    expect(of('declined')).toMatchObject({ current: 1, reached: null });
    expect(of('proposed').meanDays).toBeGreaterThanOrEqual(0);
    expect(report.byIntroducer).toEqual([{ name: `${p}成员1`, signed: 1, landed: 1 }]);
    expect(report.byEvent).toEqual([{ signed: 1, landed: 1 }]);
    expect(report.byChannel.map((c) => c.key)).toEqual(['event']);

    const bad = await server.gql(
      'query { outcomeReport(from: "2026-02-01", to: "2026-01-01") { total } }',
      {},
      { role: 'staff' },
    );
    expect(bad.errors?.[0]?.message).toMatch(/must not be before from/);
    const pipeline = await server.gql<{ exportPipeline: { rows: number } }>(
      'query ($d: String!) { exportPipeline(from: $d, to: $d, format: CSV) { rows } }',
      { d: today },
      { role: 'staff' },
    );
    expect(pipeline.data?.exportPipeline.rows).toBeGreaterThanOrEqual(3);
  });
});
