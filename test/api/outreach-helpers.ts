import { expect } from 'vitest';
import { removingIntroductions } from '../../schema/outreach/funnel-days.ts';
import type { Tx } from '../../server/db/run.ts';
import type { TestServer } from '../helpers/test-server.ts';

/** The error fields every outreach mutation test selects. */
export const ERR =
  '__typename ... on Error { message } ... on ValidationError { issues { path message } } ... on ConflictError { path } ... on NotFoundError { path }';

type Who = { role?: 'admin' | 'staff' | 'consultant' | 'viewer'; token?: string };

/** Runs a mutation `name` and returns its result object (success data or typed error). */
export async function mutate(
  server: TestServer,
  name: string,
  signature: string,
  args: string,
  selection: string,
  variables: Record<string, unknown>,
  who: Who = { role: 'staff' },
) {
  const success = `Mutation${name[0]?.toUpperCase()}${name.slice(1)}Success`;
  const res = await server.gql<Record<string, Record<string, unknown>>>(
    `mutation (${signature}) { ${name}(${args}) { ${ERR} ... on ${success} { data { ${selection} } } } }`,
    variables,
    who,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  // biome-ignore lint/suspicious/noExplicitAny: each test reads its own selection from `data`
  return res.data?.[name] as { __typename: string; data?: any; message?: string; path?: string[] };
}

/** Creates an entity (name prefixed) as staff and returns its global id. */
export async function createEntity(
  server: TestServer,
  kind: string,
  input: Record<string, unknown>,
): Promise<string> {
  const result = await mutate(
    server,
    `create${kind}`,
    `$input: ${kind}Input!`,
    'input: $input',
    'id',
    { input },
  );
  if (!result?.data?.id) throw new Error(`could not create ${kind}: ${JSON.stringify(result)}`);
  return result.data.id as string;
}

/** Adds a tie (AddTieInput) as staff and fails the test unless it was added. */
export async function addTie(server: TestServer, input: Record<string, unknown>) {
  const res = await mutate(server, 'addTie', '$input: AddTieInput!', 'input: $input', 'id', {
    input,
  });
  expect(res.__typename, JSON.stringify(res)).toBe('MutationAddTieSuccess');
}

/** Creates an event (EventInput) as staff and returns its global id. */
export async function createEvent(server: TestServer, input: Record<string, unknown>) {
  const res = await mutate(server, 'createEvent', '$input: EventInput!', 'input: $input', 'id', {
    input,
  });
  expect(res.__typename, JSON.stringify(res)).toBe('MutationCreateEventSuccess');
  return res.data.id as string;
}

/** Invites `people` (global ids) to `event` as staff and returns how many were invited. */
export async function invitePeople(server: TestServer, event: string, people: string[]) {
  const res = await mutate(
    server,
    'inviteToEvent',
    '$input: InviteInput!',
    'input: $input',
    'invited',
    {
      input: { event, people },
    },
  );
  return res.data?.invited as number;
}

/** The stages an introduction passes through from proposed to signed. */
export const toSigned = ['contacted', 'interested', 'negotiating', 'signed'];

/**
 * Creates an introduction (NewIntroductionInput) and moves it through `stages` in order, failing
 * the test on any refusal. Returns its global id.
 */
export async function introduce(
  server: TestServer,
  input: Record<string, unknown>,
  stages: string[],
  who: Who = { role: 'staff' },
): Promise<string> {
  const intro = await mutate(
    server,
    'createIntroduction',
    '$input: NewIntroductionInput!',
    'input: $input',
    'id',
    { input },
    who,
  );
  const id = intro.data?.id as string;
  expect(id, JSON.stringify(intro)).toBeTruthy();
  for (const stage of stages) await moveIntroduction(server, id, stage, who);
  return id;
}

/** Moves introduction `id` to `stage`, failing the test on a refusal. */
export async function moveIntroduction(
  server: TestServer,
  id: string,
  stage: string,
  who: Who = { role: 'staff' },
): Promise<void> {
  const moved = await mutate(
    server,
    'moveIntroduction',
    '$input: MoveIntroductionInput!',
    'input: $input',
    'stage',
    { input: { id, stage } },
    who,
  );
  expect(moved.data?.stage, JSON.stringify(moved)).toBe(stage);
}

/** Deletes the outreach records and events made by a test run (the entities go with removeTestData). */
export async function removeOutreachData(server: TestServer, prefix: string) {
  await server.db.writeTx(async (tx) => {
    const [intros] = await tx.run<{ ids: string[] }>(
      `MATCH (p:Person)<-[:TALENT|INTRODUCER]-(i:Introduction) WHERE p.name STARTS WITH $prefix
       RETURN collect(DISTINCT i.id) AS ids`,
      { prefix },
    );
    await deleteIntroductions(tx, intros?.ids ?? []);
    await tx.run(
      `MATCH (p:Person) WHERE p.name STARTS WITH $prefix
       OPTIONAL MATCH (p)<-[:ON|ABOUT]-(x) WHERE x:Claim OR x:FollowUp OR x:Interaction
       DETACH DELETE x`,
      { prefix },
    );
    await tx.run('MATCH (e:Event) WHERE e.name STARTS WITH $prefix DETACH DELETE e', { prefix });
  });
}

/**
 * Deletes (for real) the introductions `ids` and their moves; their funnel days are recomputed without
 * them (schema/outreach/funnel-days.ts), as an erasure does.
 */
export async function deleteIntroductions(tx: Tx, ids: readonly string[]): Promise<void> {
  await removingIntroductions(tx, ids, () =>
    tx.run(
      `MATCH (i:Introduction) WHERE i.id IN $ids
       OPTIONAL MATCH (i)-[:MOVED]->(m:StageMove)
       DETACH DELETE m, i`,
      { ids },
    ),
  );
}

/** Creates a team as admin and returns our id (not the global id) for `signIn`. */
export async function createTeam(
  server: TestServer,
  name: string,
  outreachVisibility: 'team' | 'deployment',
): Promise<string> {
  const res = await server.gql<{ createTeam: { data: { id: string } } }>(
    'mutation ($input: NewTeamInput!) { createTeam(input: $input) { ... on MutationCreateTeamSuccess { data { id } } } }',
    { input: { name, kind: 'bureau', outreachVisibility } },
    { role: 'admin' },
  );
  const id = res.data?.createTeam.data.id;
  if (!id) throw new Error(JSON.stringify(res));
  return id.split(':')[1] as string;
}
