import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { createEntity, introduce, mutate, removeOutreachData } from './outreach-helpers.ts';

// The outcome report counts the people side of outreach too: reached, invited, attended. The test's
// people share a field of their own, and the report is scoped to it, so other files' data stays out.
let server: TestServer;
const p = testPrefix('outcome');
const id: Record<string, string> = {};
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  id.field = await createEntity(server, 'Field', { name: `${p}光电` });
  id.org = await createEntity(server, 'Organization', { name: `${p}实验室`, type: 'key_lab' });
  for (const key of ['a', 'b', 'c', 'd', 'e', 'outsider']) {
    id[key] = await createEntity(server, 'Person', {
      name: `${p}${key}`,
      consentStatus: 'granted',
    });
    if (key !== 'outsider') {
      await mutate(server, 'addTie', '$input: AddTieInput!', 'input: $input', 'id', {
        input: { kind: 'EXPERT_IN', subject: id[key], object: id.field, level: 3 },
      });
    }
  }
  const event = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
    input: {
      name: `${p}专场`,
      kind: 'forum',
      startsAt: '2030-06-01T14:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      venue: '光谷',
    },
  });
  id.event = event.data.id;
  await mutate(server, 'inviteToEvent', '$input: InviteInput!', 'input: $input', 'invited', {
    input: { event: id.event, people: [id.a, id.b, id.c, id.outsider] },
  });
  const invitations = await server.gql<{
    node: { invitations: { id: string; person: { id: string } }[] };
  }>(
    'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id person { id } } } } }',
    { id: id.event },
    // Outreach (events and their invitations) is hidden from viewers.
    { role: 'staff' },
  );
  const ofA = invitations.data!.node.invitations.find((i) => i.person.id === id.a)!.id;
  for (const status of ['accepted', 'attended']) {
    const moved = await mutate(
      server,
      'setInvitationStatus',
      '$id: ID!, $s: InvitationStatus!',
      'id: $id, status: $s',
      'status',
      { id: ofA, s: status },
    );
    expect(moved.data?.status, JSON.stringify(moved)).toBe(status);
  }
  await mutate(server, 'logInteraction', '$input: InteractionInput!', 'input: $input', 'id', {
    input: { person: id.d, channel: 'call' },
  });
  await introduce(server, { introducer: id.a, talent: id.e, target: id.org }, []);
});
afterAll(async () => {
  await removeOutreachData(server, p);
  await removeTestData(server.db, p);
  await server.close();
});

describe('the outcome report', () => {
  it('counts people reached, invited and attended, each once', async () => {
    const res = await server.gql<{
      outcomeReport: { reached: number; invited: number; attended: number; total: number };
    }>(
      'query ($d: String!, $f: ID!) { outcomeReport(from: $d, to: $d, scope: { field: $f }) { reached invited attended total } }',
      { d: today, f: id.field },
      { role: 'staff' },
    );
    expect(res.errors).toBeUndefined();
    // Invited a, b, c (the outsider is outside the field); a attended; d was called; e introduced.
    expect(res.data?.outcomeReport).toEqual({ reached: 5, invited: 3, attended: 1, total: 1 });
  });
});
