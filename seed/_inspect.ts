import neo4j from 'neo4j-driver';
const driver = neo4j.driver('bolt://127.0.0.1:17999', neo4j.auth.basic('neo4j', 'seedcheck123'));
const q = async (cypher: string) => {
  const { records } = await driver.executeQuery(cypher);
  for (const r of records)
    console.log(JSON.stringify(r.toObject(), (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
};
await q(
  `MATCH (p:Person) WHERE 'returnee' IN p.categories AND size(p.aliases) > 1 RETURN p {.*, createdAt: toString(p.createdAt)} AS p, valueType(p.birthYear) AS t, valueType(p.createdAt) AS c, valueType(p.aliases) AS a LIMIT 1`,
);
await q(`MATCH (p:Person) WHERE size(p.categories) = 0 RETURN count(*) AS noCategory`);
await q(`MATCH (p:Person) WHERE size(p.aliases) = 0 RETURN valueType(p.aliases) AS t LIMIT 1`);
await q(
  `MATCH ()-[r:WORKED_AT]->() RETURN valueType(r.from) AS f, valueType(r.recordedAt) AS rec, r {.*, recordedAt: toString(r.recordedAt)} AS r LIMIT 1`,
);
await q(
  `MATCH ()-[r:KNOWS]->() RETURN r.kind AS kind, count(*) AS n, round(avg(r.strength), 2) AS s ORDER BY n DESC`,
);
await q(
  `MATCH (e:Event) RETURN e.kind AS kind, e.status AS status, count(*) AS n ORDER BY kind, status`,
);
await q(`MATCH (p:Person) UNWIND p.categories AS c RETURN c, count(*) AS n ORDER BY n DESC`);
await q(
  `MATCH (p:Person)-[:BORN_IN]->(:Place)-[:PART_OF*0..1]->(c:Place {name: '运城市'}) MATCH (p)-[:LIVES_IN {current: true}]->(x:Place) WHERE NOT (x)-[:PART_OF*0..3]->(c) RETURN x.name AS livesIn, count(*) AS n ORDER BY n DESC LIMIT 5`,
);
await q(`MATCH (c:Contact) RETURN c.kind AS kind, c.value AS value, c.searchText AS st LIMIT 3`);
await q(
  `MATCH (i:Introduction)-[:TARGET]->(t) RETURN i.name AS name, i.stage AS stage, labels(t) AS target LIMIT 3`,
);
await q(`MATCH (p:Person) WHERE p.level IS NOT NULL RETURN p.level AS level, count(*) AS n`);
await q(`MATCH (p:Person {name: '张伟'}) RETURN p.searchText AS st LIMIT 1`);
await q(
  `CALL db.index.fulltext.queryNodes('entity_names', 'zhangwei') YIELD node, score RETURN node.name AS name, labels(node) AS l, score LIMIT 3`,
);
await q(`MATCH (p:Person) WHERE p.title IS NULL RETURN count(*) AS noTitle`);
await q(
  `MATCH (p:Project) RETURN p.name AS name, p.kind AS kind, p.status AS status, p.funding AS funding, valueType(p.funding) AS ft LIMIT 4`,
);
await driver.close();
