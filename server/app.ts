import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createGraphQLError, createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import { schema } from '../schema/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../schema/shared/errors.ts';
import { type Context, type Role, roles } from './context.ts';
import { DatabaseUnavailableError, QueryTimeoutError } from './db/errors.ts';
import { migrationsApplied } from './db/migrate.ts';
import type { Db, QueryEvent } from './db/run.ts';

export interface AppOptions {
  db: Db;
  logger: Logger;
  /** Hides GraphiQL (and, later, introspection) in production. */
  production?: boolean;
  /** Sees every Cypher round trip with its request id (tests count them per request). */
  onQuery?: (event: QueryEvent, requestId: string) => void;
}

export interface App {
  yoga: YogaServerInstance<Record<string, never>, Context>;
  /** The Node request handler: /health, /ready, /graphql, and the built web app (web/dist) at `/`. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Neo4j reachable and migrations applied. */
  ready: () => Promise<{ ok: boolean; detail: string }>;
}

const slowQueryMs = 500;

/** Builds the HTTP app without listening (tests run it on port 0). */
export function createApp({ db, logger, production = false, onQuery }: AppOptions): App {
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !production,
    renderGraphiQL,
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ args }, 'yoga'),
    },
    maskedErrors: {
      maskError(error, message) {
        const original = (error as { originalError?: unknown }).originalError;
        if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) {
          return createGraphQLError(original.message, { extensions: { code: original.code } });
        }
        // Expected failures outside a mutation's typed result (bad filter, bad cursor) keep their message.
        if (original instanceof ValidationError) {
          return createGraphQLError(original.message, {
            extensions: { code: 'BAD_USER_INPUT', issues: original.issues },
          });
        }
        if (original instanceof Error && original.name === 'ForbiddenError') {
          return createGraphQLError(`Not authorized: ${original.message}`, {
            extensions: { code: 'FORBIDDEN' },
          });
        }
        if (original instanceof NotFoundError || original instanceof ConflictError) {
          return createGraphQLError(original.message, { extensions: { code: original.name } });
        }
        if (!(original instanceof Error) && error instanceof Error && 'extensions' in error) {
          return error as Error; // already a client-facing GraphQL error (validation, parse)
        }
        logger.error({ err: original ?? error }, 'unexpected error');
        return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    context: ({ request }): Context => {
      const requestId = request.headers.get('x-request-id') ?? ulid();
      const queries: QueryEvent[] = [];
      const role = readRole(request.headers.get('x-role'));
      const requestLogger = logger.child({ requestId });
      return {
        db: db.scoped({
          metadata: { app: 'talentgraph', requestId },
          onQuery: (event) => {
            queries.push(event);
            onQuery?.(event, requestId);
            if (event.ms > slowQueryMs) {
              requestLogger.warn({ ms: Math.round(event.ms), rows: event.rows }, 'slow query');
            }
          },
        }),
        role,
        actor: `role:${role}`,
        requestId,
        logger: requestLogger,
        queries,
        loaders: new Map(),
      };
    },
  });

  let migrated = false;
  const ready = async () => {
    try {
      await db.driver.verifyConnectivity();
      migrated ||= await migrationsApplied(db);
      return migrated
        ? { ok: true, detail: 'neo4j reachable, migrations applied' }
        : { ok: false, detail: 'migrations not applied yet' };
    } catch (error) {
      return { ok: false, detail: `neo4j unreachable: ${(error as Error).message}` };
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/ready') {
      void ready().then((r) =>
        sendJson(res, r.ok ? 200 : 503, {
          status: r.ok ? 'ready' : 'unavailable',
          detail: r.detail,
        }),
      );
      return;
    }
    if (path === '/graphql') return void yoga.handle(req, res);
    void serveWeb(req, res, path).then((served) => {
      if (!served) void yoga.handle(req, res);
    });
  };

  return { yoga, handle, ready };
}

/**
 * Until accounts exist (issue 7) the caller may name a role in `x-role`; the default is the least
 * privileged one, so personal data stays closed unless asked for.
 */
function readRole(header: string | null): Role {
  return roles.includes(header as Role) ? (header as Role) : 'viewer';
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const webDist = fileURLToPath(new URL('../web/dist/', import.meta.url));
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves a file of the built web app (`npm run build:web`); false when there is none to serve. */
async function serveWeb(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let file: string;
  try {
    file = normalize(join(webDist, decodeURIComponent(path === '/' ? '/index.html' : path)));
  } catch {
    return false; // malformed escape
  }
  if (!file.startsWith(webDist) || file.includes(`${sep}.`)) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      // Vite names assets by content hash; index.html must be fetched again to see a new build.
      'cache-control': path.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  } catch {
    return false;
  }
}
