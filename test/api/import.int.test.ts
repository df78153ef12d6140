import iconv from 'iconv-lite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { setDeleted, updateEntity } from '../../schema/entity/entity-write.ts';
import { type ImportOptions, ImportRunner } from '../../schema/import/run-import.ts';
import { createDriver } from '../../server/db/driver.ts';
import { Db } from '../../server/db/run.ts';
import { removeImportData } from '../helpers/import-data.ts';
import { rosterDir, writeBytes, writeCsv, writeXlsx } from '../helpers/roster-files.ts';
import { testPrefix } from '../helpers/test-data.ts';

const driver = createDriver(inject('neo4j'));
const db = new Db(driver);
const p = testPrefix('imp');
const dir = rosterDir();
const dataset = `${p}-alumni`;
const header = [
  '姓名',
  '性别',
  '出生年份',
  '籍贯',
  '现居城市',
  '工作单位',
  '职务',
  '毕业院校',
  '学历',
  '毕业年份',
  '研究领域',
  '手机',
  '邮箱',
];

const good = [
  header,
  [
    `${p}张伟`,
    '男',
    1980,
    '湖北省武汉市',
    '北京',
    `${p}光谷激光公司`,
    '总工程师',
    '華中科技大學',
    '博士',
    2008,
    `${p}光纤激光`,
    '+86 138 0000 0001',
    'zw@example.com',
  ],
  [
    `${p}李娜`,
    '女',
    '1985年3月',
    '武汉',
    '深圳',
    `${p}光谷激光公司`,
    '研究员',
    '武汉大学',
    '硕士',
    2010,
    '',
    '',
    '',
  ],
  [`${p}王芳`, 'female', 1990, '', '', '', '', 'HUST', 'bachelor', 2012, '', '', ''],
];

async function run(path: string, extra: Partial<ImportOptions> = {}) {
  const options: ImportOptions = {
    preset: 'alumni',
    dataset,
    actor: 'test',
    fileName: 'x.csv',
    batchSize: 2,
    ...extra,
  };
  const jobId = await ImportRunner.createJob(db, path, options);
  return new ImportRunner(db, path, options).run(jobId);
}

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await db.read<{ n: number }>(cypher, { p, ...params }))[0]!.n;
const people = () =>
  count('MATCH (n:Person) WHERE n.name STARTS WITH $p AND NOT n.deleted RETURN count(n) AS n');

afterAll(async () => {
  await removeImportData(db, p);
  await driver.close();
});

