import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Context } from '../server/context.ts';
import { decodeGlobalId, encodeGlobalId } from './shared/global-id.ts';

/** Scopes a field or mutation can require; every field declares one (accounts issue). */
export interface AuthScopes {
  /** Any caller of the API. */
  public: boolean;
  /** May read contact details and identifiers (admin, staff). */
  personalData: boolean;
  /** May write the graph (admin, staff). */
  editor: boolean;
  admin: boolean;
}

/** The one SchemaBuilder. Defines no types: each domain folder adds its own. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  Scalars: {
    DateTime: { Input: string; Output: string };
    ID: { Input: string; Output: string };
    /** A multipart upload (graphql-yoga parses it into a web File). */
    File: { Input: File; Output: never };
  };
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      public: true,
      personalData: ctx.role === 'admin' || ctx.role === 'staff',
      editor: ctx.role === 'admin' || ctx.role === 'staff',
      admin: ctx.role === 'admin',
    }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({});
builder.mutationType({});

// Every connection carries its total (declared in the builder's Connection shape above).
builder.globalConnectionField('totalCount', (t) =>
  t.int({ resolve: (parent) => parent.totalCount }),
);
