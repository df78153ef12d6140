/**
 * The second baseline: the same questions asked of `@neo4j/graphql` (7.x, the library a team would
 * pick to put GraphQL on Neo4j), with type definitions for the part of our graph they touch, on the
 * same database and driver. Executed in-process with `graphql()` (no HTTP, no sign-in): if anything,
 * that flatters it.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { type GraphQLSchema, graphql } from 'graphql';
import type { Driver } from 'neo4j-driver';

const typeDefs = `
type Person @node {
  id: String!
  name: String!
  latinName: String
  deleted: Boolean!
  categories: [String!]
  nowCityIds: [String!]
  positions: [Organization!]! @relationship(type: "WORKED_AT", direction: OUT, properties: "Tie")
  education: [Organization!]! @relationship(type: "STUDIED_AT", direction: OUT, properties: "Tie")
  expertise: [Field!]! @relationship(type: "EXPERT_IN", direction: OUT, properties: "Tie")
}
type Organization @node {
  id: ID!
  name: String!
  deleted: Boolean!
}
type Field @node {
  id: ID!
  name: String!
  deleted: Boolean!
}
type Tie @relationshipProperties {
  id: String!
  title: String
  degree: String
  major: String
  from: Int
  to: Int
  current: Boolean
  level: Int
  deleted: Boolean!
}
`;

export type Neo4jGraphqlCall = <T>(
  source: string,
  variables: Record<string, unknown>,
) => Promise<T>;

/** A caller of `@neo4j/graphql` on `driver`; throws on any GraphQL error. */
export async function neo4jGraphqlCaller(driver: Driver): Promise<Neo4jGraphqlCall> {
  const schema: GraphQLSchema = await new Neo4jGraphQL({
    typeDefs,
    driver,
    // Keyset paging needs "greater than" on names and ids.
    features: { filters: { String: { GT: true } } },
  }).getSchema();
  return async <T>(source: string, variables: Record<string, unknown>) => {
    const result = await graphql({ schema, source, variableValues: variables, contextValue: {} });
    if (result.errors?.length || !result.data) {
      throw new Error(`@neo4j/graphql answered with errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data as T;
  };
}
