import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultSessionCacheSeconds } from './auth/session-cache.ts';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(0).max(65535);

/** Environment variables the app reads. Names are part of the public contract (README, scripts). */
const envSchema = z
  .object({
    PORT: port.default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    NEO4J_BOLT_PORT: port.default(7687),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/, {
        message: 'must start with neo4j://, neo4j+s://, bolt:// or bolt+s://',
      })
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    NEO4J_HEAP: z
      .string()
      .regex(/^\d+[kmg]$/i, { message: 'like 2g or 512m' })
      .default('2g'),
    NEO4J_PAGECACHE: z
      .string()
      .regex(/^\d+[kmg]$/i, { message: 'like 1g or 512m' })
      .default('1g'),
    NEO4J_START_TIMEOUT: z
      .string()
      .regex(/^\d+(ms|s|m)$/, { message: 'like 10m or 600s' })
      .default('10m'),
    NEO4J_TX_TIMEOUT: z
      .string()
      .regex(/^\d+(ms|s|m)$/, { message: 'like 30s' })
      .default('60s'),
    QUERY_TIMEOUT: z
      .string()
      .regex(/^\d+(ms|s|m)$/, { message: 'like 15s' })
      .default('15s'),
    JOB_STALE_AFTER: z
      .string()
      .regex(/^\d+(ms|s|m)$/, { message: 'like 30s' })
      .default('30s'),
    SHUTDOWN_GRACE: z
      .string()
      .regex(/^\d+(ms|s|m)$/, { message: 'like 20s' })
      .default('20s'),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(12, { message: 'must be at least 12 characters' }).optional(),
    RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(600),
    RATE_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(600),
    SESSION_CACHE_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(3600)
      .default(defaultSessionCacheSeconds),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
    MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(200_000_000),
    COOKIE_SECURE: boolean.default(false),
    METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((text) =>
        text
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .refine((origins) => origins.every(isOrigin), {
        message: 'must be a comma-separated list of origins like https://app.example.org',
      }),
    EXPORT_TTL: z
      .string()
      .regex(/^\d+(ms|s|m|h|d)$/, { message: 'like 7d or 12h' })
      .default('7d'),
    DEMO_DATA: boolean.default(true),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, { message: 'must start with smtp:// or smtps://' })
      .optional(),
    MAIL_FROM: z.string().min(3).max(300).optional(),
    MAIL_RATE_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(60),
    PUBLIC_URL: z
      .string()
      .regex(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'must be an http(s) address' })
      .optional(),
    RSVP_LINK_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  })
  .refine((env) => !env.NEO4J_URI || env.NEO4J_PASSWORD !== undefined, {
    path: ['NEO4J_PASSWORD'],
    message: 'is required when NEO4J_URI is set',
  })
  .refine((env) => !env.SMTP_URL || env.MAIL_FROM, {
    path: ['MAIL_FROM'],
    message: 'is required when SMTP_URL is set',
  })
  .refine((env) => !env.ADMIN_EMAIL === !env.ADMIN_PASSWORD, {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
  });

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `15s`, `500ms`, `2m`, `12h`, `7d` in milliseconds. */
function durationMs(text: string): number {
  const [, amount, unit] = /^(\d+)(ms|s|m|h|d)$/.exec(text) ?? [];
  return Number(amount) * (unitMs[unit ?? ''] ?? Number.NaN);
}

/** An origin as browsers send it: scheme, host and port, no path (`https://app.example.org`). */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  const dataDir = resolve(env.DATA_DIR);
  return {
    dataDir,
    neo4j: env.NEO4J_URI
      ? {
          mode: 'external' as const,
          uri: env.NEO4J_URI,
          user: env.NEO4J_USER,
          password: env.NEO4J_PASSWORD ?? '',
          database: env.NEO4J_DATABASE,
        }
      : {
          mode: 'local' as const,
          home: resolve(dataDir, 'neo4j'),
          boltPort: env.NEO4J_BOLT_PORT,
          heap: env.NEO4J_HEAP,
          pageCache: env.NEO4J_PAGECACHE,
          txTimeout: env.NEO4J_TX_TIMEOUT,
          startTimeoutMs: durationMs(env.NEO4J_START_TIMEOUT),
          database: env.NEO4J_DATABASE,
        },
    demoData: env.DEMO_DATA,
    firstAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
        : null,
    http: { port: env.PORT, host: env.HOST },
    limits: {
      queryTimeoutMs: durationMs(env.QUERY_TIMEOUT),
      perIpPerMinute: env.RATE_LIMIT_PER_IP,
      perAccountPerMinute: env.RATE_LIMIT_PER_ACCOUNT,
      maxBodyBytes: env.MAX_BODY_BYTES,
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
    },
    jobs: {
      /** A job whose server stopped sending heartbeats this long ago is taken over by another start. */
      staleMs: durationMs(env.JOB_STALE_AFTER),
      /** How long a stopping server waits for running jobs to reach a checkpoint. */
      shutdownGraceMs: durationMs(env.SHUTDOWN_GRACE),
    },
    /** Invitations by e-mail: off (null) without SMTP_URL; staff then mark invitations sent by hand. */
    mail: env.SMTP_URL
      ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM ?? '', perMinute: env.MAIL_RATE_PER_MINUTE }
      : null,
    /** Where invitees reach this server (RSVP and unsubscribe links in e-mails). */
    publicUrl: (env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/+$/, ''),
    /** Signs RSVP and unsubscribe links; when unset it is derived from the Neo4j password (main.ts). */
    linkSecret: env.RSVP_LINK_SECRET ?? null,
    secureCookies: env.COOKIE_SECURE,
    metricsToken: env.METRICS_TOKEN,
    /** Other origins whose pages may call the API with credentials (same origin needs no entry). */
    corsOrigins: env.CORS_ORIGINS,
    /** Export files are deleted this long after they were made. */
    exportTtlMs: durationMs(env.EXPORT_TTL),
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === 'production',
  };
}

/** Thrown for a bad environment; the message names every wrong variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}
