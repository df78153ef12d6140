import neo4j from '/work/main/node_modules/neo4j-driver/lib/index.js';
const uri = process.env.URI;
const d = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.PW ?? 'neo4j'));
const s = d.session();
const t0 = Date.now();
const q = process.argv[2];
const params = Object.fromEntries(Object.entries(JSON.parse(process.argv[3] ?? '{}')).map(([k,v])=>[k, Number.isInteger(v)? neo4j.int(v): v]));
const r = await s.run(q, params);
console.log(Date.now() - t0, 'ms', r.records.length, 'rows');
for (const rec of r.records.slice(0, 5)) console.log(JSON.stringify(rec.toObject()).slice(0, 300));
if (r.summary.profile) { const walk=(p,ind='')=>{console.log(ind+p.operatorType, 'rows', p.rows, 'dbHits', p.dbHits); p.children.forEach(c=>walk(c,ind+'  '))}; walk(r.summary.profile); }
await s.close(); await d.close();