describe('roster import', () => {
  it('previews a dry run per row with totals and writes nothing', async () => {
    const path = writeCsv(dir, 'good.csv', good, { bom: true });
    const summary = await run(path, { dryRun: true });
    expect(summary.status).toBe('done');
    expect(summary).toMatchObject({
      totalRows: 3,
      rejected: 0,
      created: 3,
      updated: 0,
      newOrganizations: 1,
      newFields: 1,
    });
    expect(summary.preview[0]).toMatchObject({ line: 2, action: 'create' });
    expect(summary.preview[0]!.links).toEqual([
      'BORN_IN 湖北省武汉市',
      'LIVES_IN 北京',
      `WORKED_AT ${p}光谷激光公司 (new)`,
      'STUDIED_AT 華中科技大學',
      `EXPERT_IN ${p}光纤激光 (new)`,
    ]);
    expect(await people()).toBe(0);
  });

  it('imports, matching existing organisations by traditional form and alias, contacts as personal data', async () => {
    const path = writeCsv(dir, 'good.csv', good, { bom: true });
    const summary = await run(path);
    expect(summary).toMatchObject({ status: 'done', created: 3, rejected: 0 });
    expect(await people()).toBe(3);
    // 華中科技大學 and HUST both resolve to the demo's 华中科技大学: no new university.
    expect(
      await count(
        "MATCH (o:Organization) WHERE o.name IN ['華中科技大學', 'HUST'] RETURN count(o) AS n",
      ),
    ).toBe(0);
    expect(
      await count(
        `MATCH (n:Person)-[:STUDIED_AT]->(:Organization {name: '华中科技大学'}) WHERE n.name STARTS WITH $p RETURN count(n) AS n`,
      ),
    ).toBe(2);
    expect(
      await count(
        `MATCH (n:Person {name: $p + '张伟'})-[:BORN_IN]->(:Place {name: '武汉市'}) RETURN count(n) AS n`,
      ),
    ).toBe(1);
    expect(
      await count(
        `MATCH (n:Person)-[:WORKED_AT]->(o:Organization {name: $p + '光谷激光公司'}) RETURN count(n) AS n`,
      ),
    ).toBe(2);
    expect(
      await count(
        `MATCH (n:Person {name: $p + '张伟'})-[:HAS_CONTACT]->(c:Contact) RETURN count(c) AS n`,
      ),
    ).toBe(2);
    const props = await db.read<{ keys: string[] }>(
      'MATCH (n:Person {name: $name}) RETURN keys(n) AS keys',
      { name: `${p}张伟` },
    );
    expect(props[0]!.keys.filter((k) => /phone|mail|wechat|^contact/i.test(k))).toEqual([]);
    // Each row is a Source linked to its person; the person records it as its source.
    expect(
      await count(
        `MATCH (s:Source {dataset: $d})-[:DESCRIBES]->(n:Person) WHERE n.sourceId = s.id RETURN count(s) AS n`,
        { d: dataset },
      ),
    ).toBe(3);
  });

  it('re-importing the same file creates nothing; changed values update and record history', async () => {
    const path = writeCsv(dir, 'good.csv', good, { bom: true });
    expect(await run(path)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await people()).toBe(3);
    const changed = good.map((r) => [...r]);
    changed[2]![5] = `${p}新单位`;
    changed[2]![6] = '首席科学家';
    const summary = await run(writeCsv(dir, 'changed.csv', changed));
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await people()).toBe(3);
    const ties = await db.read<{ org: string; deleted: boolean; title: string }>(
      'MATCH (n:Person {name: $name})-[r:WORKED_AT]->(o) RETURN o.name AS org, r.deleted AS deleted, r.title AS title ORDER BY org',
      { name: `${p}李娜` },
    );
    expect(ties).toEqual([
      { org: `${p}光谷激光公司`, deleted: true, title: '研究员' },
      { org: `${p}新单位`, deleted: false, title: '首席科学家' },
    ]);
    const history = await db.read<{ changes: string; sourceId: string }>(
      `MATCH (n:Person {name: $name}), (c:Change {entityId: n.id, op: 'update'}) RETURN c.changes AS changes, c.sourceId AS sourceId`,
      { name: `${p}李娜` },
    );
    expect(history).toHaveLength(1);
    expect(JSON.parse(history[0]!.changes).ties[1]).toEqual([expect.stringMatching(/^WORKED_AT:/)]);
    expect(history[0]!.sourceId).toBeTruthy();
  });

  it('reads GB18030 CSV (what Chinese Excel writes)', async () => {
    const rows = [
      header,
      [`${p}赵磊`, '男', 1975, '武汉', '', '', '', '武汉大学', '博士', 2000, '', '', ''],
    ];
    const summary = await run(writeCsv(dir, 'gbk.csv', rows, { encoding: 'gb18030' }), {
      dataset: `${p}-gbk`,
    });
    expect(summary).toMatchObject({ status: 'done', created: 1 });
    expect(
      await count('MATCH (n:Person {name: $name}) RETURN count(n) AS n', { name: `${p}赵磊` }),
    ).toBe(1);
  });

  const bad = [
    header,
    [`${p}好人`, '男', 1970, '武汉', '', '', '', '武汉大学', '', 1995, '', '', ''],
    ['', '男', 1970, '武汉', '', '', '', '武汉大学', '', 1995, '', '', ''],
    [`${p}未来`, '男', 2090, '武汉', '', '', '', '武汉大学', '', 1995, '', '', ''],
    [`${p}无地`, '男', 1970, '火星城', '', '', '', '武汉大学', '', 1995, '', '', ''],
    [`${p}好人`, '男', 1970, '武汉', '', '', '', '武汉大学', '', 1995, '', '', ''],
    [`${p}公式`, '男', 1970, '武汉', '', '=HYPERLINK("x")', '', '武汉大学', '', 1995, '', '', ''],
    [`${p}长`, '男', 1970, '武汉', '', 'x'.repeat(50_000), '', '武汉大学', '', 1995, '', '', ''],
    [`${p}电话`, '男', 1970, '武汉', '', '', '', '武汉大学', '', 1995, '', 'not-a-phone', ''],
  ];
  const expectedBad = [
    [3, /name: must not be empty/],
    [4, /birthYear: must not be in the future/],
    [5, /unknown place "火星城"/],
    [6, /duplicate of line 2/],
    [7, /formula/],
    [8, /50000 characters/],
    [9, /phone: must be a phone number/],
  ] as const;

  it('reports every bad row with its line and reason, and imports nothing unless asked', async () => {
    const path = writeCsv(dir, 'bad.csv', bad);
    const summary = await run(path, { dataset: `${p}-bad` });
    expect(summary.status).toBe('rejected');
    expect(summary.rejected).toBe(expectedBad.length);
    for (const [line, reason] of expectedBad) {
      expect(summary.rejections.find((r) => r.line === line)?.reason, `line ${line}`).toMatch(
        reason,
      );
    }
    expect(
      await count('MATCH (n:Person {name: $name}) RETURN count(n) AS n', { name: `${p}好人` }),
    ).toBe(0);
    const kept = await run(path, { dataset: `${p}-bad`, keepGoodRows: true });
    expect(kept).toMatchObject({ status: 'done', created: 1, rejected: expectedBad.length });
    expect(
      await count('MATCH (n:Person {name: $name}) RETURN count(n) AS n', { name: `${p}好人` }),
    ).toBe(1);
    const stored = await count('MATCH (r:ImportRejection {jobId: $job}) RETURN count(r) AS n', {
      job: kept.jobId,
    });
    expect(stored).toBe(expectedBad.length);
  });

  it('rejects rows with undecodable bytes (a GBK row in a UTF-8 file)', async () => {
    const utf8 = Buffer.from(
      `${header.join(',')}\r\n${p}甲,男,1970,武汉,,,,武汉大学,,1995,,,\r\n`,
      'utf8',
    );
    const gbk = iconv.encode(`${p}乙,男,1970,武汉,,,,武汉大学,,1995,,,\r\n`, 'gbk');
    const summary = await run(writeBytes(dir, 'mixed.csv', [utf8, gbk]), {
      dataset: `${p}-mixed`,
      encoding: 'utf8',
    });
    expect(summary.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, expect.stringMatching(/wrong encoding/)],
    ]);
  });

  it('rejects merged cells and formulas in .xlsx, reads dates and numbers', async () => {
    const rows = [
      header,
      [`${p}甲`, '男', 1970, '武汉', '', '', '', '武汉大学', '', 1995, '', '', ''],
      [`${p}乙`, '男', 1971, '武汉', '', `${p}合并单位`, '', '武汉大学', '', 1996, '', '', ''],
      [`${p}丙`, '男', 1972, '武汉', '', '', '', '武汉大学', '', 1997, '', '', ''],
      [`${p}丁`, '男', 1973, '武汉', '', '', '', '武汉大学', '', 1998, '', '', ''],
    ];
    const path = await writeXlsx(dir, 'sheet.xlsx', rows, (sheet) => {
      sheet.mergeCells('F3:F4');
      sheet.getCell('J5').value = { formula: '1990+8', result: 1998 } as never;
      sheet.getCell('C2').value = new Date(Date.UTC(1970, 4, 1));
    });
    const summary = await run(path, { dataset: `${p}-xlsx`, keepGoodRows: true });
    expect(summary.rejections.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(summary.rejections[0]!.reason).toMatch(/merged cells F3:F4/);
    expect(summary.rejections[2]!.reason).toMatch(/formula/);
    expect(summary.created).toBe(1);
    expect(
      await count('MATCH (n:Person {name: $name}) RETURN n.birthYear AS n', { name: `${p}甲` }),
    ).toBe(1970);
  });
});

