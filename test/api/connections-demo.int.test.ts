import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachCountCap, walkNeighborhood } from '../../schema/connections/neighborhood-walk.ts';
import { entityKinds } from '../../schema/shared/entity-kinds.ts';
import { tieKindNames } from '../../schema/tie/tie-kinds.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// The connection operations on the demo graph (3,000 invented people), through the HTTP API.
let server: TestServer;
const p = testPrefix('demo');
let hust = '';
let yuncheng = '';
/** The relationship types the graph view follows by default. */
const followedTypes = [...tieKindNames, 'PART_OF', 'SUBFIELD_OF'].join('|');

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.gql<{
    o: { entity: { id: string } }[];
    y: { entity: { id: string } }[];
  }>(
    '{ o: search(text: "华中科技大学", types: [Organization], first: 1) { entity { id } } y: search(text: "运城", types: [Place], first: 1) { entity { id } } }',
  );
  hust = res.data!.o[0]!.entity.id;
  yuncheng = res.data!.y[0]!.entity.id;
});
afterAll(async () => {
  await removeTestData(server.db, p);
  await server.close();
});

describe('connections on the demo graph', () => {
  it('finds warm paths between two people of the same network, with explanations', async () => {
    // Two people three KNOWS steps apart, found in the data rather than assumed.
    const [pair] = await server.db.read<{ from: string; to: string }>(
      `MATCH (a:Person)-[:KNOWS]-(:Person)-[:KNOWS]-(:Person)-[:KNOWS]-(b:Person)
       WHERE a <> b AND NOT (a)-[:KNOWS]-(b) RETURN a.id AS from, b.id AS to ORDER BY a.id LIMIT 1`,
    );
    const res = await server.gql<{
      introductionPaths: { paths: { score: { hops: number }; hops: { explanation: string }[] }[] };
    }>(
      'query ($from: [ID!]!, $to: ID!) { introductionPaths(from: $from, to: $to, maxHops: 4) { paths { score { hops } hops { explanation } } } }',
      { from: [`Person:${pair!.from}`], to: `Person:${pair!.to}` },
    );
    expect(res.errors).toBeUndefined();
    const paths = res.data!.introductionPaths.paths;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]!.score.hops).toBeLessThanOrEqual(3);
    expect(paths[0]!.hops[0]!.explanation).toMatch(/同学|同事|师生|合作者|朋友|亲属|推断/);
  });

  it('labels ties with coded values in words, in the language the request asks for', async () => {
    // A person who knows people and studied for a degree, found in the data.
    const [row] = await server.db.read<{ id: string }>(
      `MATCH (a:Person)-[:KNOWS]-(:Person), (a)-[s:STUDIED_AT]->() WHERE s.degree IS NOT NULL
       RETURN a.id AS id ORDER BY a.id LIMIT 1`,
    );
    const labels = async (lang: string) => {
      const res = await server.gql<{ neighborhood: { edges: { kind: string; label: string }[] } }>(
        'query ($id: ID!) { neighborhood(ids: [$id], depth: 1, limit: 200, filter: { derived: true }) { edges { kind label } } }',
        { id: `Person:${row!.id}` },
        { headers: { 'accept-language': lang } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.neighborhood.edges;
    };
    const codes =
      /^(classmate|colleague|mentor|coauthor|friend|family|association|project|bachelor|master|phd|postdoc|other)$/;
    const zh = await labels('zh-CN');
    const en = await labels('en');
    for (const edges of [zh, en]) {
      expect(edges.some((e) => e.kind === 'KNOWS')).toBe(true);
      expect(edges.some((e) => e.kind === 'STUDIED_AT')).toBe(true);
      for (const e of edges) expect(e.label ?? '').not.toMatch(codes);
    }
    const knowsZh = zh.filter((e) => e.kind === 'KNOWS' && e.label).map((e) => e.label);
    expect(knowsZh.length).toBeGreaterThan(0);
    expect(knowsZh.every((l) => /^(同学|同事|师生|合著|朋友|亲属)$/.test(l))).toBe(true);
    const knowsEn = en.filter((e) => e.kind === 'KNOWS' && e.label).map((e) => e.label);
    expect(
      knowsEn.every((l) => /^(Classmate|Colleague|Mentor|Co-author|Friend|Family)$/.test(l)),
    ).toBe(true);
  });

  it('caps a university’s neighbourhood and says how much it left out', async () => {
    const res = await server.gql<{
      neighborhood: { nodes: unknown[]; truncated: boolean; omittedNodes: number };
    }>(
      'query ($id: ID!) { neighborhood(ids: [$id], depth: 2, limit: 100) { nodes { id } truncated omittedNodes } }',
      { id: hust },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.neighborhood.nodes).toHaveLength(100);
    expect(res.data!.neighborhood).toMatchObject({ truncated: true });
    expect(res.data!.neighborhood.omittedNodes).toBeGreaterThan(0);
  });

  it('shows min(limit, all) of a neighbourhood and counts the rest exactly, at any limit', async () => {
    // Everything within the depth, counted independently: any path over the followed ties through
    // live entities, each end node once.
    const truth = async (depth: number) => {
      const rows = await server.db.read<{ kind: string; count: number }>(
        `MATCH p = (s:Organization {id: $id})-[:${followedTypes}*1..${depth}]-(n)
         WHERE n <> s AND all(x IN nodes(p) WHERE NOT coalesce(x.deleted, false)
                                AND any(l IN labels(x) WHERE l IN ['Person', 'Organization', 'Place', 'Field', 'Project']))
           AND all(r IN relationships(p) WHERE NOT coalesce(r.deleted, false))
         WITH DISTINCT n
         RETURN [l IN labels(n) WHERE l IN ['Person', 'Organization', 'Place', 'Field', 'Project']][0] AS kind, count(*) AS count`,
        { id: hust.slice('Organization:'.length) },
      );
      return new Map(rows.map((r) => [r.kind, r.count]));
    };
    type Hood = {
      nodes: { id: string; __typename: string }[];
      truncated: boolean;
      omittedNodes: number;
      omittedByKind: { kind: string; count: number }[];
      omittedAtLeast: boolean;
    };
    for (const [depth, limits] of [
      [1, [10, 300, 2000]],
      [2, [100, 700, 2000]],
    ] as const) {
      const all = await truth(depth);
      const total = [...all.values()].reduce((a, b) => a + b, 0);
      expect(all.get('Person')).toBeGreaterThan(500); // HUST has 598 people on the demo graph
      for (const limit of limits) {
        const res = await server.gql<{ neighborhood: Hood }>(
          `query ($id: ID!, $depth: Int, $limit: Int) { neighborhood(ids: [$id], depth: $depth, limit: $limit) {
            nodes { id __typename } truncated omittedNodes omittedByKind { kind count } omittedAtLeast } }`,
          { id: hust, depth, limit },
        );
        expect(res.errors).toBeUndefined();
        const hood = res.data!.neighborhood;
        expect(total).toBeLessThanOrEqual(reachCountCap); // so the count is exact
        expect(hood.omittedAtLeast).toBe(false);
        const shown = hood.nodes.filter((n) => n.id !== hust);
        expect(hood.nodes).toHaveLength(Math.min(limit, total + 1));
        expect(shown.length + hood.omittedNodes).toBe(total);
        expect(hood.truncated).toBe(hood.omittedNodes > 0);
        for (const [kind, count] of all) {
          const seen = shown.filter((n) => n.__typename === kind).length;
          const left = hood.omittedByKind.find((k) => k.kind === kind)?.count ?? 0;
          expect(seen + left, `${kind} at depth ${depth}, limit ${limit}`).toBe(count);
        }
      }
    }
  });

  it('past the count cap, says at least how many a neighbourhood left out, never more than there are', async () => {
    const id = hust.slice('Organization:'.length);
    const [found] = await server.db.read<{ eid: string }>(
      'MATCH (o:Organization {id: $id}) RETURN elementId(o) AS eid',
      { id },
    );
    const start = [{ globalId: hust, kind: 'Organization' as const, id, elementId: found!.eid }];
    const options = {
      depth: 2,
      limit: 100,
      types: followedTypes.split('|'),
      kinds: entityKinds,
      categories: null,
    };
    const read = (cypher: string, params: Record<string, unknown>) =>
      server.db.read(cypher, params);
    const exact = await walkNeighborhood(read, start, options);
    const reach = exact.nodes.length - 1 + exact.omittedNodes;
    expect(exact.omittedAtLeast).toBe(false);
    expect(reach).toBeGreaterThan(1000);
    const countCap = 700;
    const capped = await walkNeighborhood(read, start, { ...options, countCap });
    // The same nodes are shown; the count stopped past the cap, so it says "at least".
    expect(capped.nodes.map((n) => n.id).sort()).toEqual(exact.nodes.map((n) => n.id).sort());
    expect(capped.omittedAtLeast).toBe(true);
    expect(capped.truncated).toBe(true);
    expect(capped.omittedNodes).toBeLessThanOrEqual(exact.omittedNodes);
    for (const k of capped.omittedByKind) {
      const all = exact.omittedByKind.find((e) => e.kind === k.kind)?.count ?? 0;
      expect(k.count, k.kind).toBeLessThanOrEqual(all);
    }
    // Counted: cap + 1 nodes within the depth, of which at most the 99 shown were subtracted.
    expect(capped.omittedNodes).toBeGreaterThanOrEqual(countCap + 1 - 99);
  });

  it('draws the same neighbourhood however many ties a step reads per node', async () => {
    // A step reads a few ties per frontier node and reads more when that cannot decide it; the
    // answer must be the one a walk reading every tie gives.
    // The demo's biggest hub (hundreds of people) and three of its people.
    const [hub] = await server.db.read<{ id: string; kind: 'Place' | 'Organization'; eid: string }>(
      `MATCH (h) WHERE (h:Place OR h:Organization) AND NOT h.deleted
       WITH h ORDER BY COUNT { (h)--(:Person) } DESC, h.id LIMIT 1
       RETURN h.id AS id, [l IN labels(h) WHERE l IN ['Place', 'Organization']][0] AS kind, elementId(h) AS eid`,
    );
    const people = await server.db.read<{ id: string; eid: string }>(
      `MATCH (h)--(p:Person) WHERE elementId(h) = $eid AND NOT p.deleted
       WITH DISTINCT p ORDER BY p.id LIMIT 3 RETURN p.id AS id, elementId(p) AS eid`,
      { eid: hub!.eid },
    );
    const starts = [
      { globalId: `${hub!.kind}:${hub!.id}`, kind: hub!.kind, id: hub!.id, elementId: hub!.eid },
      ...people.map((x) => ({
        globalId: `Person:${x.id}`,
        kind: 'Person' as const,
        id: x.id,
        elementId: x.eid,
      })),
    ];
    const caps: number[] = [];
    const read = (cypher: string, params: Record<string, unknown>) => {
      if (typeof params.cap === 'number') caps.push(params.cap);
      return server.db.read(cypher, params);
    };
    const answer = (h: Awaited<ReturnType<typeof walkNeighborhood>>) => ({
      nodes: h.nodes.map((n) => `${n.kind}:${n.id}`).sort(),
      edges: h.edges.map((e) => `${e.id} ${e.source} ${e.target} ${e.label}`).sort(),
      omitted: h.omittedNodes,
    });
    let compared = 0;
    for (const start of [[starts[0]!], ...starts.slice(1).map((s) => [s]), starts]) {
      for (const [depth, limit] of [
        [1, 50],
        [2, 60],
        [2, 400],
      ] as const) {
        const options = {
          depth,
          limit,
          types: followedTypes.split('|'),
          kinds: entityKinds,
          categories: null,
        };
        const cut = answer(await walkNeighborhood(read, start, options));
        const whole = answer(
          await walkNeighborhood(read, start, { ...options, firstCap: 1_000_000 }),
        );
        expect(cut, `${start.map((s) => s.globalId)} depth ${depth} limit ${limit}`).toEqual(whole);
        expect(cut.edges.length).toBeGreaterThan(0);
        compared++;
      }
    }
    expect(compared).toBe(15);
    // Some steps could not be decided by their first read and read again (twice as many ties).
    expect(caps.some((c, i) => i > 0 && c === 2 * (caps[i - 1] as number))).toBe(true);
  });

  it('reads only the summary of each node when that is all a neighbourhood query asks for', async () => {
    type Node = { __typename: string; id: string; name: string; latinName: string | null };
    type Whole = Node & { createdAt: string; birthYear?: number | null };
    const ask = async <N>(nodes: string, fragment = '') => {
      const res = await server.gql<{ neighborhood: { nodes: N[] } }>(
        `query ($id: ID!) { neighborhood(ids: [$id], depth: 2, limit: 300) { nodes { ${nodes} } } } ${fragment}`,
        { id: hust },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.neighborhood.nodes;
    };
    const summary = await ask<Node>('__typename id name latinName');
    // Asked for more (through a fragment and a type condition), each node is read whole.
    const whole = await ask<Whole>(
      '__typename id name latinName ...More',
      'fragment More on Entity { createdAt ... on Person { birthYear } }',
    );
    expect(summary).toHaveLength(300);
    expect(
      whole.map(({ __typename, id, name, latinName }) => ({ __typename, id, name, latinName })),
    ).toEqual(summary);
    const people = whole.filter((n) => n.__typename === 'Person');
    const stored = await server.db.read<{
      id: string;
      birthYear: number | null;
      latinName: string | null;
    }>(
      'UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id, p.birthYear AS birthYear, p.latinName AS latinName',
      { ids: people.map((n) => n.id.slice('Person:'.length)) },
    );
    const byId = new Map(stored.map((r) => [`Person:${r.id}`, r]));
    expect(people.length).toBeGreaterThan(100);
    expect(people.filter((n) => n.birthYear != null).length).toBeGreaterThan(50);
    for (const n of people) {
      expect(n.birthYear ?? null, n.id).toBe(byId.get(n.id)?.birthYear ?? null);
      expect(n.latinName, n.id).toBe(byId.get(n.id)?.latinName ?? null);
    }
    for (const n of whole) expect(n.createdAt, n.id).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('maps HUST alumni by city and Yuncheng natives living elsewhere, with drill-down', async () => {
    const res = await server.gql<{
      alumni: { total: number; groups: { count: number; people: { totalCount: number } | null }[] };
      natives: { total: number; groups: { label: string; count: number }[] };
    }>(
      `query ($org: ID!, $place: ID!) {
        alumni: alumniMap(organization: $org, groupBy: CITY) { total groups { count people(first: 5) { totalCount } } }
        natives: nativesMap(place: $place, groupBy: PROVINCE) { total groups { label count } } }`,
      { org: hust, place: yuncheng },
    );
    expect(res.errors).toBeUndefined();
    const { alumni, natives } = res.data!;
    expect(alumni.total).toBeGreaterThan(50);
    const known = alumni.groups.find((g) => g.people !== null)!;
    expect(known.people!.totalCount).toBe(known.count);
    expect(natives.total).toBeGreaterThan(0);
    expect(natives.groups.reduce((sum, g) => sum + g.count, 0)).toBe(natives.total);
  });

  it('maps alumni by place from the people counts exactly as a walk of their ties does', async () => {
    // The walk computed here: each live alumnus once, in the first place (by id) of the kind among
    // the places they live in now and above them; '' when they live in none.
    const school = hust.slice('Organization:'.length);
    const walked = async (kind: string) =>
      server.db.read<{ key: string | null; count: number }>(
        `MATCH (o:Organization {id: $school})<-[s:STUDIED_AT]-(n:Person)
         WHERE NOT s.deleted AND NOT n.deleted
         WITH DISTINCT n
         CALL (n) {
           OPTIONAL MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(g:Place {kind: $kind})
           WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL)
           RETURN g.id AS place ORDER BY place LIMIT 1
         }
         RETURN 'Place:' + place AS key, count(*) AS count ORDER BY count DESC, key`,
        { school, kind },
      );
    for (const [by, kind] of [
      ['CITY', 'city'],
      ['PROVINCE', 'province'],
      ['COUNTRY', 'country'],
    ]) {
      const res = await server.gql<{
        alumniMap: { total: number; groups: { key: string | null; count: number }[] };
      }>(
        `query ($org: ID!) { alumniMap(organization: $org, groupBy: ${by}) { total groups { key count } } }`,
        { org: hust },
      );
      expect(res.errors).toBeUndefined();
      const { total, groups } = res.data!.alumniMap;
      const want = await walked(kind as string);
      const byKey = (list: { key: string | null; count: number }[]) =>
        Object.fromEntries(list.map((g) => [g.key ?? '', g.count]));
      expect(groups.length, by).toBeGreaterThan(1);
      expect(byKey(groups), by).toEqual(byKey(want));
      expect(total, by).toBe(want.reduce((sum, g) => sum + g.count, 0));
    }
  });

  it('matches people to a need and finds key connectors among alumni', async () => {
    const fields = await server.gql<{ search: { entity: { id: string } }[] }>(
      '{ search(text: "人工智能", types: [Field], first: 1) { entity { id } } }',
    );
    const need = await server.gql<{ createNeed: { data: { id: string } } }>(
      `mutation ($owner: ID!, $fields: [ID!]!) { createNeed(owner: $owner, input: {title: "${p}大模型", fields: $fields}) {
        ... on MutationCreateNeedSuccess { data { id } } } }`,
      { owner: hust, fields: [fields.data!.search[0]!.entity.id] },
      { role: 'staff' },
    );
    const res = await server.gql<{
      node: { matches: { score: number }[] };
      keyConnectors: { bridges: number }[];
    }>(
      `query ($need: ID!, $org: ID!) { node(id: $need) { ... on Need { matches(first: 10) { score } } }
        keyConnectors(scope: {almaMater: [$org]}, first: 5) { bridges } }`,
      { need: need.data!.createNeed.data.id, org: hust },
    );
    expect(res.errors).toBeUndefined();
    const scores = res.data!.node.matches.map((m) => m.score);
    expect(scores).toHaveLength(10);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(res.data!.keyConnectors[0]!.bridges).toBeGreaterThan(0);
    await server.db.writeTx((tx) =>
      tx.run('MATCH (n:Need) WHERE n.title STARTS WITH $p DETACH DELETE n', { p }),
    );
  });
});
