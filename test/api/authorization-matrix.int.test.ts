import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { redacted } from '../../schema/outreach/outreach-text.ts';
import type { TestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import {
  type Answer,
  answers,
  type FieldRule,
  isWrapper,
  mutationRules,
  queryRules,
  type Role,
  type RootRule,
  roles,
  rootRoles,
  ruleOf,
  type Team,
  typeRules,
} from './authorization-table.ts';
import { createTeam, ERR, removeOutreachData } from './outreach-helpers.ts';

/**
 * The authorization table (authorization-table.ts) against the schema and the running server: every
 * root field as every role of two teams, and every field of outreach and personal data read from a
 * fixture of team A as every role of teams A and B. One server, the real Neo4j.
 */
let server: TestServer;
const p = testPrefix('authz');
const phone = '13912345678';
const ids: Record<string, string> = {};
const accounts = {} as Record<`${Role}.${Team}`, TestAccount>;
let author: TestAccount;
const who = (role: Role, team: Team) => `${role}.${team}` as const;
const everyone = roles.flatMap((role) => (['A', 'B'] as Team[]).map((team) => ({ role, team })));

async function as<T = Record<string, unknown>>(
  account: TestAccount,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return server.gql<T>(query, variables, { token: account.token });
}

/** Runs a mutation as `account` and returns its data (failing on a typed error). */
async function write(account: TestAccount, mutation: string, variables: Record<string, unknown>) {
  const res = await as<Record<string, { __typename: string; data?: { id?: string } }>>(
    account,
    mutation,
    variables,
  );
  const result = Object.values(res.data ?? {})[0];
  expect(result?.__typename, `${mutation}: ${JSON.stringify(res)}`).toMatch(/Success$/);
  return result?.data as Record<string, unknown> & { id: string };
}

beforeAll(async () => {
  server = await startTestServer({ app: { limits: { perIpPerMinute: 100_000 } } });
  const far = await server.gql<{ createPlace: { data: { id: string } } }>(
    'mutation ($n: String!) { createPlace(input: { name: $n, kind: city }) { ... on MutationCreatePlaceSuccess { data { id } } } }',
    { n: `${p}远方` },
    { role: 'staff' },
  );
  const teamA = await createTeam(server, `${p}甲队`, 'team');
  const teamB = await createTeam(server, `${p}乙队`, 'team');
  // Team B's staff may see contacts only of people tied to a place the fixture person is not.
  await server.db.writeTx((tx) =>
    tx.run('MATCH (t:Team {id: $id}) SET t.scopePlaceId = $place', {
      id: teamB,
      place: far.data!.createPlace.data.id.split(':')[1],
    }),
  );
  for (const { role, team } of everyone) {
    accounts[who(role, team)] = await server.signIn(role, {
      teamId: team === 'A' ? teamA : teamB,
      name: `${p}${role}${team}`,
    });
  }
  author = await server.signIn('staff', { teamId: teamA, name: `${p}author` });

  const create = async (kind: string, input: Record<string, unknown>) =>
    (
      await write(
        author,
        `mutation ($input: ${kind}Input!) { create${kind}(input: $input) { ${ERR} ... on MutationCreate${kind}Success { data { id } } } }`,
        { input },
      )
    ).id;
  ids.person = await create('Person', { name: `${p}某人`, consentStatus: 'granted' });
  ids.introducer = await create('Person', { name: `${p}引荐人` });
  ids.org = await create('Organization', { name: `${p}企业`, type: 'enterprise' });
  await write(
    author,
    `mutation ($id: ID!, $v: String!) { setContact(person: $id, kind: phone, value: $v) { ${ERR} ... on MutationSetContactSuccess { data { id } } } }`,
    { id: ids.person, v: phone },
  );
  // Every account watches the person before the outreach below is written.
  for (const account of Object.values(accounts)) {
    await write(
      account,
      `mutation ($id: ID!) { watch(target: $id) { ${ERR} ... on MutationWatchSuccess { data { id } } } }`,
      { id: ids.person },
    );
  }
  ids.claim = (
    await write(
      author,
      `mutation ($input: ClaimInput!) { claimPerson(input: $input) { ${ERR} ... on MutationClaimPersonSuccess { data { id } } } }`,
      { input: { person: ids.person, claimant: `张处长 ${phone}`, note: `call ${phone}` } },
    )
  ).id;
  ids.interaction = (
    await write(
      author,
      `mutation ($input: InteractionInput!) { logInteraction(input: $input) { ${ERR} ... on MutationLogInteractionSuccess { data { id } } } }`,
      { input: { person: ids.person, channel: 'call', note: `phone ${phone}` } },
    )
  ).id;
  const note = async (subject: string) => {
    const res = await as<{ addNote: { data: string } }>(
      author,
      `mutation ($s: ID!, $t: String!) { addNote(subject: $s, text: $t) { ${ERR} ... on MutationAddNoteSuccess { data } } }`,
      { s: subject, t: `NOTE secret: call ${phone}` },
    );
    return res.data!.addNote.data;
  };
  ids.note = await note(ids.person);
  ids.orgNote = await note(ids.org);
  ids.introduction = (
    await write(
      author,
      `mutation ($input: NewIntroductionInput!) { createIntroduction(input: $input) { ${ERR} ... on MutationCreateIntroductionSuccess { data { id } } } }`,
      {
        input: {
          introducer: ids.introducer,
          talent: ids.person,
          target: ids.org,
          note: `intro ${phone}`,
        },
      },
    )
  ).id;
  await write(
    author,
    `mutation ($input: MoveIntroductionInput!) { moveIntroduction(input: $input) { ${ERR} ... on MutationMoveIntroductionSuccess { data { id } } } }`,
    { input: { id: ids.introduction, stage: 'contacted', note: `moved ${phone}` } },
  );
  ids.event = (
    await write(
      author,
      `mutation ($input: EventInput!) { createEvent(input: $input) { ${ERR} ... on MutationCreateEventSuccess { data { id } } } }`,
      {
        input: {
          name: `${p}专场`,
          kind: 'special_session',
          startsAt: '2031-05-01T09:00:00+08:00',
          timeZone: 'Asia/Shanghai',
        },
      },
    )
  ).id;
  const invited = await as<{ inviteToEvent: { data: { invited: number } } }>(
    author,
    `mutation ($input: InviteInput!) { inviteToEvent(input: $input) { ${ERR} ... on MutationInviteToEventSuccess { data { invited } } } }`,
    { input: { event: ids.event, people: [ids.person] } },
  );
  expect(invited.data?.inviteToEvent.data.invited, JSON.stringify(invited)).toBe(1);
  const invitation = await as<{ node: { invitations: { id: string }[] } }>(
    author,
    'query ($id: ID!) { node(id: $id) { ... on Event { invitations { id } } } }',
    { id: ids.event },
  );
  await write(
    author,
    `mutation ($id: ID!, $n: String) { setInvitationStatus(id: $id, status: accepted, note: $n) { ${ERR} ... on MutationSetInvitationStatusSuccess { data { id } } } }`,
    { id: invitation.data!.node.invitations[0]!.id, n: `accepted ${phone}` },
  );
  // Marked sent by hand, so the invitation has a delivery to probe.
  const marked = await as<{ markInvitationsSent: { data: number } }>(
    author,
    'mutation ($ids: [ID!]!) { markInvitationsSent(invitations: $ids) { ... on MutationMarkInvitationsSentSuccess { data } } }',
    { ids: [invitation.data!.node.invitations[0]!.id] },
  );
  expect(marked.data?.markInvitationsSent.data, JSON.stringify(marked)).toBe(1);
  ids.segment = (
    await write(
      author,
      `mutation ($f: PersonFilter!, $n: String!) { createSegment(filter: $f, name: $n) { ${ERR} ... on MutationCreateSegmentSuccess { data { id } } } }`,
      { f: { text: p }, n: `${p}分组` },
    )
  ).id;
  ids.list = (
    await write(
      author,
      `mutation ($n: String!, $people: [ID!]) { createPersonList(name: $n, people: $people) { ${ERR} ... on MutationCreatePersonListSuccess { data { id } } } }`,
      { n: `${p}名单`, people: [ids.person] },
    )
  ).id;
  // A follow-up the author gives consultant A: its title is theirs to read, redacted.
  const consultantA = accounts['consultant.A'];
  await write(
    author,
    `mutation ($input: FollowUpInput!) { createFollowUp(input: $input) { ${ERR} ... on MutationCreateFollowUpSuccess { data { id } } } }`,
    {
      input: {
        title: `回访 ${phone}`,
        dueOn: '2031-01-01',
        subject: ids.person,
        owner: `Account:${consultantA.id}`,
      },
    },
  );
}, 300_000);

afterAll(async () => {
  await removeOutreachData(server, p);
  await server.db.writeTx((tx) =>
    tx.run(
      `MATCH (x) WHERE (x:Event OR x:Segment OR x:PersonList OR x:Team) AND x.name STARTS WITH $p
       DETACH DELETE x`,
      { p },
    ),
  );
  await removeTestData(server.db, p);
  await server.close();
});

describe('the table covers the schema', () => {
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'),
  );

  it('gives every field of every object type a rule', () => {
    const missing = objectTypes
      .filter((t) => !isWrapper(t.name))
      .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`))
      .filter((name) => {
        const [type, field] = name.split('.') as [string, string];
        return !ruleOf(type, field);
      });
    expect(missing, 'add these to test/api/authorization-table.ts').toEqual([]);
  });

  it('lists no type or field the schema lacks', () => {
    const stale = Object.entries(typeRules).flatMap(([type, [, fields, own = {}]]) => {
      const actual = schema.getType(type);
      if (!isObjectType(actual)) return [type];
      const names = Object.keys(actual.getFields());
      return [...fields.split(' '), ...Object.keys(own)]
        .filter((f) => !names.includes(f))
        .map((f) => `${type}.${f}`);
    });
    expect(stale).toEqual([]);
  });

  it('gives every root field a rule, the one it declares', () => {
    for (const [root, rules] of [
      [schema.getQueryType(), queryRules],
      [schema.getMutationType(), mutationRules],
    ] as const) {
      const declared = Object.fromEntries(
        Object.values(root!.getFields()).map((f) => [
          f.name,
          Object.keys(
            (f.extensions?.pothosOptions as { authScopes?: Record<string, boolean> })?.authScopes ??
              {},
          )[0],
        ]),
      );
      expect(declared, root!.name).toEqual(rules);
    }
  });
});

// ---- root fields: every one, as every role of both teams (and anonymous) ----

/** A literal of `type` that passes GraphQL validation but no resolver's own checks. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  // Empty text and an id that names nothing fail every resolver's validation: nothing is written.
  const name = getNamedType(type).name;
  return { Int: '0', Float: '0', Boolean: 'false', String: '""' }[name] ?? '"x"';
}

const requiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);

/** Arguments that keep a call cheap and changing nothing, where the generated ones would not. */
const argsFor: Record<string, string> = {
  auditLogCsv: '(filter: { actor: "nobody" })',
  keyConnectors: '(scope: { text: "zzzz-nobody" }, first: 1)',
  consultants: '(first: 1)',
  talentStations: '(first: 1)',
  startExport: '(format: JSONL, segment: "x")',
  markNotificationsRead: '(ids: ["x"])',
};
/** Calls that would do real work when allowed: refused roles are checked, allowed ones not run. */
const notRunWhenAllowed = new Set([
  'findDuplicates',
  'startImport',
  'startDatasetImport',
  'logout',
]);

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args =
    argsFor[field.name] ??
    (requiredArgs(field).length
      ? `(${requiredArgs(field)
          .map((a) => `${a.name}: ${literal(a.type)}`)
          .join(', ')})`
      : '');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind} { ${field.name}${args}${selection} }`;
}

/** The arguments of the mutations that take a file (the file is `$f`). */
const uploadArgs: Record<string, string> = {
  startImport: 'file: $f, preset: alumni',
  startDatasetImport: 'files: [$f], mapping: "ldbc-snb"',
};

async function callRoot(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  token: string | undefined,
) {
  if (field.args.some((a) => getNamedType(a.type).name === 'File')) {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: `mutation ($f: File!) { ${field.name}(${uploadArgs[field.name]}) { __typename } }`,
        variables: { f: null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new Blob(['x']), 'x.bin');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  }
  return server.gql(operationOf(kind, field), {}, token ? { token } : { role: 'anonymous' });
}

describe.each([
  ['query', queryRules],
  ['mutation', mutationRules],
] as const)('every %s field, as every role of both teams', (kind, rules) => {
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const fields = Object.values(root.getFields());
  it.each(fields.map((f) => [f.name, f] as const))('%s', async (name, field) => {
    const rule = rules[name] as RootRule;
    const allowed = rootRoles[rule];
    const callers: { label: string; token?: string; allowed: boolean }[] = [
      { label: 'anonymous', allowed: rule === 'anyone' },
      ...everyone.map(({ role, team }) => ({
        label: who(role, team),
        token: accounts[who(role, team)].token,
        allowed: allowed.includes(role),
      })),
    ];
    for (const caller of callers) {
      if (caller.allowed && notRunWhenAllowed.has(name)) continue;
      const res = await callRoot(kind, field, caller.token);
      const code = res.errors?.[0]?.extensions?.code;
      const refused = caller.token ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      if (caller.allowed) {
        expect(['FORBIDDEN', 'UNAUTHENTICATED'], `${name} as ${caller.label}`).not.toContain(code);
      } else {
        expect(code, `${name} as ${caller.label}: ${JSON.stringify(res)}`).toBe(refused);
      }
    }
  });
});

// ---- object fields: a fixture of team A read as every role of teams A and B ----

/** Every field of `type` a query can select without arguments of its own. */
function selectionOf(typeName: string): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((f) => requiredArgs(f).length === 0)
    .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`))
    .join(' ');
}

interface Probe {
  /** The object type read. */
  type: string;
  /** The query, with `SEL` for the type's fields. */
  query: string;
  variables: () => Record<string, unknown>;
  /** The fixture's record in the answer, or null when it is not there. */
  pick: (data: Record<string, unknown>) => Record<string, unknown> | null | undefined;
  /** When the table's answers do not apply (an owner-only record). */
  answerFor?: (role: Role, team: Team) => Answer;
}

// biome-ignore lint/suspicious/noExplicitAny: probes walk the JSON of their own queries
type Json = any;
const person = () => ({ id: ids.person });
const withText = (text: string) => (x: Json) => JSON.stringify(x ?? null).includes(text);

const probes: Probe[] = [
  {
    type: 'PersonalData',
    query: 'query ($id: ID!) { person(id: $id) { personalData { SEL } } }',
    variables: person,
    pick: (d: Json) => (d.person.personalData.visible ? d.person.personalData : null),
  },
  {
    type: 'Contact',
    query: 'query ($id: ID!) { person(id: $id) { personalData { contacts { SEL } } } }',
    variables: person,
    pick: (d: Json) => d.person.personalData.contacts?.find((c: Json) => c.value === phone),
  },
  {
    type: 'Claim',
    query: 'query ($id: ID!) { person(id: $id) { claims { SEL } } }',
    variables: person,
    pick: (d: Json) => d.person.claims.find((c: Json) => c.id === ids.claim),
  },
  {
    type: 'Interaction',
    query: 'query ($id: ID!) { person(id: $id) { interactions { SEL } } }',
    variables: person,
    pick: (d: Json) => d.person.interactions.find((c: Json) => c.id === ids.interaction),
  },
  {
    type: 'TimelineItem',
    query: 'query ($id: ID!) { person(id: $id) { timeline { SEL } } }',
    variables: person,
    pick: (d: Json) => d.person.timeline.find((i: Json) => i.recordId === ids.note),
  },
  {
    type: 'TimelineItem',
    query: 'query ($id: ID!) { organization(id: $id) { timeline { SEL } } }',
    variables: () => ({ id: ids.org }),
    pick: (d: Json) => d.organization.timeline.find((i: Json) => i.recordId === ids.orgNote),
  },
  {
    type: 'Change',
    query:
      'query ($id: ID!) { person(id: $id) { history(first: 100) { SEL changes { field after } } } }',
    variables: person,
    pick: (d: Json) => d.person.history.find(withText('"claim"')),
  },
  {
    type: 'FieldChange',
    query: 'query ($id: ID!) { person(id: $id) { history(first: 100) { changes { SEL } } } }',
    variables: person,
    pick: (d: Json) =>
      d.person.history.flatMap((c: Json) => c.changes).find((c: Json) => c.field === 'claim'),
  },
  {
    type: 'Introduction',
    query: 'query ($id: ID!) { node(id: $id) { ... on Introduction { SEL } } }',
    variables: () => ({ id: ids.introduction }),
    pick: (d: Json) => d.node,
  },
  {
    type: 'Introduction',
    query: 'query ($id: ID!) { introduction(id: $id) { SEL } }',
    variables: () => ({ id: ids.introduction }),
    pick: (d: Json) => d.introduction,
  },
  {
    type: 'StageMove',
    query: 'query ($id: ID!) { introduction(id: $id) { history { SEL } } }',
    variables: () => ({ id: ids.introduction }),
    pick: (d: Json) => d.introduction?.history.find(withText(phone)),
  },
  {
    type: 'Event',
    query: 'query ($id: ID!) { node(id: $id) { ... on Event { SEL } } }',
    variables: () => ({ id: ids.event }),
    pick: (d: Json) => d.node,
  },
  {
    type: 'Invitation',
    query: 'query ($id: ID!) { node(id: $id) { ... on Event { invitations { SEL } } } }',
    variables: () => ({ id: ids.event }),
    pick: (d: Json) => d.node?.invitations[0],
  },
  {
    type: 'InvitationDelivery',
    query:
      'query ($id: ID!) { node(id: $id) { ... on Event { invitations { delivery { SEL } } } } }',
    variables: () => ({ id: ids.event }),
    pick: (d: Json) => d.node?.invitations[0]?.delivery,
  },
  {
    type: 'InvitationChange',
    query:
      'query ($id: ID!) { node(id: $id) { ... on Event { invitations { history { SEL } } } } }',
    variables: () => ({ id: ids.event }),
    pick: (d: Json) => d.node?.invitations[0]?.history.find((h: Json) => h.note),
  },
  {
    type: 'Segment',
    query: 'query ($id: ID!) { segment(id: $id) { SEL } }',
    variables: () => ({ id: ids.segment }),
    pick: (d: Json) => d.segment,
  },
  {
    type: 'PersonList',
    query: 'query ($id: ID!) { personList(id: $id) { SEL } }',
    variables: () => ({ id: ids.list }),
    pick: (d: Json) => d.personList,
  },
  {
    type: 'Notification',
    query: '{ myNotifications(first: 100) { edges { node { SEL } } } }',
    variables: () => ({}),
    pick: (d: Json) => d.myNotifications.edges.map((e: Json) => e.node).find(withText('claim')),
    // Each account's own: the claim's notification shows as the claim itself does.
    answerFor: (role, team) => answers.outreachText![who(role, team)],
  },
  {
    type: 'FollowUp',
    query: '{ myFollowUps(due: "2031-12-31") { SEL } }',
    variables: () => ({}),
    pick: (d: Json) => d.myFollowUps.find(withText('回访')),
    answerFor: (role, team) => (role === 'consultant' && team === 'A' ? 'redacted' : 'hidden'),
  },
];

/** Every type the table gives an outreach or personal rule is read by at least one probe. */
it('probes every type that carries outreach or personal data', () => {
  const recordRules: FieldRule[] = ['personal', 'outreach', 'outreachOwn', 'history'];
  const needing = Object.entries(typeRules)
    .filter(
      ([, [rule, , own = {}]]) =>
        recordRules.includes(rule) || Object.values(own).includes('outreachText'),
    )
    .map(([type]) => type);
  const probed = new Set(probes.map((x) => x.type));
  expect(needing.filter((t) => !probed.has(t))).toEqual([]);
});

/** The table's answer for `type`'s records (history entries of outreach: as their text). */
const recordAnswer = (type: string, label: `${Role}.${Team}`): Answer => {
  const [rule] = typeRules[type]!;
  const table = answers[rule === 'history' ? 'outreachText' : rule];
  return table?.[label] ?? 'full';
};

describe.each(probes.map((x) => [x.type, x] as const))(
  'the fields of %s, as every role of both teams',
  (type, probe) => {
    it.each(everyone.map(({ role, team }) => [who(role, team), role, team] as const))(
      '%s',
      async (label, role, team) => {
        const res = await as<Json>(
          accounts[label],
          probe.query.replace('SEL', selectionOf(type)),
          probe.variables(),
        );
        const answer = probe.answerFor?.(role, team) ?? recordAnswer(type, label);
        // Refused outright, or told there is no such record: nothing seen either way.
        const code = res.errors?.[0]?.extensions?.code;
        if (answer === 'hidden' && (code === 'FORBIDDEN' || code === 'NOT_FOUND')) return;
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        const record = probe.pick(res.data) ?? null;
        if (answer === 'hidden') {
          expect(record, `${type} as ${label}`).toBeNull();
          return;
        }
        expect(record, `${type} as ${label}`).not.toBeNull();
        // The fixture wrote the phone number into every free text: shown as written, or redacted.
        const [rule] = typeRules[type]!;
        const texts = JSON.stringify(
          Object.entries(record!).filter(
            ([field]) => rule === 'history' || ruleOf(type, field) === 'outreachText',
          ),
        );
        if (texts === '[]') return;
        const textAnswer =
          rule === 'history' || probe.answerFor ? answer : answers.outreachText?.[label];
        if (textAnswer === 'redacted') {
          expect(JSON.stringify(record), `${type} as ${label}`).not.toContain(phone);
          expect(texts, `${type} as ${label}`).toContain(redacted);
        } else {
          expect(texts, `${type} as ${label}`).toContain(phone);
        }
      },
    );
  },
);

describe('what every role sees of a person’s history and load', () => {
  it.each(everyone.map(({ role, team }) => [who(role, team)] as const))('%s', async (label) => {
    const res = await as<Json>(
      accounts[label],
      'query ($id: ID!, $i: ID!) { person(id: $id) { history(first: 100) { op changes { field } } } introducer: person(id: $i) { introducerLoad } }',
      { id: ids.person, i: ids.introducer },
    );
    // Graph entries are for every role; counts too (no content).
    expect(res.data.person.history.map((c: Json) => c.op)).toContain('create');
    expect(res.data.introducer.introducerLoad).toBe(1);
  });
});

describe('one team’s writes to another team’s records', () => {
  const teamB: Role[] = ['staff', 'consultant'];
  it.each(teamB)(
    '%s of team B cannot release, move or invite to team A’s records',
    async (role) => {
      const account = accounts[who(role, 'B')];
      const release = await as<Json>(
        account,
        `mutation ($id: ID!) { releaseClaim(id: $id) { ${ERR} } }`,
        { id: ids.claim },
      );
      expect(release.data.releaseClaim.__typename).toBe('NotFoundError');
      const move = await as<Json>(
        account,
        `mutation ($input: MoveIntroductionInput!) { moveIntroduction(input: $input) { ${ERR} } }`,
        { input: { id: ids.introduction, stage: 'interested' } },
      );
      expect(move.data.moveIntroduction.__typename).toBe('NotFoundError');
      const list = await as<Json>(
        account,
        `mutation ($l: ID!, $a: [ID!]) { editPersonList(list: $l, add: $a) { ${ERR} } }`,
        { l: ids.list, a: [ids.introducer] },
      );
      expect(list.data.editPersonList.__typename).toBe('NotFoundError');
    },
  );

  it.each(teamB)(
    '%s of team B gets a ConflictError claiming a person team A holds',
    async (role) => {
      const res = await as<Json>(
        accounts[who(role, 'B')],
        `mutation ($input: ClaimInput!) { claimPerson(input: $input) { ${ERR} } }`,
        { input: { person: ids.person, claimant: 'B' } },
      );
      expect(res.data.claimPerson.__typename, JSON.stringify(res)).toBe('ConflictError');
    },
  );

  it('staff of team B cannot see or change team A’s event', async () => {
    const account = accounts['staff.B'];
    const status = await as<Json>(
      account,
      `mutation ($id: ID!) { setEventStatus(id: $id, status: open) { ${ERR} } }`,
      { id: ids.event },
    );
    expect(status.data.setEventStatus.__typename).toBe('NotFoundError');
    const invite = await as<Json>(
      account,
      `mutation ($input: InviteInput!) { inviteToEvent(input: $input) { ${ERR} } }`,
      { input: { event: ids.event, people: [ids.introducer] } },
    );
    expect(invite.data.inviteToEvent.__typename).toBe('NotFoundError');
  });
});
