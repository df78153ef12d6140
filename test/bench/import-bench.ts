/**
 * `npx tsx test/bench/import-bench.ts [--rows 100000] [--batch 1000]`: generates a roster CSV of
 * invented people (real places and institutions), imports it into a fresh local Neo4j holding the
 * demo graph (data/bench/import, emptied first), and prints rows/s for the check and write passes,
 * and peak memory (max RSS) of this process. A second run of the same file measures the idempotent
 * re-import (every row unchanged).
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportRunner } from '../../schema/import/run-import.ts';
import { loadDemo } from '../../seed/demo.ts';
import { createDriver } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Db } from '../../server/db/run.ts';
import { startLocalNeo4j } from '../../server/neo4j/local-neo4j.ts';
import { freePort } from '../helpers/free-port.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
  },
});
const rows = Number(values.rows);
const dir = resolve('data/bench/import');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉晨宇航浩然欣怡子轩梓涵';
const cities = ['武汉', '北京', '上海', '深圳', '运城', '湖北省武汉市', '杭州', '广州'];
const schools = ['华中科技大学', '武汉大学', '武汉理工大学', 'HUST', '華中科技大學'];
const degrees = ['本科', '硕士', '博士'];

async function writeRoster(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    '\uFEFF学号,姓名,性别,出生年份,籍贯,现居城市,工作单位,职务,毕业院校,学历,毕业年份,研究领域,邮箱\n',
  );
  for (let i = 0; i < rows; i++) {
    const name = `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${given[(i * 13) % given.length]}`;
    const line = [
      `B${i}`,
      name,
      i % 2 ? '男' : '女',
      1950 + (i % 55),
      cities[i % cities.length],
      cities[(i * 3) % cities.length],
      `基准公司${i % 2000}`,
      '工程师',
      schools[i % schools.length],
      degrees[i % 3],
      1975 + (i % 45),
      `基准领域${i % 40}`,
      `p${i}@example.com`,
    ].join(',');
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const csv = join(dir, `roster-${rows}.csv`);
await writeRoster(csv);
const neo4j = await startLocalNeo4j({
  home: join(dir, 'neo4j'),
  boltPort: await freePort(),
  heap: '1g',
  pageCache: '1g',
});
const driver = createDriver(neo4j);
const db = new Db(driver);
try {
  await migrate(db);
  await loadDemo(db);
  for (const pass of ['first import', 're-import (unchanged)']) {
    const options = {
      preset: 'alumni' as const,
      actor: 'bench',
      fileName: 'bench.csv',
      batchSize: Number(values.batch),
      refreshDerived: false,
    };
    const jobId = await ImportRunner.createJob(db, csv, options);
    let checkMs = 0;
    const t0 = performance.now();
    const summary = await new ImportRunner(db, csv, options, (p) => {
      if (p.phase === 'writing' && !checkMs) checkMs = performance.now() - t0;
    }).run(jobId);
    const ms = performance.now() - t0;
    const writeMs = ms - checkMs;
    console.log(
      `${pass}: ${rows} rows, status ${summary.status}, created ${summary.created}, unchanged ${summary.unchanged}, rejected ${summary.rejected}; ` +
        `total ${(ms / 1000).toFixed(1)} s = ${Math.round((rows * 1000) / ms)} rows/s ` +
        `(check ${Math.round((rows * 1000) / checkMs)} rows/s, write ${Math.round((rows * 1000) / writeMs)} rows/s); ` +
        `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
  }
} finally {
  await driver.close();
  await neo4j.stop();
}
