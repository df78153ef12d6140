/**
 * `npm run bench:import -- [--rows 100000] [--batch N] [--profile] [--no-reimport]`: generates a roster
 * CSV of invented people (real places and institutions), imports it into a fresh local Neo4j holding
 * the demo graph (data/bench/import, emptied first), and prints rows/s for the check and write passes,
 * peak memory (max RSS) of this process and of Neo4j, and the load average (the machine is shared).
 * A second run of the same file measures the idempotent re-import (every row unchanged).
 * `--profile` adds the time spent in each Cypher statement (summed over batches).
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
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
    batch: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'no-reimport': { type: 'boolean', default: false },
    heap: { type: 'string', default: '1g' },
    'page-cache': { type: 'string', default: '1g' },
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

/** Peak resident memory of a process (VmHWM), in MB; null when it cannot be read. */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far; null when it cannot be read. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Time per statement (first line of its Cypher), summed. */
const profile = new Map<string, { ms: number; calls: number }>();
function record(cypher: string, ms: number): void {
  const key = cypher.trim().split('\n')[0]?.slice(0, 90) ?? '';
  const p = profile.get(key) ?? { ms: 0, calls: 0 };
  p.ms += ms;
  p.calls++;
  profile.set(key, p);
}

const csv = join(dir, `roster-${rows}.csv`);
await writeRoster(csv);
const neo4j = await startLocalNeo4j({
  home: join(dir, 'neo4j'),
  boltPort: await freePort(),
  heap: values.heap,
  pageCache: values['page-cache'],
  txTimeout: '0s',
  startTimeoutMs: 600_000,
});
const driver = createDriver(neo4j);
const setupDb = new Db(driver);
const db = values.profile ? new Db(driver, { onQuery: (e) => record(e.cypher, e.ms) }) : setupDb;
try {
  await migrate(setupDb);
  await loadDemo(setupDb);
  const passes = values['no-reimport'] ? ['first import'] : ['first import', 're-import'];
  for (const pass of passes) {
    profile.clear();
    const options = {
      preset: 'alumni' as const,
      actor: 'bench',
      fileName: 'bench.csv',
      ...(values.batch ? { batchSize: Number(values.batch) } : {}),
      refreshDerived: false,
    };
    const jobId = await ImportRunner.createJob(setupDb, csv, options);
    let checkMs = 0;
    const load0 = loadavg()[0] as number;
    const cpu0 = { node: cpuSeconds(process.pid), neo4j: cpuSeconds(neo4j.pid) };
    const t0 = performance.now();
    const summary = await new ImportRunner(db, csv, options, (p) => {
      if (p.phase === 'writing' && !checkMs) checkMs = performance.now() - t0;
    }).run(jobId);
    const ms = performance.now() - t0;
    const writeMs = ms - checkMs;
    const cpu = {
      node: (cpuSeconds(process.pid) ?? 0) - (cpu0.node ?? 0),
      neo4j: (cpuSeconds(neo4j.pid) ?? 0) - (cpu0.neo4j ?? 0),
    };
    const rate = (n: number) => Math.round((rows * 1000) / n).toLocaleString('en');
    console.log(
      `${pass}: ${rows} rows, status ${summary.status}, created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}; ` +
        `total ${(ms / 1000).toFixed(1)} s = ${rate(ms)} rows/s ` +
        `(check ${rate(checkMs)} rows/s, write ${rate(writeMs)} rows/s); ` +
        `peak RSS node ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, neo4j ${peakRssMb(neo4j.pid)} MB; ` +
        `CPU node ${cpu.node.toFixed(0)} s + neo4j ${cpu.neo4j.toFixed(0)} s = ${Math.round(rows / (cpu.node + cpu.neo4j)).toLocaleString('en')} rows per CPU-second; ` +
        `load average ${load0.toFixed(1)} -> ${(loadavg()[0] as number).toFixed(1)}`,
    );
    if (values.profile) {
      const total = [...profile.values()].reduce((s, p) => s + p.ms, 0);
      console.log(
        `  time in Cypher: ${(total / 1000).toFixed(1)} s of ${(ms / 1000).toFixed(1)} s`,
      );
      for (const [key, p] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
        console.log(
          `  ${(p.ms / 1000).toFixed(1).padStart(7)} s ${String(p.calls).padStart(6)}x  ${key}`,
        );
      }
    }
  }
} finally {
  await driver.close();
  await neo4j.stop();
}
