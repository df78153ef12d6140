import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Context, Role } from '../server/context.ts';
import { ForbiddenError, UnauthenticatedError } from './shared/errors.ts';
import { decodeGlobalId, encodeGlobalId } from './shared/global-id.ts';

/**
 * Scopes a field or mutation can require. Every Query and Mutation field declares one
 * (test/api/auth-rules.int.test.ts enumerates the schema and fails on a field without a rule).
 */
export interface AuthScopes {
  /** Anyone, signed in or not: only `login` and `me`. */
  anyone: boolean;
  /** Any signed-in account: reading the graph. */
  signedIn: boolean;
  /** May read contact details and identifiers (admin, staff; each person's consent still applies). */
  personalData: boolean;
  /** May write the graph (admin, staff). */
  editor: boolean;
  /** May keep outreach records: notes, claims, introductions, follow-ups (admin, staff, consultant). */
  outreach: boolean;
  admin: boolean;
}

export const rolesWith = {
  personalData: ['admin', 'staff'],
  editor: ['admin', 'staff'],
  outreach: ['admin', 'staff', 'consultant'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

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
    authScopes: (ctx) => {
      const has = (roles: readonly Role[]) =>
        ctx.account !== null && roles.includes(ctx.account.role);
      return {
        anyone: true,
        signedIn: ctx.account !== null,
        personalData: has(rolesWith.personalData),
        editor: has(rolesWith.editor),
        outreach: has(rolesWith.outreach),
        admin: has(rolesWith.admin),
      };
    },
    // Anonymous callers are told to sign in (401), signed-in ones that their role may not (403).
    unauthorizedError: (_parent, ctx, info) =>
      ctx.account
        ? new ForbiddenError(
            `the ${ctx.role} role may not use ${info.parentType.name}.${info.fieldName}`,
          )
        : new UnauthenticatedError(
            ctx.authProblem ? `sign in first (${ctx.authProblem})` : 'sign in first',
          ),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: { authScopes: { signedIn: true } },
    nodesQueryOptions: { authScopes: { signedIn: true } },
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
