import { expect } from 'vitest';
import type { TestServer } from './test-server.ts';

const ERR =
  '__typename ... on Error { message } ... on ValidationError { issues { path message } }';

/**
 * Creates an entity through the API as staff, its name prefixed with the test file's prefix, and
 * returns its global id (throws with the response when it fails).
 */
export async function createEntity(
  server: TestServer,
  prefix: string,
  kind: string,
  input: Record<string, unknown>,
): Promise<string> {
  const res = await server.gql<Record<string, { data?: { id: string } }>>(
    `mutation ($input: ${kind}Input!) { create${kind}(input: $input) { ${ERR} ... on MutationCreate${kind}Success { data { id } } } }`,
    { input: { ...input, name: `${prefix}${input.name}` } },
    { role: 'staff' },
  );
  const id = res.data?.[`create${kind}`]?.data?.id;
  if (!id) throw new Error(`could not create ${kind} ${input.name}: ${JSON.stringify(res)}`);
  return id;
}

/** Adds a tie through the API as staff (optionally with a source) and expects it to succeed. */
export async function addTieOk(
  server: TestServer,
  input: Record<string, unknown>,
  source?: Record<string, unknown>,
): Promise<void> {
  const res = await server.gql<{ addTie: { __typename: string } }>(
    `mutation ($input: AddTieInput!, $source: SourceInput) { addTie(input: $input, source: $source) { ${ERR} } }`,
    { input, source },
    { role: 'staff' },
  );
  expect(res.data?.addTie.__typename, JSON.stringify(res)).toBe('MutationAddTieSuccess');
}
