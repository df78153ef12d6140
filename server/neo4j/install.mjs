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

// The Java options too: the class archive is made under them.
const hash = createHash('sha256')
  .update(readFileSync(join(here, 'pom.xml')))
  .update(readFileSync(javaOptionsFile));
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
writeFileSync(stamp, `${sourceHash}\n`);
// The jars changed: an archive of the old ones would be refused by Java.
rmSync(classArchive, { force: true });
await archiveClasses();
console.log('local Neo4j: ready in server/neo4j/target');

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
    await runLauncher(home, password, []);
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
async function runLauncher(home, password, javaOptions) {
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
      if (line.startsWith('READY ')) await firstQueries(port, password);
      // Closing its stdin makes the launcher exit cleanly (and Java writes the archive then).
      if (line.startsWith('READY ') || line.startsWith('FAILED ')) child.stdin.end();
    }
  } finally {
    clearTimeout(timer);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`the launcher exited with ${code}`);
}

/** A read and a write over Bolt, so that the Bolt and Cypher classes of the first requests are archived. */
async function firstQueries(port, password) {
  let neo4j;
  try {
    ({ default: neo4j } = await import('neo4j-driver'));
  } catch {
    return; // installed without the server's packages: the store's classes are archived all the same
  }
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
  try {
    await driver.executeQuery('MATCH (m:Migration) RETURN m.version AS version');
    await driver.executeQuery('MERGE (w:Warm {id: $id}) SET w.at = datetime() RETURN w.id', {
      id: 'archive',
    });
  } finally {
    await driver.close();
  }
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
