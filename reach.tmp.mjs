import neo4j from '/work/main/node_modules/neo4j-driver/lib/index.js';
import { readFileSync } from 'node:fs';
const d = neo4j.driver(process.env.URI, neo4j.auth.basic('neo4j', process.env.PW));
const s = d.session();
const cand = readFileSync('/tmp/cand.cypher', 'utf8');
const need = process.argv[2];
const places = (await s.run('MATCH (:Need {id:$need})-[:PREFERS_PLACE]->(p) RETURN p.id AS id', {need})).records.map(r=>r.get('id'));
let t = Date.now();
const rows = (await s.run(cand, { id: need, levels: ['national','provincial'], categories: [], places, pool: neo4j.int(100) })).records;
console.log('candidates', Date.now() - t, 'ms', rows.length);
const targets = rows.map(r => r.get('e').id).slice(0, Number(process.argv[3] ?? 100));
const from = ['01J3HZ123G000BW63G60ZNH3PE','01J7737H98000KPV663J03X664','01J4E7W1NR00179217MAXG3W6W','01J4QF9CGG0017C51F5JFVJJWR','01J7GXXGHG001QSJP1NWJGENCF'];
t = Date.now();
const q = process.argv[4] ?? `MATCH (t:Person) WHERE t.id IN $targets
       MATCH (s:Person) WHERE s.id IN $from AND s <> t
       MATCH p = SHORTEST 1 (s)(()-[r:KNOWS|DERIVED_TIE WHERE type(r) = 'DERIVED_TIE' OR NOT r.deleted]-(x:Person WHERE NOT x.deleted)){1,3}(t)
       RETURN t.id AS target, length(p) AS len`;
const res = await s.run(q, { targets, from });
console.log('reach', Date.now() - t, 'ms', res.records.length, 'paths for', targets.length, 'targets');
await s.close(); await d.close();
