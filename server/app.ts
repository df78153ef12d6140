import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGraphQLError, createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isExportJobPath, serveExportDownload } from '../schema/export/export-download.ts';
import { schema } from '../schema/index.ts';
import { createDelivery, type Delivery } from '../schema/outreach/delivery/delivery.ts';
import { throwawayLinkSecret } from '../schema/outreach/delivery/links.ts';
import {
  isPublicInvitationPath,
  servePublicInvitationPage,
} from '../schema/outreach/delivery/public-pages.ts';
import { downloadExport, exportPathPrefix } from '../schema/outreach/export-links.ts';
import { DomainError } from '../schema/shared/errors.ts';
import { abusePlugins } from './auth/abuse-limits.ts';
import { authenticate } from './auth/authenticate.ts';
import type { LoginThrottleOptions } from './auth/login-throttle.ts';
import { createRateLimits, RateLimitedError } from './auth/rate-limits.ts';
import { defaultSessionCacheSeconds, SessionCache } from './auth/session-cache.ts';
import { csrfHeader, readCookie, sessionCookieName } from './auth/session-cookie.ts';
import type { Context } from './context.ts';
import { DatabaseUnavailableError, QueryTimeoutError } from './db/errors.ts';
import { migrationsApplied } from './db/migrate.ts';
import type { Db, QueryEvent } from './db/run.ts';
import { maskError, statusOf, toClientError } from './errors-policy.ts';
import { clientErrorOf } from './http/client-errors.ts';
import { corsPolicy } from './http/cors.ts';
import { requestIdOf } from './http/request-id.ts';
import { graphiqlContentSecurityPolicy, securityHeaders } from './http/security-headers.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { langOf } from './lang.ts';
import { graphqlMetricsPlugin, serveMetrics } from './metrics.ts';
import { repoPath } from './paths.ts';

export interface AppOptions {
  db: Db;
  logger: Logger;
  /**
   * The caller applied every migration just before (the server's start): `/ready` then only checks
   * that Neo4j answers, instead of a first, slow query on a just-started Neo4j (0.5 s of a warm start).
   */
  migrated?: boolean;
  /** Production hides GraphiQL, introspection and field suggestions, and allows only the web app's own operations to cookie sessions. */
  production?: boolean;
  limits?: Partial<AppLimits>;
  /** Marks the session cookie Secure and sends HSTS (serve over https). */
  secureCookies?: boolean;
  /** Origins other than our own whose pages may call the API with credentials (CORS). */
  corsOrigins?: readonly string[];
  /** SHA-256 (hex) of each operation the web app sends; in production a cookie session may send only these. */
  persistedOperations?: ReadonlySet<string>;
  /** Sees every Cypher round trip with its request id (tests count them per request). */
  onQuery?: (event: QueryEvent, requestId: string) => void;
  /**
   * How invitations reach people (e-mail channel, link signing). Default: e-mail off, links signed
   * with a key of this process only.
   */
  delivery?: Delivery;
  /** Runs the background jobs requests start (imports, exports); one is made when not given. */
  jobs?: JobRunner;
  /** Lets callers off this machine read /metrics with `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * How long a verified session is trusted without asking Neo4j (0: ask every time). Changes made
   * through this app take effect at once; those made through another app server after this long.
   */
  sessionCacheSeconds?: number;
}

export interface AppLimits {
  queryTimeoutMs: number;
  perIpPerMinute: number;
  perAccountPerMinute: number;
  maxBodyBytes: number;
  maxUploadBytes: number;
  /** Sign-in throttling (defaults in server/auth/login-throttle.ts). */
  logins?: LoginThrottleOptions;
}

export const defaultLimits: AppLimits = {
  queryTimeoutMs: 15_000,
  perIpPerMinute: 600,
  perAccountPerMinute: 600,
  maxBodyBytes: 1_000_000,
  maxUploadBytes: 200_000_000,
};

/** What yoga hands the context factory besides the request: the Node objects of `handle`. */
interface ServerContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request was counted against its address before yoga saw it (it had no credentials). */
  countedAtAddress?: boolean;
}

export interface App {
  yoga: YogaServerInstance<ServerContext, Context>;
  /** The Node request handler: /health, /ready, /metrics, /graphql, /rsvp and /unsubscribe, and the built web app (web/dist) at `/`. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Neo4j reachable and migrations applied. */
  ready: () => Promise<{ ok: boolean; detail: string }>;
}

const slowQueryMs = 500;

