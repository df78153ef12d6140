import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ConfigError } from '../config.ts';
import { repoPath } from '../paths.ts';
import { readCookie, sessionCookieName } from './session-cookie.ts';

/**
 * Limits checked before any resolver runs, so a hostile document never reaches Neo4j. The numbers fit
 * the web app's largest operation (the details panel: cost about 26,000 as armor counts it, since a
 * literal `first: 200` multiplies its subtree) with room to spare.
 */
export const documentLimits = {
  maxDepth: 12,
  maxCost: 50_000,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
} as const;

export interface AbuseOptions {
  production: boolean;
  persistedOperations?: ReadonlySet<string>;
}

export const operationHash = (query: string) => createHash('sha256').update(query).digest('hex');

/** The manifest `vite build` writes beside the web app (web/api/persisted-manifest.ts). */
export const persistedOperationsFile = repoPath('web', 'dist', 'persisted-operations.json');

/**
 * The SHA-256 of every operation the web app sends, from the build's manifest (hash → text; each
 * hash is checked against its text). The server imports nothing from web/: it reads the file.
 */
export function readPersistedOperations(file = persistedOperationsFile): ReadonlySet<string> {
  if (!existsSync(file)) {
    throw new ConfigError(`${file} is missing: build the web app first (npm run build:web)`);
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const [hash, query] of Object.entries(manifest)) {
    if (typeof query !== 'string' || operationHash(query) !== hash) {
      throw new ConfigError(`${file}: the entry ${hash} does not hash to its text`);
    }
  }
  return new Set(Object.keys(manifest));
}

/**
 * Armor reports a limit as a bare "Syntax Error" (HTTP 200 for `application/json` clients): each limit
 * throws this instead, a 400 with code QUERY_LIMIT_EXCEEDED naming the limit.
 */
function rejectAs(limit: keyof typeof documentLimits) {
  return {
    propagateOnRejection: false,
    onReject: [
      (_context: unknown, error: GraphQLError) => {
        throw createGraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, http: { status: 400 } },
        });
      },
    ],
  };
}

export function abusePlugins({ production, persistedOperations }: AbuseOptions): Plugin[] {
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: {
        n: documentLimits.maxDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        ...rejectAs('maxDepth'),
      },
      // A fragment costs what its fields cost where it is spread (the web app's documents share
      // fragments; unflattened, each level of them multiplied the cost by 2.25).
      costLimit: {
        maxCost: documentLimits.maxCost,
        ignoreIntrospection: true,
        flattenFragments: true,
        ...rejectAs('maxCost'),
      },
      // Aliases of __typename count too (Armor skips them by default: hundreds cost nothing to send).
      maxAliases: { n: documentLimits.maxAliases, allowList: [], ...rejectAs('maxAliases') },
      maxDirectives: { n: documentLimits.maxDirectives, ...rejectAs('maxDirectives') },
      maxTokens: { n: documentLimits.maxTokens, ...rejectAs('maxTokens') },
      // Suggestions ("did you mean …") map the schema for an attacker once introspection is off.
      blockFieldSuggestion: { enabled: production },
    }) as Plugin,
    {
      // The token limit fails the parse, which yoga marks as a spec parse error (200 for
      // application/json clients): it is ours, a 400 like the other limits.
      onResultProcess({ result }) {
        for (const error of (result as { errors?: readonly GraphQLError[] }).errors ?? []) {
          if (error.extensions?.code === 'QUERY_LIMIT_EXCEEDED') {
            (error.extensions as { http?: unknown }).http = { status: 400 };
          }
        }
      },
    },
  ];
  if (production) {
    plugins.push(useDisableIntrospection() as Plugin);
    if (persistedOperations) plugins.push(onlyWebAppOperations(persistedOperations));
  }
  return plugins;
}

/**
 * In production a browser session may send only the web app's own operations (their SHA-256, from
 * the build's manifest): a stolen cookie, or a script injected into the page, cannot run
 * arbitrary queries. Scripts sign in for a bearer token and are not limited
 * to this list (they still meet the document limits above).
 */
function onlyWebAppOperations(allowed: ReadonlySet<string>): Plugin {
  return {
    onParams({ params, request }) {
      if (!readCookie(request.headers.get('cookie'), sessionCookieName)) return;
      if (request.headers.get('authorization')) return;
      if (params.query && allowed.has(operationHash(params.query))) return;
      throw createGraphQLError('this operation is not one of the web app’s own', {
        extensions: { code: 'OPERATION_NOT_ALLOWED', http: { status: 403 } },
      });
    },
  };
}
