/**
 * The edge-file part of the import bench (import-bench.ts): generated pipe-separated files for the
 * dataset import (schema/dataset/): a node file of people and one of organisations (imported first,
 * as an earlier job, into the template store), then the timed job: an acquaintance file (KNOWS with
 * kind and since) and a work file (WORKED_AT with role and years) between them by external id. Its
 * baseline writes the same relationships with plain UNWIND batches.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { monotonicFactory } from 'ulid';
import { refreshDerivedGroups } from '../../schema/connections/derived-ties.ts';
import { datasetJobKind } from '../../schema/dataset/dataset.job.ts';
import type { EdgeFile } from '../../schema/dataset/mapping.ts';
import { checkEdgeFile } from '../../schema/dataset/read-records.ts';
import type { DatasetSummary } from '../../schema/dataset/run-dataset.ts';
import { externalKey } from '../../schema/dataset/write-dataset.ts';
import type { Db } from '../../server/db/run.ts';
import { JobRunner } from '../../server/jobs/job-runner.ts';
import { applyCounts, CountDeltas } from './people-facts-baseline.ts';

export const edgeDataset = 'bench-edges';
const newId = monotonicFactory();

/** The files of a run and how many ties they hold. */
export interface EdgeFiles {
  dir: string;
  nodesMapping: string;
  edgesMapping: string;
  edges: EdgeFile[];
  people: number;
  knows: number;
  work: number;
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉晨宇航浩然欣怡子轩梓涵';
const knowsKinds = ['friend', 'colleague', 'classmate', 'coauthor', 'mentor'];

async function writeLines(
  path: string,
  header: string,
  count: number,
  line: (i: number) => string,
) {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${line(i)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/**
 * `ties` acquaintances among `ties / 10` people (at least 1,000; about 20 per person counting both
 * ends, each pair once), one job per person at one of `people / 50` organisations, half of them
 * current (no end year).
 */
export async function writeEdgeFiles(dir: string, ties: number): Promise<EdgeFiles> {
  mkdirSync(dir, { recursive: true });
  const people = Math.max(1000, Math.floor(ties / 10));
  const orgs = Math.max(20, Math.floor(people / 50));
  await writeLines(join(dir, 'people.csv'), 'id|name|gender|birthYear', people, (i) =>
    [
      `P${i}`,
      `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${given[(i * 13) % given.length]}`,
      i % 2 ? 'male' : 'female',
      1950 + (i % 55),
    ].join('|'),
  );
  await writeLines(join(dir, 'orgs.csv'), 'id|name|type', orgs, (i) =>
    [`O${i}`, `边基准机构${i}`, i % 3 ? 'enterprise' : 'university'].join('|'),
  );
  // Person a knows a + d for a few distances d: every (a, b) pair is written once, never a self-tie.
  const perPerson = Math.ceil(ties / people);
  const distances = Array.from({ length: perPerson }, (_, k) => 1 + ((k * 7919) % (people - 1)));
  if (new Set(distances).size !== perPerson) throw new Error('too many ties for the people');
  await writeLines(join(dir, 'knows.csv'), 'person1|person2|kind|since', ties, (i) => {
    const a = i % people;
    const b = (a + (distances[Math.floor(i / people)] as number)) % people;
    return [`P${a}`, `P${b}`, knowsKinds[i % knowsKinds.length], 1990 + (i % 35)].join('|');
  });
  await writeLines(join(dir, 'work.csv'), 'person|org|role|workFrom|workTo', people, (i) => {
    const from = 1985 + (i % 35);
    return [`P${i}`, `O${(i * 7) % orgs}`, '工程师', from, i % 2 ? from + 3 : ''].join('|');
  });
  const nodesMapping = join(dir, 'nodes.mapping.json');
  writeFileSync(
    nodesMapping,
    JSON.stringify({
      dataset: edgeDataset,
      nodes: [
        {
          path: 'orgs.csv',
          delimiter: '|',
          label: 'Organization',
          id: 'id',
          fields: { name: 'name', type: 'type' },
        },
        {
          path: 'people.csv',
          delimiter: '|',
          label: 'Person',
          id: 'id',
          fields: {
            name: 'name',
            gender: 'gender',
            birthYear: { column: 'birthYear', date: 'year' },
          },
        },
      ],
    }),
  );
  const edges: EdgeFile[] = [
    {
      path: 'knows.csv',
      delimiter: '|',
      type: 'KNOWS',
      from: { label: 'Person', id: 'person1' },
      to: { label: 'Person', id: 'person2' },
      fields: { kind: 'kind', since: { column: 'since', date: 'year' } },
      missing: 'error',
    },
    {
      path: 'work.csv',
      delimiter: '|',
      type: 'WORKED_AT',
      from: { label: 'Person', id: 'person' },
      to: { label: 'Organization', id: 'org' },
      fields: {
        title: 'role',
        from: { column: 'workFrom', date: 'year' },
        to: { column: 'workTo', date: 'year' },
      },
      missing: 'error',
    },
  ];
  const edgesMapping = join(dir, 'edges.mapping.json');
  writeFileSync(edgesMapping, JSON.stringify({ dataset: edgeDataset, edges }));
  return { dir, nodesMapping, edgesMapping, edges, people, knows: ties, work: people };
}

/** Runs a dataset import as the server does (a job on the job runner); throws unless it is done. */
export async function runDatasetJob(db: Db, mappingPath: string): Promise<DatasetSummary> {
  const jobs = new JobRunner(db, pino({ level: 'silent' }));
  try {
    const id = await jobs.start(
      datasetJobKind.kind,
      { mappingPath, scanDuplicates: false },
      { actor: 'bench' },
    );
    const job = await jobs.wait(id);
    const summary = JSON.parse(job?.result ?? 'null') as DatasetSummary | null;
    if (job?.status !== 'done' || summary?.status !== 'done')
      throw new Error(
        `dataset import ${job?.status}: ${job?.error ?? JSON.stringify(summary?.rejections.slice(0, 3))}`,
      );
    return summary;
  } finally {
    await jobs.shutdown();
  }
}

/**
 * The baseline: the edge files read and checked by the product's reader, then for each batch one
 * UNWIND that finds both ends by external id and CREATEs the tie with the product's properties
 * (import key, id, provenance); then the new current employers on the people and in the people
 * counts (the people come from the node file: no city, no category, no job before), and the derived
 * ties of the organisations by the product's own function (timed apart). Returns milliseconds.
 */
export async function edgeBaseline(
  db: Db,
  files: EdgeFiles,
  batchSize: number,
): Promise<{ ties: number; writeMs: number; derivedMs: number }> {
  const actor = 'bench';
  const jobId = `baseline-${Date.now()}`;
  const sourceId = `dataset-${jobId}`;
  await db.writeTx((tx) =>
    tx.run(
      `CREATE (:Job {id: $jobId, kind: 'dataset-import', status: 'done', actor: $actor})
       CREATE (:Source {id: $sourceId, kind: 'import', title: $title, jobId: $jobId, dataset: $dataset,
                        createdAt: datetime(), createdBy: $actor})`,
      { jobId, sourceId, actor, title: `dataset ${edgeDataset}`, dataset: edgeDataset },
    ),
  );
  let ties = 0;
  let writeMs = 0;
  /** Current employers per person, and every organisation of a work tie (by external key). */
  const employers = new Map<string, Set<string>>();
  const workplaces = new Set<string>();
  for (const file of files.edges) {
    const check = await checkEdgeFile(files.dir, file, () => true);
    if (check.rejections.length) throw new Error(`${file.path}: ${check.rejections[0]?.reason}`);
    for (let i = 0; i < check.records.length; i += batchSize) {
      const rows = check.records.slice(i, i + batchSize).map((r) => ({
        key: `${edgeDataset}|${file.path}|${r.from}|${r.to}`,
        from: externalKey(edgeDataset, file.from.label, r.from),
        to: externalKey(edgeDataset, file.to.label, r.to),
        props: r.props,
        id: newId(),
      }));
      const started = performance.now();
      await db.writeTx((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MATCH (:ExternalId {key: row.from})-[:IDENTIFIES]->(a:${file.from.label})
           MATCH (:ExternalId {key: row.to})-[:IDENTIFIES]->(b:${file.to.label})
           CREATE (a)-[r:${file.type}]->(b)
           SET r = row.props, r.importKey = row.key, r.id = row.id, r.deleted = false,
               r.recordedAt = datetime(), r.recordedBy = $actor, r.sourceId = $sourceId, r.verified = false`,
          { rows, actor, sourceId },
        ),
      );
      writeMs += performance.now() - started;
      if (file.type === 'WORKED_AT')
        for (const r of rows) {
          workplaces.add(r.to);
          if (r.props.to == null)
            employers.set(r.from, (employers.get(r.from) ?? new Set()).add(r.to));
        }
    }
    ties += check.records.length;
  }
  const people = [...employers].map(([key, orgs]) => ({ key, orgs: [...orgs] }));
  const started = performance.now();
  const orgIds = new Map(
    (
      await db.read<{ key: string; id: string }>(
        `UNWIND $keys AS key MATCH (:ExternalId {key: key})-[:IDENTIFIES]->(o:Organization)
         RETURN key, o.id AS id`,
        { keys: [...workplaces] },
      )
    ).map((r) => [r.key, r.id]),
  );
  for (let i = 0; i < people.length; i += batchSize) {
    const chunk = people.slice(i, i + batchSize);
    const counts = new CountDeltas();
    await db.writeTx(async (tx) => {
      const rows = chunk.map((p) => ({
        key: p.key,
        ids: [...new Set(p.orgs.map((o) => orgIds.get(o) as string))].sort(),
      }));
      for (const r of rows) for (const id of r.ids) counts.addEmployer(id);
      await tx.run(
        `UNWIND $rows AS row MATCH (:ExternalId {key: row.key})-[:IDENTIFIES]->(p:Person)
         SET p.nowEmployerIds = row.ids`,
        { rows },
      );
      await tx.run(applyCounts, { counts: counts.take() });
    });
  }
  writeMs += performance.now() - started;
  const derivedStarted = performance.now();
  await refreshDerivedGroups(db, 'colleague', [...new Set(orgIds.values())]);
  return { ties, writeMs, derivedMs: performance.now() - derivedStarted };
}