/** Builds the HTTP app without listening (tests run it on port 0). */
export function createApp({
  db,
  logger,
  production = false,
  limits: limitOptions = {},
  secureCookies = false,
  corsOrigins = [],
  persistedOperations,
  onQuery,
  delivery = createDelivery({ mail: null, linkSecret: throwawayLinkSecret(), publicUrl: '' }),
  jobs = new JobRunner(db, logger, { services: { delivery } }),
  metricsToken,
  sessionCacheSeconds = defaultSessionCacheSeconds,
  migrated: migratedAtStart = false,
}: AppOptions): App {
  const limits = { ...defaultLimits, ...limitOptions };
  const responseHeaders = Object.entries(securityHeaders(secureCookies));
  const rateLimits = createRateLimits(limits);
  const sessions = new SessionCache(sessionCacheSeconds * 1000);
  const pendingCookies = new WeakMap<Request, string[]>();
  /** The request context of an authenticated request: GraphQL, and the export downloads. */
  const buildContext = async (
    headers: Headers,
    req: IncomingMessage | undefined,
    setCookies: string[],
    /** The request already counted against its address (it came without credentials). */
    countedAtAddress = false,
  ): Promise<Context> => {
    const requestId = requestIdOf(headers);
    const queries: QueryEvent[] = [];
    const requestLogger = logger.child({ requestId });
    const requestDb = db.scoped({
      metadata: { app: 'talentgraph', requestId },
      timeoutMs: limits.queryTimeoutMs,
      onQuery: (event) => {
        queries.push(event);
        onQuery?.(event, requestId);
        if (event.ms > slowQueryMs) {
          // The statement's opening (parameterised: it holds no data), to tell which one was slow.
          const query = event.cypher.replace(/\s+/g, ' ').trim().slice(0, 160);
          requestLogger.warn({ ms: Math.round(event.ms), rows: event.rows, query }, 'slow query');
        }
      },
    });
    const ip = clientAddress(req);
    // Credentials that turn out not to be a session count against the address, like anonymous requests.
    const countAtAddress = () =>
      countedAtAddress ? Promise.resolve() : rateLimits.ip(ip).catch(rethrowRateLimited);
    const { account, problem } = await authenticate(requestDb, headers, sessions).catch(
      async (error: unknown) => {
        // Without the database no session can be checked: say so (503), do not hang or 500.
        if (error instanceof DatabaseUnavailableError || error instanceof QueryTimeoutError) {
          throw createGraphQLError(error.message, {
            extensions: { code: error.code, http: { status: 503 } },
          });
        }
        await countAtAddress();
        throw error;
      },
    );
    if (account) await rateLimits.account(account.id).catch(rethrowRateLimited);
    else await countAtAddress();
    return {
      db: requestDb,
      account,
      sessions,
      role: account?.role ?? 'anonymous',
      authProblem: problem,
      actor: account ? `Account:${account.id}` : 'anonymous',
      requestId,
      logger: account ? requestLogger.child({ account: account.id }) : requestLogger,
      queries,
      loaders: new Map(),
      jobs,
      delivery,
      setCookies,
      secureCookies,
      requestHeaders: headers,
      lang: langOf(headers.get('accept-language')),
      limits: { login: rateLimits.login(ip) },
    };
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !production,
    // GraphiQL's page (0.4 s of module loading) is loaded when first asked for, not at every start.
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    cors: corsPolicy(corsOrigins),
    plugins: [
      graphqlMetricsPlugin(),
      ...abusePlugins({ production, persistedOperations }),
      {
        onResponse({ request, response }) {
          for (const cookie of pendingCookies.get(request) ?? [])
            response.headers.append('set-cookie', cookie);
          // GraphiQL (development only) is the one HTML page with an inline script.
          if (response.headers.get('content-type')?.startsWith('text/html'))
            response.headers.set('content-security-policy', graphiqlContentSecurityPolicy);
        },
      },
    ],
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      // A client's mistake (bad input, not signed in, not allowed) is not a server error: one info
      // line with its code, no stack.
      error: (...args) => {
        const client = args.length === 1 ? clientErrorOf(args[0]) : null;
        if (client) logger.info(client, 'client error');
        else logger.error({ args }, 'yoga');
      },
    },
    maskedErrors: {
      maskError: (error, message) => maskError(error, message, logger),
    },
    context: async ({ request, req, countedAtAddress }): Promise<Context> => {
      const setCookies: string[] = [];
      pendingCookies.set(request, setCookies);
      return buildContext(request.headers, req, setCookies, countedAtAddress);
    },
  });

  let migrated = migratedAtStart;
  const ready = async () => {
    const down = db.unavailable();
    if (down) return { ok: false, detail: down };
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
    for (const [name, value] of responseHeaders) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/metrics') {
      void serveMetrics(req, res, metricsToken);
      return;
    }
    if (path === '/ready') {
      void ready().then((r) =>
        sendJson(res, r.ok ? 200 : 503, {
          status: r.ok ? 'ready' : 'unavailable',
          detail: r.detail,
        }),
      );
      return;
    }
    // One download route for both kinds of export file: a graph export job (`/exports/<job id>`,
    // schema/export) and a list or pipeline export link (`/exports/tgx_<token>`, schema/outreach).
    if (path?.startsWith(exportPathPrefix) && (req.method === 'GET' || req.method === 'HEAD')) {
      if (isExportJobPath(path)) {
        void serveExportDownload(db, req, res, path, sessions).catch((error: unknown) => {
          logger.error({ err: error }, 'export download failed');
          if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'download failed' }] });
          else res.destroy();
        });
      } else void serveExport(req, res, path.slice(exportPathPrefix.length));
      return;
    }
    // The personal RSVP and unsubscribe links of invitation e-mails: public, no account.
    if (path && isPublicInvitationPath(path)) {
      void rateLimits
        .ip(clientAddress(req))
        .then(() => servePublicInvitationPage({ db, delivery, logger }, req, res))
        .catch((error: unknown) => {
          if (error instanceof RateLimitedError) {
            res.setHeader('retry-after', String(error.retryAfterSeconds));
            return sendJson(res, 429, { error: error.message });
          }
          logger.error({ err: error }, 'invitation page failed');
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
          else res.destroy();
        });
      return;
    }
    if (path === '/graphql') {
      const refusal = refuseBody(req, limits);
      if (refusal)
        return sendJson(res, refusal.status, {
          errors: [{ message: refusal.message, extensions: { code: refusal.code } }],
        });
      // With credentials, the account is counted once the session is known (buildContext); an
      // address that spent its budget on requests without a session is refused at once.
      const signedIn = hasCredentials(req);
      const address = clientAddress(req);
      void (signedIn ? rateLimits.ipSpent(address) : rateLimits.ip(address)).then(
        () => yoga.handle(req, res, { req, res, countedAtAddress: !signedIn }),
        (error: unknown) => {
          if (!(error instanceof RateLimitedError)) throw error;
          res.setHeader('retry-after', String(error.retryAfterSeconds));
          sendJson(res, 429, {
            errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED' } }],
          });
        },
      );
      return;
    }
    void serveWeb(req, res, path).then((served) => {
      if (!served) void yoga.handle(req, res, { req, res });
    });
  };

  /**
   * GET /exports/<token>: an export file as a real download, for the account that made the link, with
   * its session (bearer token, or the session cookie: a plain link cannot send the CSRF header, and a
   * GET of an unguessable, account-bound, short-lived link changes nothing but the audit of reads).
   */
  const serveExport = async (req: IncomingMessage, res: ServerResponse, token: string) => {
    try {
      await rateLimits.ip(clientAddress(req));
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      headers.set(csrfHeader, '1');
      const ctx = await buildContext(headers, req, [], true);
      const outcome = await downloadExport(ctx, token);
      if (!('file' in outcome)) {
        return sendJson(res, outcome.status, { error: outcome.message });
      }
      const { file } = outcome;
      res.writeHead(200, {
        'content-type': file.mimeType,
        'content-length': String(file.content.length),
        'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : file.content);
    } catch (error) {
      // A malformed link reads as "not found"; other domain errors by the error policy.
      const status =
        error instanceof DomainError
          ? error.code === 'BAD_USER_INPUT'
            ? 404
            : statusOf(error)
          : ((error as { extensions?: { http?: { status?: number } } }).extensions?.http?.status ??
            500);
      if (status === 500) logger.error({ err: error }, 'export download failed');
      sendJson(res, status, {
        error: status === 500 ? 'internal error' : (error as Error).message,
      });
    }
  };

  return { yoga, handle, ready };
}

/** True when the request carries a bearer token or a session cookie (valid or not). */
function hasCredentials(req: IncomingMessage): boolean {
  return (
    Boolean(req.headers.authorization) ||
    readCookie(req.headers.cookie ?? null, sessionCookieName) !== null
  );
}

function rethrowRateLimited(error: unknown): never {
  throw error instanceof RateLimitedError ? toClientError(error) : error;
}

/** The caller's address: the socket's (a reverse proxy in front would need X-Forwarded-For, trusted). */
function clientAddress(req: IncomingMessage | undefined): string {
  return req?.socket.remoteAddress ?? 'in-process';
}

/**
 * Refuses bodies over the limit before reading them: JSON requests get `maxBodyBytes`, file uploads
 * (multipart) `maxUploadBytes`. A POST must say its length (no unbounded chunked bodies).
 */
function refuseBody(
  req: IncomingMessage,
  limits: AppLimits,
): { status: number; code: string; message: string } | null {
  if (req.method !== 'POST') return null;
  const length = Number(req.headers['content-length']);
  if (!req.headers['content-length'] || !Number.isFinite(length)) {
    return {
      status: 411,
      code: 'LENGTH_REQUIRED',
      message: 'a POST needs a Content-Length header',
    };
  }
  const upload = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
  const max = upload ? limits.maxUploadBytes : limits.maxBodyBytes;
  return length > max
    ? { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `the request body is over ${max} bytes` }
    : null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

// With the separator: a sibling like web/dist-old must not pass the startsWith check below.
const webDist = `${repoPath('web', 'dist')}${sep}`;
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
