import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/**
 * The web app's `graphql()`: a document written with it is typed from schema/schema.graphql
 * (through web/graphql-env.d.ts, which `npm run schema:print` writes), so a renamed field is a
 * compile error where the page reads it. Fragments are not masked: a document's result holds its
 * fragments' fields, as the app reads them. Each feature keeps its documents in its `queries.ts`.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: { File: File | null };
}>();

/** A schema enum's or input object's type, by its name: `SchemaType<'IntroductionStage'>`. */
export type SchemaType<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

export type { ResultOf, VariablesOf } from 'gql.tada';
