import { buildSchema, execute, parse } from 'graphql';
import { expect, it } from 'vitest';
import { selectedSubfields } from './selection.ts';

const schema = buildSchema(`
  interface Entity { id: ID! name: String! }
  type Person implements Entity { id: ID! name: String! birthYear: Int }
  type Place implements Entity { id: ID! name: String! code: String }
  type Hood { nodes: [Entity!]! truncated: Boolean! }
  type Query { hood: Hood! }
`);

/** The fields `selectedSubfields` finds under `hood.nodes` in `query`. */
async function selected(query: string, variableValues?: Record<string, unknown>) {
  let names: string[] = [];
  const result = await execute({
    schema,
    document: parse(query),
    variableValues,
    rootValue: {
      hood: (_args: unknown, _ctx: unknown, info: Parameters<typeof selectedSubfields>[0]) => {
        names = [...selectedSubfields(info, 'nodes')].sort();
        return { nodes: [], truncated: false };
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return names;
}

it('lists the fields selected under a field, through fragments and type conditions', async () => {
  expect(await selected('{ hood { truncated nodes { id n: name } } }')).toEqual(['id', 'name']);
  expect(
    await selected(`{ hood { nodes { ...Summary ... on Person { birthYear } } } }
      fragment Summary on Entity { __typename id }`),
  ).toEqual(['__typename', 'birthYear', 'id']);
  expect(
    await selected(`{ hood { ...Nodes } }
      fragment Nodes on Hood { nodes { id ... on Place { code } } }`),
  ).toEqual(['code', 'id']);
  // Fields of `hood` itself are not under `nodes`.
  expect(await selected('{ hood { truncated } }')).toEqual([]);
});

it('leaves out what @skip and @include leave out', async () => {
  const query = `query ($more: Boolean!) { hood { nodes { id ... on Person @include(if: $more) { birthYear }
    name @skip(if: $more) } } }`;
  expect(await selected(query, { more: true })).toEqual(['birthYear', 'id']);
  expect(await selected(query, { more: false })).toEqual(['id', 'name']);
});
