import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { ensureWebBuilt } from './http/web-build.ts';
import { createLogger } from './logger.ts';
import { LocalNeo4jError } from './neo4j/local-neo4j.ts';

/**
 * The rest of the server (schema, GraphQL, demo data: ~4 s of module loading), imported while the local
 * Neo4j's JVM starts on the other core instead of before it.
 */
async function loadServer() {
  const [
    firstAdmin,
    exportFiles,
    delivery,
    links,
    demo,
    app,
    abuseLimits,
    driver,
    migrations,
    run,
    jobRunner,
  ] = await Promise.all([
    import('../schema/accounts/first-admin.ts'),
    import('../schema/export/export-files.ts'),
    import('../schema/outreach/delivery/delivery.ts'),
    import('../schema/outreach/delivery/links.ts'),
    import('../seed/demo.ts'),
    import('./app.ts'),
    import('./auth/abuse-limits.ts'),
    import('./db/driver.ts'),
    import('./db/migrate.ts'),
    import('./db/run.ts'),
    import('./jobs/job-runner.ts'),
  ]);
  return {
    ...firstAdmin,
    ...exportFiles,
    ...delivery,
    ...links,
    ...demo,
    ...app,
    ...abuseLimits,
    ...driver,
    ...migrations,
    ...run,
    ...jobRunner,
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  logger.info('starting TalentGraph');
  const opening = openDatabase(config, { logger });
  // If the start fails, that failure is reported (below), not an unhandled rejection of this promise.
  opening.catch(() => undefined);
  const webBuilt = ensureWebBuilt((line) => logger.info(line));
  webBuilt.catch(() => undefined);
  const {
    createApp,
    createDelivery,
    createDriver,
    Db,
    deriveLinkSecret,
    ensureFirstAdmin,
    JobRunner,
    migrate,
    readPersistedOperations,
    seedDemoIfEmpty,
    startExpirySweeper,
  } = await loadServer();
  await webBuilt;
  // Before any work: a production start without the built web app's manifest fails at once.
  const persistedOperations = config.production ? readPersistedOperations() : undefined;
  const target = await opening;
  logger.info({ where: target.describe }, 'database');
  const driver = createDriver(target.connection);
  // While the supervised local Neo4j restarts, requests fail at once (DATABASE_UNAVAILABLE, /ready 503).
  const db = new Db(driver, { database: target.database, unavailable: target.local?.down });

  const applied = await migrate(db, undefined, (line) => logger.info(line));
  if (applied.length) logger.info({ applied }, 'migrations applied');
  // Independent of each other (the demo graph has no accounts): on a warm start two reads, which a
  // just-started Neo4j answers side by side sooner than one after the other.
  await Promise.all([
    config.demoData ? seedDemoIfEmpty(db, logger) : undefined,
    ensureFirstAdmin(db, { configured: config.firstAdmin, dataDir: config.dataDir }, logger),
  ]);

  // Links stay valid across restarts: signed with RSVP_LINK_SECRET, or a key derived from the
  // Neo4j password (generated once for the local Neo4j, kept in DATA_DIR).
  const delivery = createDelivery({
    mail: config.mail,
    linkSecret: deriveLinkSecret(config.linkSecret ?? target.connection.password),
    publicUrl: config.publicUrl,
  });
  if (!config.mail) logger.info('e-mail is off (no SMTP_URL): invitations are marked sent by hand');
  const jobs = new JobRunner(db, logger, { staleMs: config.jobs.staleMs, services: { delivery } });
  const app = createApp({
    migrated: true,
    jobs,
    delivery,
    db,
    logger,
    production: config.production,
    limits: config.limits,
    secureCookies: config.secureCookies,
    corsOrigins: config.corsOrigins,
    persistedOperations,
    metricsToken: config.metricsToken,
    sessionCacheSeconds: config.sessionCacheSeconds,
  });
  // Export files (and import uploads) hold personal data: deleted EXPORT_TTL after they were made.
  startExpirySweeper(db, config.dataDir, config.exportTtlMs, (error) =>
    logger.error({ err: error }, 'export file sweep failed'),
  );
  const server = createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(config.http.port, config.http.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.http.host}:${port}`;
  logger.info({ url, graphql: `${url}/graphql` }, 'listening');
  console.log(startMessage(url, config.dataDir, target.local !== undefined));
  // Jobs a stopped server left: resumed (imports, from their last line) or marked failed (exports).
  await jobs.startSweeping();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new requests, finishing the ones in flight');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    logger.info('stopping background jobs at their next checkpoint');
    await jobs.shutdown(config.jobs.shutdownGraceMs);
    await driver.close();
    delivery.email?.close();
    if (target.local) {
      logger.info('stopping the local Neo4j');
      await target.local.stop();
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** What a person needs after `npm start`: where to go, how to sign in, how to stop and back up. */
function startMessage(url: string, dataDir: string, local: boolean): string {
  const credentials = join(dataDir, 'admin-credentials.txt');
  const lines = [
    '',
    `TalentGraph is running at ${url}  (GraphQL: ${url}/graphql, readiness: ${url}/ready)`,
    existsSync(credentials)
      ? `  sign in:  the first admin's e-mail and password are in ${credentials}`
      : '  sign in:  with the admin from ADMIN_EMAIL / ADMIN_PASSWORD (or an account made by an admin)',
    `  stop:     Ctrl-C, or kill -TERM ${process.pid} (this server; the local Neo4j stops with it)`,
  ];
  if (local) {
    lines.push(
      '  back up:  stop, then `npm run backup` (writes backups/talentgraph-<date>.dump)',
      '  restore:  stop, then `npm run restore -- backups/<file>.dump`',
    );
  } else {
    lines.push('  back up:  with neo4j-admin on the database host (README, "Backup and restore")');
  }
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError) {
    console.error(`TalentGraph could not start: ${error.message}`);
  } else {
    console.error('TalentGraph could not start:', error);
  }
  process.exit(1);
});
