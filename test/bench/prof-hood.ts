import { createRequire } from 'node:module';
import neo4j from 'neo4j-driver';
import { walkNeighborhood } from '../../schema/connections/neighborhood-walk.ts';
import { entityKinds } from '../../schema/shared/entity-kinds.ts';
import { tieKindNames } from '../../schema/tie/tie-kinds.ts';
import { toCypherParams } from '../../server/db/run.ts';

const require = createRequire(import.meta.url);
const driver = neo4j.driver(
  process.argv[2]!,
  neo4j.auth.basic('neo4j', require('node:fs').readFileSync(process.argv[3]!, 'utf8').trim()),
  { disableLosslessIntegers: true },
);
function walk(plan: any, out: { op: string; hits: number; rows: number }[] = []) {
  out.push({ op: plan.operatorType, hits: plan.dbHits, rows: plan.rows });
  for (const c of plan.children ?? []) walk(c, out);
  return out;
}
const read = async (cypher: string, params: Record<string, unknown> = {}) => {
  const s = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const t = Date.now();
    const res = await s.run(`PROFILE ${cypher}`, toCypherParams(params) as never);
    const ops = walk(res.summary.profile);
    console.log(
      `--- ${cypher.replace(/\s+/g, ' ').slice(0, 120)}\n  ${Date.now() - t} ms, ${ops.reduce((n, o) => n + o.hits, 0)} db hits, ${res.records.length} rows`,
    );
    for (const o of ops.sort((a, b) => b.hits - a.hits).slice(0, 4))
      console.log(`   ${o.hits}\t${o.rows}\t${o.op}`);
    return res.records.map((r) => r.toObject());
  } finally {
    await s.close();
  }
};
const timed = async (cypher: string, params: Record<string, unknown> = {}) => {
  const s = driver.session({ defaultAccessMode: neo4j.session.READ });
  const t = Date.now();
  try {
    return (await s.run(cypher, toCypherParams(params) as never)).records.map((r) => r.toObject());
  } finally {
    await s.close();
    console.log(
      `  ${String(Date.now() - t).padStart(4)} ms  +${Date.now() - t0 - (Date.now() - t)}  ${cypher.replace(/\s+/g, ' ').slice(0, 90)}`,
    );
  }
};
let t0 = Date.now();
const people = await read(
  'MATCH (p:Person) WHERE NOT p.deleted RETURN p.id AS id, elementId(p) AS eid SKIP 5000 LIMIT 3',
);
for (const p of [...people, ...people]) {
  const t = Date.now();
  t0 = t;
  const hood = await walkNeighborhood(
    (process.env.PROF ? read : timed) as never,
    [{ globalId: `Person:${p.id}`, kind: 'Person', id: p.id, elementId: p.eid }],
    {
      depth: 2,
      limit: 500,
      types: [...tieKindNames, 'PART_OF', 'SUBFIELD_OF'],
      kinds: entityKinds,
      categories: null,
    },
  );
  console.log(
    'person',
    p.id,
    Date.now() - t,
    'ms',
    hood.nodes.length,
    'nodes',
    hood.omittedNodes,
    'omitted',
  );
}
await driver.close();
