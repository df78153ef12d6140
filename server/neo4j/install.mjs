// npm postinstall: fetch Neo4j Community from Maven Central and compile the launcher (server/neo4j).
// Skipped when the jars are there and built from the current pom.xml and launcher source (a content hash
// kept in target/), and only warns when Maven or Java is missing, because a user with NEO4J_URI (an
// external Neo4j, Aura or a cluster) needs neither.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, 'target', 'classes', 'talentgraph', 'LocalNeo4j.class');
const lib = join(here, 'target', 'lib');
const stamp = join(here, 'target', 'source-hash');
const sources = join(here, 'src', 'main', 'java', 'talentgraph');

const hash = createHash('sha256').update(readFileSync(join(here, 'pom.xml')));
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
console.log('local Neo4j: ready in server/neo4j/target');
