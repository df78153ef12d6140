/**
 * The maintained facts of people and the people counts (schema/person/current-facts.ts,
 * people-counts.ts) must equal a fresh recount after any sequence of writes through the API: ties
 * added, changed and removed, people and organisations changed, deleted and restored, places moved
 * and re-kinded, people and organisations merged and unmerged, people erased, a roster imported, a
 * dataset imported and imported again with changes. The recount below walks the ties itself, and
 * sums the counts in TypeScript.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetJobKind } from '../../schema/dataset/dataset.job.ts';
import type { DatasetJobParams, DatasetSummary } from '../../schema/dataset/run-dataset.ts';
import { type ImportOptions, ImportRunner } from '../../schema/import/run-import.ts';
import { JobRunner } from '../../server/jobs/job-runner.ts';
import { removeImportData } from '../helpers/import-data.ts';
import { rosterDir, writeCsv } from '../helpers/roster-files.ts';
import { type SeededRandom, seededRandom } from '../helpers/seeded-random.ts';
import { testPrefix } from '../helpers/test-data.ts';
import { createEntity } from '../helpers/test-entities.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('facts');
const staff: { role: 'staff' | 'admin' } = { role: 'staff' };
const admin: { role: 'staff' | 'admin' } = { role: 'admin' };
const ERR = '__typename ... on Error { message }';

const plain = (globalId: string) => globalId.slice(globalId.indexOf(':') + 1);
const categories = ['alumnus', 'returnee', 'academician', 'native_elsewhere'];

const world = {
  provinces: [] as string[],
  cities: [] as string[],
  districts: [] as string[],
  orgs: [] as string[],
  fields: [] as string[],
  people: [] as string[],
  ties: [] as { id: string; kind: string }[],
  merges: [] as string[],
  /** Places, organisations and fields a dataset import made. */
  imported: [] as string[],
  /** Dataset import jobs. */
  jobs: [] as string[],
};