describe('re-importing a roster', () => {
  const again = `${p}-again`;
  const orgA = `${p}再导甲公司`;
  const orgB = `${p}再导乙公司`;
  const rows = [
    header,
    [
      `${p}陈一`,
      '男',
      1981,
      '武汉',
      '北京',
      orgA,
      '工程师',
      '武汉大学',
      '硕士',
      2006,
      '',
      '+86 138 0000 0011',
      '',
    ],
    [
      `${p}陈二`,
      '女',
      1982,
      '武汉',
      '',
      orgB,
      '研究员',
      '武汉大学',
      '博士',
      2009,
      `${p}再导领域`,
      '',
      'c2@example.com',
    ],
    [`${p}陈三`, '男', 1983, '', '', '', '', '华中科技大学', '学士', 2005, '', '', ''],
    [`${p}陈四`, '女', 1984, '武汉', '', '', '', '华中科技大学', '学士', 2006, '', '', ''],
  ];
  const path = () => writeCsv(dir, 'again.csv', rows);
  const runAgain = (file: string, extra: Partial<ImportOptions> = {}) =>
    run(file, { dataset: again, ...extra });
  const idOf = async (name: string) =>
    (
      await db.read<{ id: string }>(
        'MATCH (n:Person {name: $name}) RETURN n.id AS id ORDER BY n.createdAt LIMIT 1',
        { name },
      )
    )[0]!.id;

  /**
   * What the dataset's rows made, per person: the row source (job, hash, last write), the person
   * (deleted, last write, names), its ties and contacts (by id, so a re-created one shows), and its
   * history; plus the organisations and fields named in the roster. Derived ties are left out: other
   * test files may add classmates at the demo universities meanwhile.
   */
  async function footprint() {
    const people = await db.read<{ name: string; state: unknown }>(
      `MATCH (s:Source {dataset: $d})-[:DESCRIBES]->(n:Person)
       RETURN n.name AS name, {
         source: [s.jobId, s.hash, toString(s.updatedAt)],
         person: [n.deleted, toString(n.updatedAt), n.latinName],
         ties: COLLECT { MATCH (n)-[r]->(m) WHERE type(r) <> 'DERIVED_TIE'
                         WITH type(r) + ' ' + coalesce(r.id, m.id) + ' ' + coalesce(toString(r.deleted), '') AS tie
                         RETURN tie ORDER BY tie },
         changes: COUNT { MATCH (c:Change {entityId: n.id}) }
       } AS state ORDER BY name`,
      { d: again },
    );
    const named = await db.read<{ names: string[] }>(
      `MATCH (o) WHERE (o:Organization OR o:Field) AND o.name STARTS WITH $p + '再导'
       WITH o.name + ' ' + o.id + ' ' + toString(o.deleted) AS name ORDER BY name
       RETURN collect(name) AS names`,
      { p },
    );
    return {
      people: Object.fromEntries(people.map((r) => [r.name, r.state])),
      named: named[0]!.names,
    };
  }
  /** The job's own counters, written with each batch: skipped rows count with the batch past them. */
  const jobRecord = async (id: string) =>
    (
      await db.read(
        'MATCH (j:ImportJob {id: $id}) RETURN j.doneRows AS doneRows, j.lastLine AS lastLine, j.unchanged AS unchanged',
        { id },
      )
    )[0];
  const changesBy = (jobId: string) =>
    count('MATCH (c:Change {jobId: $jobId}) RETURN count(c) AS n', { jobId });

  it('skips every unchanged row: nothing written, even for what staff deleted or edited since', async () => {
    expect(await runAgain(path())).toMatchObject({ status: 'done', created: 4, rejected: 0 });
    // Staff delete 陈三 and the organisation 陈一 works at, and edit 陈四.
    const orgId = (
      await db.read<{ id: string }>('MATCH (o:Organization {name: $name}) RETURN o.id AS id', {
        name: orgA,
      })
    )[0]!.id;
    const chen3 = await idOf(`${p}陈三`);
    const chen4 = await idOf(`${p}陈四`);
    const staff = { actor: 'staff-test', sourceId: null };
    await db.writeTx(async (tx) => {
      await setDeleted(tx, 'Person', chen3, true, staff.actor);
      await setDeleted(tx, 'Organization', orgId, true, staff.actor);
      await updateEntity(tx, 'Person', chen4, { latinName: 'Chen Si' }, staff);
    });
    const before = await footprint();

    const dry = await runAgain(path(), { dryRun: true });
    expect(dry).toMatchObject({ created: 0, updated: 0, unchanged: 4, newOrganizations: 0 });
    expect(dry.preview.map((r) => r.action)).toEqual(Array(4).fill('unchanged'));

    const summary = await runAgain(path());
    expect(summary).toMatchObject({
      status: 'done',
      created: 0,
      updated: 0,
      unchanged: 4,
      rejected: 0,
      newOrganizations: 0,
      newFields: 0,
    });
    expect(await ImportRunner.loadSummary(db, summary.jobId)).toMatchObject({
      status: 'done',
      created: 0,
      updated: 0,
      unchanged: 4,
    });
    expect(await jobRecord(summary.jobId)).toEqual({ doneRows: 4, lastLine: 5, unchanged: 4 });
    expect(await changesBy(summary.jobId)).toBe(0);
    // The deleted person stays deleted (not created again), the deleted organisation too, and the
    // staff's edit stands: the footprint is the same to the property.
    expect(await footprint()).toEqual(before);
    expect(
      await count('MATCH (n:Person {name: $name}) RETURN count(n) AS n', { name: `${p}陈三` }),
    ).toBe(1);
    expect(
      await count('MATCH (o:Organization {name: $name}) WHERE NOT o.deleted RETURN count(o) AS n', {
        name: orgA,
      }),
    ).toBe(0);
  });

  it('writes exactly the one row that changed, keeping the staff edit', async () => {
    const before = await footprint();
    rows[4]![4] = '深圳'; // 陈四 now lives in Shenzhen (the roster as the later tests read it)
    const summary = await runAgain(path());
    expect(summary).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 3 });
    expect(await jobRecord(summary.jobId)).toEqual({ doneRows: 4, lastLine: 5, unchanged: 3 });
    const chen4 = await idOf(`${p}陈四`);
    expect(
      await db.read('MATCH (c:Change {jobId: $jobId}) RETURN c.entityId AS id, c.op AS op', {
        jobId: summary.jobId,
      }),
    ).toEqual([{ id: chen4, op: 'update' }]);
    expect(
      await db.read('MATCH (s:Source {jobId: $jobId})-[:DESCRIBES]->(n) RETURN n.name AS name', {
        jobId: summary.jobId,
      }),
    ).toEqual([{ name: `${p}陈四` }]);
    const after = await footprint();
    const { [`${p}陈四`]: was, ...others } = before.people;
    const { [`${p}陈四`]: now, ...othersAfter } = after.people;
    expect(othersAfter).toEqual(others);
    expect(after.named).toEqual(before.named);
    const lives = await db.read<{ place: string }>(
      'MATCH (:Person {id: $id})-[r:LIVES_IN]->(pl) WHERE NOT r.deleted RETURN pl.name AS place',
      { id: chen4 },
    );
    expect(lives).toEqual([{ place: '深圳市' }]);
    expect((now as { person: unknown[] }).person[2]).toBe('Chen Si');
    expect(now).not.toEqual(was);
  });

  it('does not take a changed mapping or dataset for an unchanged file', async () => {
    // 研究领域 read as tags: 陈二's expertise becomes a tag, so their row changed; the others did not.
    const mapped = await runAgain(path(), { mapping: { 研究领域: 'tags' } });
    expect(mapped).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 3 });
    const [chen2] = await db.read<{ tags: string[]; expert: number }>(
      `MATCH (n:Person {name: $name})
       RETURN n.tags AS tags, COUNT { (n)-[r:EXPERT_IN]->() WHERE NOT r.deleted } AS expert`,
      { name: `${p}陈二` },
    );
    expect(chen2).toEqual({ tags: [`${p}再导领域`], expert: 0 });
    // Row keys are per dataset: under another one, every row is new.
    const other = await runAgain(path(), { dataset: `${p}-again2`, dryRun: true });
    expect(other).toMatchObject({ created: 4, updated: 0, unchanged: 0 });
  });

  it('creates a deleted person again only when the row changed', async () => {
    const changed = rows.map((r) => [...r]);
    changed[3]![4] = '深圳'; // 陈三, deleted by staff, now lives in Shenzhen
    const summary = await runAgain(writeCsv(dir, 'again-chen3.csv', changed), {
      mapping: { 研究领域: 'tags' },
    });
    expect(summary).toMatchObject({ status: 'done', created: 1, updated: 0, unchanged: 3 });
    // 陈三 is line 4: the skipped line 5 after it is counted in the same transaction.
    expect(await jobRecord(summary.jobId)).toEqual({ doneRows: 4, lastLine: 5, unchanged: 3 });
    const chen3 = await db.read<{ deleted: boolean; described: boolean }>(
      `MATCH (n:Person {name: $name})
       RETURN n.deleted AS deleted, EXISTS { (:Source {dataset: $d})-[:DESCRIBES]->(n) } AS described
       ORDER BY n.createdAt`,
      { name: `${p}陈三`, d: again },
    );
    expect(chen3).toEqual([
      { deleted: true, described: false },
      { deleted: false, described: true },
    ]);
  });
});
