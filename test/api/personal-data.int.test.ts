import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('pd');
let person = '';
let refused = '';

const personalData = `personalData { visible reason contacts { kind value } }`;

beforeAll(async () => {
  server = await startTestServer();
  const create = async (name: string, consentStatus: string) => {
    const res = await server.gql<{ createPerson: { data: { id: string } } }>(
      `mutation ($input: PersonInput!) { createPerson(input: $input) { ... on MutationCreatePersonSuccess { data { id } } } }`,
      { input: { name: `${p}${name}`, consentStatus } },
      { role: 'staff' },
    );
    return res.data!.createPerson.data.id;
  };
  person = await create('赵敏', 'granted');
  refused = await create('钱进', 'withdrawn');
  // Distinct numbers: the duplicates test auto-merges people who share one.
  for (const [id, phone] of [
    [person, '+86 199 0000 1234'],
    [refused, '+86 199 0000 5678'],
  ]) {
    const res = await server.gql<{ setContact: { __typename: string } }>(
      'mutation ($id: ID!, $phone: String!) { setContact(person: $id, kind: phone, value: $phone) { __typename } }',
      { id, phone },
      { role: 'staff' },
    );
    expect(res.data?.setContact.__typename).toBe('MutationSetContactSuccess');
  }
});

afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

const audits = (subject: string) =>
  server.db.read<{ n: number }>(
    "MATCH (a:AuditEntry {subjectId: $id, action: 'read_personal_data'}) RETURN count(a) AS n",
    { id: subject.split(':')[1] },
  );

describe('personal data', () => {
  it.each(['admin', 'staff'] as const)('shows contacts to %s and logs the read', async (role) => {
    const before = (await audits(person))[0]!.n;
    const res = await server.gql<{ person: { personalData: unknown } }>(
      `query ($id: ID!) { person(id: $id) { ${personalData} } }`,
      { id: person },
      { role },
    );
    expect(res.data?.person.personalData).toEqual({
      visible: true,
      reason: null,
      contacts: [{ kind: 'phone', value: '+86 199 0000 1234' }],
    });
    expect((await audits(person))[0]!.n).toBe(before + 1);
  });

  it.each(['viewer', 'consultant'] as const)(
    'hides contacts from %s with a reason, and logs nothing',
    async (role) => {
      const before = (await audits(person))[0]!.n;
      const res = await server.gql<{ person: { personalData: unknown } }>(
        `query ($id: ID!) { person(id: $id) { ${personalData} } }`,
        { id: person },
        { role },
      );
      expect(res.data?.person.personalData).toEqual({
        visible: false,
        reason: `the ${role} role may not see contact details`,
        contacts: null,
      });
      expect((await audits(person))[0]!.n).toBe(before);
    },
  );

  it('hides contacts of a person who withdrew consent, even from staff', async () => {
    const res = await server.gql<{
      person: { personalData: { visible: boolean; reason: string } };
    }>(
      `query ($id: ID!) { person(id: $id) { ${personalData} } }`,
      { id: refused },
      { role: 'staff' },
    );
    expect(res.data?.person.personalData).toMatchObject({
      visible: false,
      reason: 'the person has withdrawn consent',
    });
  });

  it('never puts contact values in history, and refuses contact writes from viewers', async () => {
    const res = await server.gql<{ person: { history: { changes: { after: string }[] }[] } }>(
      'query ($id: ID!) { person(id: $id) { history { changes { after } } } }',
      { id: person },
      { role: 'viewer' },
    );
    expect(JSON.stringify(res.data)).not.toContain('1234');
    const write = await server.gql(
      'mutation ($id: ID!) { setContact(person: $id, kind: email, value: "a@example.com") { __typename } }',
      { id: person },
      { role: 'viewer' },
    );
    expect(write.errors?.[0]?.message).toMatch(/authoriz|permission/i);
  });

  it('records a consent decision as its own node and follows it', async () => {
    const res = await server.gql<{
      recordConsent: { data: { consentStatus: string; personalData: { visible: boolean } } };
    }>(
      `mutation ($id: ID!) { recordConsent(person: $id, status: withdrawn, purpose: "活动邀请", channel: wechat) {
        ... on MutationRecordConsentSuccess { data { consentStatus personalData { visible } } } } }`,
      { id: person },
      { role: 'staff' },
    );
    expect(res.data?.recordConsent.data).toEqual({
      consentStatus: 'withdrawn',
      personalData: { visible: false },
    });
    const consents = await server.db.read<{ purpose: string; channel: string }>(
      'MATCH (:Person {id: $id})-[:GAVE_CONSENT]->(c:Consent) RETURN c.purpose AS purpose, c.channel AS channel',
      { id: person.split(':')[1] },
    );
    expect(consents).toEqual([{ purpose: '活动邀请', channel: 'wechat' }]);
    await server.gql(
      'mutation ($id: ID!) { recordConsent(person: $id, status: granted, purpose: "活动邀请", channel: wechat) { __typename } }',
      { id: person },
      { role: 'staff' },
    );
  });

  it('validates contact values per kind', async () => {
    const res = await server.gql<{
      setContact: { __typename: string; issues: { path: string[]; message: string }[] };
    }>(
      'mutation ($id: ID!) { setContact(person: $id, kind: email, value: "not-an-email") { __typename ... on ValidationError { issues { path message } } } }',
      { id: person },
      { role: 'staff' },
    );
    expect(res.data?.setContact).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: ['value'], message: 'must be an e-mail address' }],
    });
  });
});
