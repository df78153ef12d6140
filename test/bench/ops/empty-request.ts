import type { Operation } from './operation.ts';

/**
 * What every GraphQL request costs before any work: `{ __typename }` as the signed-in staff account
 * (HTTP handling in yoga, the session from its cache, parse and validation from theirs, execution,
 * the JSON answer), beside one Bolt round trip of `RETURN 1`. An operation whose statement takes a few
 * milliseconds (alumniMap: ~3 ms) pays this on top, so its ratio says more about this than about it.
 */
export const emptyRequestOperation: Operation = {
  name: 'empty request',
  baseline:
    'one Bolt round trip of `RETURN 1` on the driver (the request reads nothing from Neo4j)',
  prepare: ({ graphql, cypher }) => ({
    graphql: () => graphql('query Empty { __typename }', {}),
    baseline: () => cypher('RETURN 1 AS one', {}),
    answers: {
      graphql: (a) => (a as { __typename: string }).__typename === 'Query',
      baseline: (rows) => (rows as { one: number }[])[0]?.one === 1,
    },
  }),
};
