// npm postinstall: fetch Neo4j Community from Maven Central and compile the launcher (server/neo4j).
// Skipped when the jars are there and built from the current pom.xml and launcher source (a content hash
// kept in target/), and only warns when Maven or Java is missing, because a user with NEO4J_URI (an
// external Neo4j, Aura or a cluster) needs neither.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// The same paths as local-neo4j.ts (this file runs before tsx is there, so it cannot import it).
const built = join(here, 'target', 'local-neo4j.jar');
const lib = join(here, 'target', 'lib');
const classArchive = join(here, 'target', 'neo4j-classes.jsa');
const stamp = join(here, 'target', 'source-hash');
const sources = join(here, 'src', 'main', 'java', 'talentgraph');
const javaOptionsFile = join(here, 'java-options.json');
const sharedJavaOptions = JSON.parse(readFileSync(javaOptionsFile, 'utf8')).options;

// The Java options and this file too: the class archive is made under them, by the steps below.
const hash = createHash('sha256')
  .update(readFileSync(join(here, 'pom.xml')))
  .update(readFileSync(javaOptionsFile))
  .update(readFileSync(fileURLToPath(import.meta.url)));
for (const file of readdirSync(sources).sort())
  hash.update(file).update(readFileSync(join(sources, file)));
const sourceHash = hash.digest('hex');
const current = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourceHash;

if (
  existsSync(built) &&
  existsSync(lib) &&
  current &&
  process.env.TALENTGRAPH_REBUILD_NEO4J !== 'true'
) {
  console.log('local Neo4j: already fetched (server/neo4j/target/lib)');
  if (!existsSync(classArchive)) await archiveClasses();
  process.exit(0);
}
for (const tool of ['mvn', 'java']) {
  if (spawnSync(tool, ['-version'], { stdio: 'ignore' }).error) {
    console.warn(
      `local Neo4j: '${tool}' not found, so the local Neo4j was not fetched. Install JDK 17+ and Maven, ` +
        'then run `npm run postinstall`, or set NEO4J_URI to use an external Neo4j.',
    );
    process.exit(0);
  }
}
console.log(
  existsSync(lib)
    ? 'local Neo4j: the launcher changed, rebuilding it…'
    : 'local Neo4j: fetching Neo4j Community 5.26 from Maven Central (first time: a minute or two)…',
);
const result = spawnSync(
  'mvn',
  ['-q', '-B', '-f', join(here, 'pom.xml'), 'package', '-DskipTests'],
  { stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error('local Neo4j: Maven could not fetch or build it (see the output above).');
  process.exit(result.status ?? 1);
}
await unsignJars();
writeFileSync(stamp, `${sourceHash}\n`);
// The jars changed: an archive of the old ones would be refused by Java.
rmSync(classArchive, { force: true });
await archiveClasses();
console.log('local Neo4j: ready in server/neo4j/target');

/**
 * Java never archives the classes of a signed jar, and Eclipse Collections' two jars are signed: a warm
 * start loaded and verified their ~600 classes from the jars every time. Their signature files are
 * removed (the classes are unchanged; nothing here checks the signature).
 */
async function unsignJars() {
  let JSZip;
  try {
    ({ default: JSZip } = await import('jszip'));
  } catch {
    return; // installed without the server's packages: those classes load from the jars
  }
  const signature = /^META-INF\/[^/]+\.(SF|RSA|DSA|EC)$/;
  for (const name of readdirSync(lib).filter((f) => f.endsWith('.jar'))) {
    const file = join(lib, name);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const signed = Object.keys(zip.files).filter((entry) => signature.test(entry));
    if (signed.length === 0) continue;
    for (const entry of signed) zip.remove(entry);
    writeFileSync(
      `${file}.partial`,
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    );
    renameSync(`${file}.partial`, file);
  }
}

/**
 * Java's AppCDS: starts the launcher on a throw-away store, then once more on that same store (the path
 * of every warm start: open the store, answer Bolt, plan Cypher) and archives the classes loaded when it
 * exits, so that every later start maps them instead of loading and verifying them (a warm start
 * opened the store in 5.8 s instead of 8.3 s on a quiet 2-core machine). Optional: on any failure the
 * local Neo4j simply starts without it.
 */
async function archiveClasses() {
  console.log('local Neo4j: archiving its classes for faster starts (once, ~30 s)…');
  const home = mkdtempSync(join(tmpdir(), 'talentgraph-cds-'));
  const partial = `${classArchive}.partial`;
  const password = randomBytes(12).toString('hex');
  try {
    await runLauncher(home, password, [], createSchema);
    await runLauncher(home, password, [
      `-XX:ArchiveClassesAtExit=${partial}`,
      '-Xlog:cds=off',
      '-Xlog:cds+dynamic=off',
    ]);
    if (!existsSync(partial)) throw new Error('Java wrote no archive');
    renameSync(partial, classArchive);
  } catch (error) {
    console.warn(`local Neo4j: no class archive (${error.message}); it starts a little slower.`);
  } finally {
    rmSync(partial, { force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

/** Starts the launcher on `home`, asks it what the server asks first over Bolt, and stops it cleanly. */
async function runLauncher(home, password, javaOptions, onReady = firstQueries) {
  const port = await freePort();
  const child = spawn(
    'java',
    [
      ...sharedJavaOptions,
      ...javaOptions,
      '-cp',
      `${built}:${lib}/*`,
      'talentgraph.LocalNeo4j',
      home,
      String(port),
      '64m',
    ],
    { env: { ...process.env, NEO4J_LOCAL_PASSWORD: password }, stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.startsWith('READY ')) await withDriver(port, password, onReady);
      // Closing its stdin makes the launcher exit cleanly (and Java writes the archive then).
      if (line.startsWith('READY ') || line.startsWith('FAILED ')) child.stdin.end();
    }
  } finally {
    clearTimeout(timer);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`the launcher exited with ${code}`);
}

/** Runs `work` with a driver on the launcher's Bolt port (skipped if the server's packages are not installed). */
async function withDriver(port, password, work) {
  let neo4j;
  try {
    ({ default: neo4j } = await import('neo4j-driver'));
  } catch {
    return; // installed without the server's packages: the store's classes are archived all the same
  }
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
  try {
    await work(driver);
  } finally {
    await driver.close();
  }
}

/**
 * The app's indexes and constraints (the Cypher migrations' statements), so that the archived start
 * opens them as a warm start does. On an empty store a warm start still loaded ~2,000 classes from the
 * jars, Lucene's (full-text indexes) and Eclipse Collections' among them.
 */
async function createSchema(driver) {
  let readMigrations;
  try {
    const { tsImport } = await import('tsx/esm/api');
    ({ readMigrations } = await tsImport('../db/migrate.ts', import.meta.url));
  } catch {
    return; // no tsx (installed without dev packages): an archive of the empty store's classes
  }
  const session = driver.session();
  try {
    // Auto-commit, one by one, as the migrations run: schema commands cannot share a transaction.
    for (const migration of readMigrations())
      for (const statement of migration.statements) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

/** What a start asks first (migrations, a search, a count, a write), so that their classes are archived. */
async function firstQueries(driver) {
  await driver.executeQuery('MATCH (m:Migration) RETURN m.version AS version');
  await driver.executeQuery(
    "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN count(node) AS n",
    { q: 'warm' },
  );
  await driver.executeQuery('MATCH (p:Person) WHERE NOT p.deleted RETURN count(p) AS n');
  await driver.executeQuery('MERGE (w:Warm {id: $id}) SET w.at = datetime() RETURN w.id', {
    id: 'archive',
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
