import neo4j from 'neo4j-driver';
import { generateGraph } from './generate.ts';
import { loadGraph } from './load.ts';
const driver = neo4j.driver('bolt://127.0.0.1:17999', neo4j.auth.basic('neo4j', 'seedcheck123'));
const people = Number(process.argv[2] ?? 20000);
for (const spec of process.argv.slice(3)) {
  const [c, b] = spec.split('x').map(Number);
  const s = driver.session();
  await s.run(
    'MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT b:Migration CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS',
  );
  await s.run(
    'MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
  );
  await s.close();
  const r = await loadGraph(driver, generateGraph({ people, batchSize: b }), { concurrency: c });
  console.log(
    `concurrency ${c} batch ${b}: ${r.nodes} nodes ${r.ties} ties in ${r.ms} ms = ${Math.round(((r.nodes + r.ties) * 1000) / r.ms)} rows/s`,
  );
}
await driver.close();