async function gqlOk<T>(query: string, variables: Record<string, unknown>, as = staff) {
  const res = await server.gql<T>(query, variables, as);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const addTie = (input: Record<string, unknown>) =>
  gqlOk<{ addTie: { __typename: string; message?: string; data?: { id: string } } }>(
    `mutation ($input: AddTieInput!) { addTie(input: $input) { ${ERR} ... on MutationAddTieSuccess { data { id } } } }`,
    { input },
  );

beforeAll(async () => {
  // Consistency, not speed, is tested here: a busy machine must not fail a merge on the time limit.
  server = await startTestServer({ app: { limits: { queryTimeoutMs: 300_000 } } });
  const place = (name: string, kind: string, parent?: string) =>
    createEntity(server, p, 'Place', { name, kind, ...(parent ? { parent } : {}) });
  for (const name of ['省甲', '省乙']) world.provinces.push(await place(name, 'province'));
  for (const [i, name] of ['城甲', '城乙', '城丙'].entries()) {
    world.cities.push(await place(name, 'city', world.provinces[i % 2]));
  }
  for (const [i, name] of ['区甲', '区乙', '区丙', '区丁'].entries()) {
    world.districts.push(await place(name, 'district', world.cities[i % 3]));
  }
  for (const name of ['甲大学', '乙公司', '丙研究所', '丁大学']) {
    world.orgs.push(
      await createEntity(server, p, 'Organization', {
        name,
        type: name.endsWith('大学') ? 'university' : 'enterprise',
      }),
    );
  }
  for (const name of ['光电', '生物']) {
    world.fields.push(await createEntity(server, p, 'Field', { name }));
  }
  for (let i = 0; i < 10; i++) {
    world.people.push(
      await createEntity(server, p, 'Person', {
        name: `人${i}`,
        categories: categories.filter((_, k) => (i + k) % 3 === 0),
        ...(i % 4 === 0 ? { level: 'provincial' } : {}),
      }),
    );
  }
});

afterAll(async () => {
  await removeImportData(server.db, p);
  await server.db.writeTx(async (tx) => {
    await tx.run('MATCH (x:ExternalId) WHERE x.dataset STARTS WITH $p DETACH DELETE x', { p });
    await tx.run('MATCH (c:Change) WHERE c.jobId IN $jobs DELETE c', { jobs: world.jobs });
    await tx.run('MATCH (j:Job) WHERE j.id IN $jobs DELETE j', { jobs: world.jobs });
  });
  await server.close();
});

/** Every place, organisation and field this file made (ours alone: nobody else ties to them). */
const ourNodes = () => [
  ...[...world.provinces, ...world.cities, ...world.districts, ...world.orgs, ...world.fields].map(
    plain,
  ),
  ...world.imported,
];

interface Facts {
  id: string;
  deleted: boolean;
  labels: string[];
  nowPlaceIds: string[];
  nowCityIds: string[];
  nowProvinceIds: string[];
  nowCountryIds: string[];
  bornPlaceIds: string[];
  bornCityIds: string[];
  nowEmployerIds: string[];
  schoolIds: string[];
  expertFieldIds: string[];
  countedCategories: string[] | null;
  countedLevel: string | null;
}

const labelOf: Record<string, string> = {
  alumnus: 'Alumnus',
  returnee: 'Returnee',
  academician: 'Academician',
  native_elsewhere: 'NativeElsewhere',
};

/** Our people (by name prefix, or imported), with their facts as stored and as recounted now. */
async function storedAndRecounted(): Promise<{ stored: Facts[]; recounted: Facts[] }> {
  const sorted = (list: string[]) => [...new Set(list)].sort();
  const rows = await server.db.read<{ stored: Facts; walked: Record<string, unknown> }>(
    `MATCH (n:Person) WHERE n.name STARTS WITH $p
     RETURN n {.id, .deleted, .nowPlaceIds, .nowCityIds, .nowProvinceIds, .nowCountryIds, .bornPlaceIds, .bornCityIds, .nowEmployerIds,
               .schoolIds, .expertFieldIds, .countedCategories, .countedLevel,
               labels: [l IN labels(n) WHERE l <> 'Person']} AS stored,
            {categories: n.categories, level: n.level,
             now: COLLECT { MATCH (n)-[l:LIVES_IN]->(x:Place) WHERE NOT l.deleted
                              AND (l.current = true OR (l.current IS NULL AND l.to IS NULL))
                            MATCH path = (x)-[:PART_OF*0..4]->(up:Place) RETURN {id: up.id, kind: up.kind} },
             born: COLLECT { MATCH (n)-[b:BORN_IN]->(x:Place) WHERE NOT b.deleted
                             MATCH (x)-[:PART_OF*0..4]->(up:Place) RETURN {id: up.id, kind: up.kind} },
             employers: COLLECT { MATCH (n)-[w:WORKED_AT]->(o:Organization)
                                  WHERE NOT w.deleted AND NOT o.deleted
                                    AND (w.current = true OR (w.current IS NULL AND w.to IS NULL))
                                  RETURN o.id },
             schools: COLLECT { MATCH (n)-[s:STUDIED_AT]->(o:Organization)
                                WHERE NOT s.deleted AND NOT o.deleted RETURN o.id },
             fields: COLLECT { MATCH (n)-[e:EXPERT_IN]->(f:Field) WHERE NOT e.deleted RETURN f.id }} AS walked
     ORDER BY n.id`,
    { p },
  );
  const stored = rows.map((r) => ({
    ...r.stored,
    labels: [...r.stored.labels].sort(),
  }));
  const recounted = rows.map(({ stored: s, walked: w }): Facts => {
    const places = (key: 'now' | 'born') => w[key] as { id: string; kind: string }[];
    const cats = sorted((w.categories as string[] | null) ?? []);
    if (s.deleted) {
      return {
        id: s.id,
        deleted: true,
        labels: [],
        nowPlaceIds: [],
        nowCityIds: [],
        nowProvinceIds: [],
        nowCountryIds: [],
        bornPlaceIds: [],
        bornCityIds: [],
        nowEmployerIds: [],
        schoolIds: [],
        expertFieldIds: [],
        countedCategories: null,
        countedLevel: null,
      };
    }
    return {
      id: s.id,
      deleted: false,
      labels: cats.map((c) => labelOf[c] as string).sort(),
      nowPlaceIds: sorted(places('now').map((x) => x.id)),
      nowCityIds: sorted(
        places('now')
          .filter((x) => x.kind === 'city')
          .map((x) => x.id),
      ),
      nowProvinceIds: sorted(
        places('now')
          .filter((x) => x.kind === 'province')
          .map((x) => x.id),
      ),
      nowCountryIds: sorted(
        places('now')
          .filter((x) => x.kind === 'country')
          .map((x) => x.id),
      ),
      bornPlaceIds: sorted(places('born').map((x) => x.id)),
      bornCityIds: sorted(
        places('born')
          .filter((x) => x.kind === 'city')
          .map((x) => x.id),
      ),
      nowEmployerIds: sorted(w.employers as string[]),
      schoolIds: sorted(w.schools as string[]),
      expertFieldIds: sorted(w.fields as string[]),
      countedCategories: cats,
      countedLevel: (w.level as string | null) ?? null,
    };
  });
  return { stored, recounted };
}

/**
 * The counts our people make in cohorts of our cities, or for our organisations, places and fields
 * (no one else can add to those), summed here from recounted facts.
 */
function expectedCounts(people: Facts[]): Map<string, number> {
  const ours = new Set(ourNodes());
  const counts = new Map<string, number>();
  for (const f of people) {
    if (f.deleted || !f.countedCategories) continue;
    const values: [string, string][] = [
      ['total', ''],
      ...f.countedCategories.map((c): [string, string] => ['category', c]),
      ...(f.countedLevel ? [['level', f.countedLevel] as [string, string]] : []),
      ...f.nowCityIds.map((x): [string, string] => ['city', x]),
      ...f.expertFieldIds.map((x): [string, string] => ['field', x]),
      ...f.schoolIds.map((x): [string, string] => ['school', x]),
      ...f.nowEmployerIds.map((x): [string, string] => ['employer', x]),
      ...f.bornCityIds.map((x): [string, string] => ['hometown', x]),
    ];
    // Where each school's alumni live (the first place of each kind by id), in cell `*|*` only.
    for (const [facet, places] of [
      ['alumniCity', f.nowCityIds],
      ['alumniProvince', f.nowProvinceIds],
      ['alumniCountry', f.nowCountryIds],
    ] as const) {
      for (const school of f.schoolIds) {
        if (!ours.has(school)) continue;
        const key = `*|*|${facet}|${school}|${places[0] ?? ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    for (const city of ['*', ...f.nowCityIds]) {
      for (const category of ['*', ...f.countedCategories]) {
        for (const [facet, value] of values) {
          if (!ours.has(city) && !ours.has(value)) continue;
          const key = `${city}|${category}|${facet}|${value}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}

async function storedCounts(): Promise<Map<string, number>> {
  const ours = ourNodes();
  const rows = await server.db.read<{ key: string; n: number }>(
    `MATCH (c:PeopleCount)
     WHERE c.value IN $ours OR split(c.cell, '|')[0] IN $ours OR split(c.value, '|')[0] IN $ours
     WITH c.cell + '|' + c.facet + '|' + c.value AS key, sum(c.n) AS n WHERE n <> 0
     RETURN key, n`,
    { ours },
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

async function expectConsistent(step: string) {
  const { stored, recounted } = await storedAndRecounted();
  for (const [i, s] of stored.entries()) {
    const r = recounted[i]!;
    // Deleted people keep no facts worth comparing beyond "not counted".
    const view = (f: Facts) =>
      f.deleted
        ? { id: f.id, counted: f.countedCategories !== null, labels: f.labels }
        : { ...f, countedLevel: f.countedLevel ?? null };
    expect(view(s), `${step}: facts of ${s.id}`).toEqual(view(r));
  }
  const want = Object.fromEntries([...expectedCounts(recounted)].sort());
  const have = Object.fromEntries([...(await storedCounts())].sort());
  expect(have, `${step}: people counts`).toEqual(want);
  // Each expertise's ranking keys: its field and level when it and its person are live, else none.
  const expertise = await server.db.read<{ key: unknown[]; want: unknown[] }>(
    `MATCH (n:Person)-[e:EXPERT_IN]->(f:Field) WHERE n.name STARTS WITH $p
     RETURN [e.liveFieldId, e.liveLevel] AS key,
            CASE WHEN n.deleted OR e.deleted THEN [null, null] ELSE [f.id, coalesce(e.level, 3)] END AS want`,
    { p },
  );
  expect(
    expertise.map((x) => x.key),
    `${step}: expertise keys`,
  ).toEqual(expertise.map((x) => x.want));
}

const moves = {
  /** A tie of a person to one of our places, organisations or fields, current or past. */
  async addTie(r: SeededRandom) {
    const person = r.pick(world.people);
    const kind = r.pick(['LIVES_IN', 'BORN_IN', 'WORKED_AT', 'STUDIED_AT', 'EXPERT_IN']);
    const object =
      kind === 'LIVES_IN' || kind === 'BORN_IN'
        ? r.pick([...world.cities, ...world.districts, ...world.provinces])
        : kind === 'EXPERT_IN'
          ? r.pick(world.fields)
          : r.pick(world.orgs);
    const past = r.next() < 0.3;
    const props =
      kind === 'LIVES_IN' || kind === 'WORKED_AT'
        ? past
          ? { startYear: 2001 + r.int(5), endYear: 2010 + r.int(5) }
          : r.next() < 0.5
            ? { startYear: 2015, current: true }
            : {}
        : kind === 'STUDIED_AT'
          ? { startYear: 1990 + r.int(20) }
          : kind === 'EXPERT_IN' && r.next() < 0.7
            ? { level: 1 + r.int(5) }
            : {};
    const res = await addTie({ kind, subject: person, object, ...props });
    if (res.addTie.data) world.ties.push({ id: res.addTie.data.id, kind });
  },
  async updateTie(r: SeededRandom) {
    const tie = world.ties.filter(
      (t) => t.kind === 'LIVES_IN' || t.kind === 'WORKED_AT' || t.kind === 'EXPERT_IN',
    );
    if (!tie.length) return;
    const { id, kind } = r.pick(tie);
    const input =
      kind === 'EXPERT_IN'
        ? { level: r.next() < 0.8 ? 1 + r.int(5) : null }
        : r.next() < 0.5
          ? { endYear: 2012, current: false }
          : { endYear: null };
    await gqlOk(
      `mutation ($id: ID!, $input: TiePatch!) { updateTie(id: $id, input: $input) { ${ERR} } }`,
      { id, input },
    );
  },
  async removeTie(r: SeededRandom) {
    if (!world.ties.length) return;
    const tie = world.ties.splice(r.int(world.ties.length), 1)[0]!;
    await gqlOk(`mutation ($id: ID!) { removeTie(id: $id) { ${ERR} } }`, { id: tie.id });
  },
  async updatePerson(r: SeededRandom) {
    const input = {
      categories: categories.filter(() => r.next() < 0.4),
      level: r.pick([null, 'national', 'city']),
    };
    await gqlOk(
      `mutation ($id: ID!, $input: PersonPatch!) { updatePerson(id: $id, input: $input) { ${ERR} } }`,
      { id: r.pick(world.people), input },
    );
  },
  async deleteOrRestore(r: SeededRandom) {
    const id = r.pick([...world.people, ...world.orgs]);
    const verb = r.next() < 0.5 ? 'deleteEntity' : 'restoreEntity';
    await gqlOk(`mutation ($id: ID!) { ${verb}(id: $id) { ${ERR} } }`, { id });
  },
  /** A district moved to another city, or a district made a city (and back). */
  async movePlace(r: SeededRandom) {
    const id = r.pick(world.districts);
    const input =
      r.next() < 0.6 ? { parent: r.pick(world.cities) } : { kind: r.pick(['city', 'district']) };
    await gqlOk(
      `mutation ($id: ID!, $input: PlacePatch!) { updatePlace(id: $id, input: $input) { ${ERR} } }`,
      { id, input },
    );
  },
  async merge(r: SeededRandom) {
    const people = r.next() < 0.6;
    const pool = people ? world.people : world.orgs;
    const keep = r.pick(pool);
    const merge = r.pick(pool.filter((x) => x !== keep));
    const name = people ? 'mergePeople' : 'mergeOrganizations';
    const res = await gqlOk<Record<string, { data?: { id: string } }>>(
      `mutation ($k: ID!, $m: ID!) { ${name}(keep: $k, merge: $m) { ${ERR} ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { id } } } }`,
      { k: keep, m: merge },
    );
    const id = res[name]?.data?.id;
    if (id) world.merges.push(id);
  },
  async undoMerge(r: SeededRandom) {
    if (!world.merges.length) return;
    const id = world.merges.splice(r.int(world.merges.length), 1)[0]!;
    await gqlOk(`mutation ($id: ID!) { undoMerge(id: $id) { ${ERR} } }`, { id });
  },
  async erase(r: SeededRandom) {
    if (world.people.length < 6) return;
    const id = world.people.splice(r.int(world.people.length), 1)[0]!;
    await gqlOk(
      `mutation ($id: ID!) { erasePersonalData(person: $id, scope: EVERYTHING, reason: "测试") { ${ERR} } }`,
      { id },
      admin,
    );
  },
};

describe('maintained facts and people counts', () => {
  it('equal a fresh recount after random writes, merges, undos and erasures', async () => {
    await expectConsistent('after creating');
    const r = seededRandom(20261205);
    const weighted: (keyof typeof moves)[] = [
      ...Array<'addTie'>(8).fill('addTie'),
      'updateTie',
      'updateTie',
      'removeTie',
      'updatePerson',
      'updatePerson',
      'deleteOrRestore',
      'movePlace',
      'merge',
      'undoMerge',
      'erase',
    ];
    for (let step = 1; step <= 80; step++) {
      const move = r.pick(weighted);
      await moves[move](r);
      if (step % 20 === 0) await expectConsistent(`after ${step} moves (last: ${move})`);
    }
    // The walk gave live expertise of several levels and left some of it without keys.
    const [keys] = await server.db.read<{ levels: number; keyless: number }>(
      `MATCH (n:Person)-[e:EXPERT_IN]->() WHERE n.name STARTS WITH $p
       RETURN count(DISTINCT e.liveLevel) AS levels, count(*) - count(e.liveFieldId) AS keyless`,
      { p },
    );
    expect(keys!.levels).toBeGreaterThanOrEqual(2);
    expect(keys!.keyless).toBeGreaterThan(0);
  }, 900_000);

  it('equal a fresh recount after a roster import', async () => {
    const [city] = await server.db.read<{ name: string }>(
      'MATCH (c:Place {id: $id}) RETURN c.name AS name',
      { id: plain(world.cities[0]!) },
    );
    const [org] = await server.db.read<{ name: string }>(
      'MATCH (o:Organization {id: $id}) RETURN o.name AS name',
      { id: plain(world.orgs[1]!) },
    );
    const path = writeCsv(rosterDir(), 'facts.csv', [
      ['姓名', '出生年份', '现居城市', '工作单位', '毕业院校'],
      [`${p}导入甲`, 1980, city!.name, org!.name, '华中科技大学'],
      [`${p}导入乙`, 1985, city!.name, '', '武汉大学'],
    ]);
    const options: ImportOptions = {
      preset: 'alumni',
      dataset: `${p}-roster`,
      actor: 'test',
      fileName: 'facts.csv',
      batchSize: 10,
    };
    const jobId = await ImportRunner.createJob(server.db, path, options);
    const summary = await new ImportRunner(server.db, path, options).run(jobId);
    expect(summary).toMatchObject({ status: 'done', created: 2, rejected: 0 });
    await expectConsistent('after the import');
  }, 300_000);

  it('equal a fresh recount after a dataset import and its re-import with changes', async () => {
    const dir = rosterDir();
    const dataset = `${p}-dataset`;
    const run = async (files: Record<string, (string | number)[][]>, edges: object[]) => {
      for (const [name, rows] of Object.entries(files)) writeCsv(dir, name, rows);
      const mappingPath = join(dir, 'mapping.json');
      writeFileSync(
        mappingPath,
        JSON.stringify({
          dataset,
          nodes: [
            {
              path: 'places.csv',
              label: 'Place',
              id: 'id',
              fields: { name: 'name', kind: 'kind' },
              parent: { label: 'Place', id: 'parent' },
            },
            {
              path: 'orgs.csv',
              label: 'Organization',
              id: 'id',
              fields: { name: 'name', type: 'type' },
              place: { label: 'Place', id: 'place' },
            },
            { path: 'fields.csv', label: 'Field', id: 'id', fields: { name: 'name' } },
            { path: 'people.csv', label: 'Person', id: 'id', fields: { name: 'name' } },
          ],
          edges,
        }),
      );
      // As the server runs it: a job of the dataset-import kind on the job runner.
      const jobs = new JobRunner(server.db, pino({ level: 'silent' }));
      const params: DatasetJobParams = { mappingPath, scanDuplicates: false };
      const id = await jobs.start(datasetJobKind.kind, params, { actor: 'test' });
      const job = await jobs.wait(id);
      await jobs.shutdown();
      world.jobs.push(id);
      expect(job?.status, job?.error ?? '').toBe('done');
      const summary = JSON.parse(job?.result ?? '{}') as DatasetSummary;
      expect(summary.rejections).toEqual([]);
      expect(summary.status).toBe('done');
    };
    const edge = (type: string, path: string, to: string, fields: object = {}) => ({
      path,
      type,
      from: { label: 'Person', id: 'from' },
      to: { label: to, id: 'to' },
      fields,
    });
    const edges = [
      edge('LIVES_IN', 'lives.csv', 'Place', { current: { value: true } }),
      edge('BORN_IN', 'born.csv', 'Place'),
      edge('WORKED_AT', 'worked.csv', 'Organization', { to: { column: 'until', date: 'year' } }),
      edge('STUDIED_AT', 'studied.csv', 'Organization'),
      edge('EXPERT_IN', 'expert.csv', 'Field'),
    ];
    const files = {
      // P4 is a district of no city yet: the re-import puts it in one by a PART_OF edge.
      'places.csv': [
        ['id', 'name', 'kind', 'parent'],
        ['P1', `${p}数据省`, 'province', ''],
        ['P2', `${p}数据城`, 'city', 'P1'],
        ['P3', `${p}数据区`, 'district', 'P2'],
        ['P4', `${p}数据新区`, 'district', ''],
      ],
      'orgs.csv': [
        ['id', 'name', 'type', 'place'],
        ['O1', `${p}数据大学`, 'university', 'P2'],
        ['O2', `${p}数据公司`, 'enterprise', 'P3'],
      ],
      'fields.csv': [
        ['id', 'name'],
        ['F1', `${p}数据领域`],
      ],
      'people.csv': [
        ['id', 'name'],
        ['H1', `${p}数据人甲`],
        ['H2', `${p}数据人乙`],
        ['H3', `${p}数据人丙`],
      ],
      'lives.csv': [
        ['from', 'to'],
        ['H1', 'P3'],
        ['H2', 'P2'],
        ['H3', 'P4'],
      ],
      'born.csv': [
        ['from', 'to'],
        ['H3', 'P3'],
      ],
      'worked.csv': [
        ['from', 'to', 'until'],
        ['H1', 'O2', ''],
        ['H2', 'O2', ''],
      ],
      'studied.csv': [
        ['from', 'to'],
        ['H1', 'O1'],
        ['H3', 'O1'],
      ],
      'expert.csv': [
        ['from', 'to'],
        ['H2', 'F1'],
      ],
    };
    await run(files, edges);
    const made = await server.db.read<{ id: string }>(
      `MATCH (x:ExternalId {dataset: $dataset})-[:IDENTIFIES]->(n) WHERE NOT n:Person
       RETURN n.id AS id`,
      { dataset },
    );
    world.imported.push(...made.map((r) => r.id));
    expect(world.imported).toHaveLength(7);
    await expectConsistent('after the dataset import');

    // Again, with a district made a city, a job ended, and the new district put in a city.
    await run(
      {
        ...files,
        'places.csv': files['places.csv'].map((r) =>
          r[0] === 'P3' ? [...r.slice(0, 2), 'city', r[3] as string] : r,
        ),
        'worked.csv': [
          ['from', 'to', 'until'],
          ['H1', 'O2', 2020],
          ['H2', 'O2', ''],
        ],
        'partof.csv': [
          ['from', 'to'],
          ['P4', 'P2'],
        ],
      },
      [
        ...edges,
        {
          path: 'partof.csv',
          type: 'PART_OF',
          from: { label: 'Place', id: 'from' },
          to: { label: 'Place', id: 'to' },
        },
      ],
    );
    const facts = await server.db.read<{ name: string; cities: string[]; employers: string[] }>(
      `MATCH (n:Person) WHERE n.name STARTS WITH $p + '数据人'
       RETURN n.name AS name, n.nowCityIds AS cities, n.nowEmployerIds AS employers ORDER BY name`,
      { p },
    );
    // The changes reached the kept facts (not only both sides of the comparison staying empty).
    expect(facts.map((f) => [f.cities.length, f.employers.length])).toEqual([
      [1, 0], // 丙: lives in P4, now in the city P2
      [1, 1], // 乙: lives in P2, works at O2
      [2, 0], // 甲: lives in P3, a city now, in P2; the job ended
    ]);
    await expectConsistent('after the dataset re-import');
  }, 300_000);
});
