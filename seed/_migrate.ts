import neo4j from 'neo4j-driver';
import { readMigrations } from '../server/db/migrate.ts';
const driver = neo4j.driver('bolt://127.0.0.1:17999', neo4j.auth.basic('neo4j', 'seedcheck123'));
for (const m of readMigrations()) {
  for (const s of m.statements) await driver.executeQuery(s);
  await driver.executeQuery(
    'MERGE (m:Migration {version: $v}) SET m.name = $n, m.appliedAt = datetime()',
    { v: neo4j.int(m.version), n: m.name },
  );
}
await driver.executeQuery('CALL db.awaitIndexes(300)');
const { records } = await driver.executeQuery(
  'SHOW INDEXES YIELD name, state RETURN count(*) AS n, collect(DISTINCT state) AS s',
);
console.log(records[0]?.toObject());
await driver.close();
