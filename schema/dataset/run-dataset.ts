/**
 * A dataset import: several node files (people, organisations, places, projects, fields) and edge
 * files (knows, studied at, worked at, located in ...) read by one mapping (schema/dataset/mapping.ts),
 * as one background job. (1) Every file is checked; bad rows are reported with file and line. (2) With
 * no bad rows, or when asked to keep the good ones, nodes are written (places parents first), then
 * edges, in batches; (3) derived ties are refreshed for the organisations whose people changed.
 *
 * Re-importing is idempotent on external ids, so a job interrupted by a restart simply runs again.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Db } from '../../server/db/run.ts';
import { checkpoint, type JobHandle } from '../../server/jobs/job-kinds.ts';
import { refreshDerivedGroups } from '../connections/derived-ties.ts';
import { saveCandidates, scanPeople } from '../duplicates/dedupe-scan.ts';
import { storedProblem } from '../import/stored-problem.ts';
import { PlaceMatcher } from '../place/place-match.ts';
import { type DatasetMapping, datasetMapping, type NodeLabel } from './mapping.ts';
import {
  checkEdgeFile,
  checkNodeFile,
  type EdgeRecord,
  type FileCheck,
  type NodeRecord,
  type Rejection,
} from './read-records.ts';
import { externalKey, idsOf, writeEdges, writeNodes } from './write-dataset.ts';

export interface DatasetJobParams {
  /** The mapping file (JSON). */
  mappingPath: string;
  /** Where the data files are (default: the mapping's folder). */
  dir?: string;
  dryRun?: boolean;
  /** Write the good rows even when some are bad (bad ones are reported either way). */
  keepGoodRows?: boolean;
  batchSize?: number;
  /** After creating people, score them against everyone for the duplicate review queue (default on). */
  scanDuplicates?: boolean;
}

interface FileSummary {
  path: string;
  what: string;
  rows: number;
  skipped: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  matched: number;
  warnings: string[];
}

export interface DatasetSummary {
  dataset: string;
  status: 'done' | 'rejected' | 'checked';
  files: FileSummary[];
  rejected: number;
  /** Same-person candidates put in the duplicate review queue (imported people are never merged silently). */
  proposedDuplicates: number;
  /** The first bad rows, with file and line (all of them are (:ImportRejection)s of the job). */
  rejections: Rejection[];
}

/** Reads and checks a mapping file; throws with each problem's path. */
export async function loadMapping(path: string): Promise<DatasetMapping> {
  const parsed = datasetMapping.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `bad mapping ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Places parents first (a place's parent in the same file is written before it). */
function parentsFirst(records: NodeRecord[]): NodeRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: NodeRecord, seen = 0): number => {
    const known = depth.get(r.id);
    if (known !== undefined) return known;
    const parent = r.parent ? byId.get(r.parent) : undefined;
    const d = parent && seen < 20 ? depthOf(parent, seen + 1) + 1 : 0;
    depth.set(r.id, d);
    return d;
  };
  return [...records].sort((a, b) => depthOf(a) - depthOf(b));
}

async function storeRejections(db: Db, jobId: string, rejections: Rejection[]): Promise<void> {
  for (let i = 0; i < rejections.length; i += 5000) {
    await db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row CREATE (:ImportRejection {jobId: $jobId, file: row.file, line: row.line,
                                                       column: row.column, reason: row.reason, code: row.code,
                                                       params: row.params, name: row.name})`,
        { rows: rejections.slice(i, i + 5000).map(storedProblem), jobId },
      ),
    );
  }
}

export async function runDataset(job: JobHandle<DatasetJobParams>): Promise<DatasetSummary> {
  const { db, params } = job;
  const mapping = await loadMapping(params.mappingPath);
  const dir = params.dir ?? dirname(resolve(params.mappingPath));
  const batchSize = params.batchSize ?? 5000;
  const { dataset } = mapping;
  await db.writeTx((tx) =>
    tx.run('MATCH (r:ImportRejection {jobId: $jobId}) DELETE r', { jobId: job.id }),
  );

  // (1) Check every file.
  const nodeChecks: { file: (typeof mapping.nodes)[number]; check: FileCheck<NodeRecord> }[] = [];
  const known = new Map<NodeLabel, Set<string>>();
  let checked = 0;
  for (const file of mapping.nodes) {
    checkpoint(job.signal);
    const check = await checkNodeFile(dir, file);
    nodeChecks.push({ file, check });
    const ids = known.get(file.label) ?? new Set<string>();
    for (const r of check.records) ids.add(r.id);
    known.set(file.label, ids);
    checked += check.rows;
    job.progress({ phase: 'checking', done: checked });
  }
  // Ends of edges may also be entities an earlier import of the dataset wrote.
  const earlierLabels = [
    ...new Set(mapping.edges.flatMap((e) => [e.from.label, e.to.label])),
  ].filter((l) => !known.has(l));
  for (const label of earlierLabels) {
    const rows = await db.read<{ id: string }>(
      'MATCH (x:ExternalId {dataset: $dataset, label: $label}) RETURN x.externalId AS id',
      { dataset, label },
    );
    known.set(label, new Set(rows.map((r) => r.id)));
  }
  const edgeChecks: { file: (typeof mapping.edges)[number]; check: FileCheck<EdgeRecord> }[] = [];
  for (const file of mapping.edges) {
    checkpoint(job.signal);
    const check = await checkEdgeFile(dir, file, (label, id) => known.get(label)?.has(id) ?? false);
    edgeChecks.push({ file, check });
    checked += check.rows;
    job.progress({ phase: 'checking', done: checked });
  }
  const rejections = [...nodeChecks, ...edgeChecks].flatMap((c) => c.check.rejections);
  await storeRejections(db, job.id, rejections);
  const files: FileSummary[] = [
    ...nodeChecks.map(({ file, check }) => summaryOf(check, file.label)),
    ...edgeChecks.map(({ file, check }) => summaryOf(check, file.type)),
  ];
  const rejectedRows = (c: FileCheck<unknown>) => new Set(c.rejections.map((r) => r.line)).size;
  const summary: DatasetSummary = {
    dataset,
    status: 'checked',
    files,
    rejected: [...nodeChecks, ...edgeChecks].reduce((n, c) => n + rejectedRows(c.check), 0),
    rejections: rejections.slice(0, 100),
    proposedDuplicates: 0,
  };
  if (params.dryRun) return summary;
  if (summary.rejected && !params.keepGoodRows) return { ...summary, status: 'rejected' };

  // (2) Write: places first (others refer to them), parents before children; then the rest; then edges.
  const total = [...nodeChecks, ...edgeChecks].reduce((n, c) => n + c.check.records.length, 0);
  let done = 0;
  const sourceId = `dataset-${job.id}`;
  await db.writeTx((tx) =>
    tx.run(
      `MERGE (s:Source {id: $sourceId})
       ON CREATE SET s.kind = 'import', s.title = $title, s.jobId = $jobId, s.dataset = $dataset,
                     s.createdAt = datetime(), s.createdBy = $actor`,
      { sourceId, title: `dataset ${dataset}`, jobId: job.id, dataset, actor: job.actor },
    ),
  );
  const places = new PlaceMatcher(
    await db.read(
      `MATCH (p:Place) WHERE NOT p.deleted OPTIONAL MATCH (p)-[:PART_OF]->(parent:Place)
       RETURN p.id AS id, p.name AS name, p.latinName AS latinName, p.aliases AS aliases, p.kind AS kind,
              parent.id AS parentId`,
    ),
  );
  const placeIds = new Map<string, string>();
  const learnPlaces = async (externalIds: string[]) => {
    const missing = [...new Set(externalIds)].filter((id) => !placeIds.has(id));
    for (let i = 0; i < missing.length; i += 10_000) {
      const chunk = missing.slice(i, i + 10_000);
      const found = await db.readTx((tx) =>
        idsOf(
          tx,
          chunk.map((id) => externalKey(dataset, 'Place', id)),
        ),
      );
      for (const id of chunk) {
        const hit = found.get(externalKey(dataset, 'Place', id));
        if (hit) placeIds.set(id, hit.id);
      }
    }
  };
  const ordered = [...nodeChecks].sort(
    (a, b) => Number(b.file.label === 'Place') - Number(a.file.label === 'Place'),
  );
  for (const { file, check } of ordered) {
    const summaryRow = files.find((f) => f.path === check.path && f.what === file.label);
    const records = file.label === 'Place' ? parentsFirst(check.records) : check.records;
    await learnPlaces(records.flatMap((r) => [r.place, r.parent].filter((x): x is string => !!x)));
    for (let i = 0; i < records.length; i += batchSize) {
      checkpoint(job.signal);
      const batch = records.slice(i, i + batchSize);
      // A place's parent may be in this very batch: write places one depth level at a time.
      const levels = file.label === 'Place' ? splitByParent(batch, placeIds) : [batch];
      for (const level of levels) {
        await learnPlaces(
          level.flatMap((r) => [r.place, r.parent].filter((x): x is string => !!x)),
        );
        const counts = await db.writeTx((tx) =>
          writeNodes(
            tx,
            file.label,
            level,
            { dataset, actor: job.actor, jobId: job.id, sourceId, file: file.path },
            {
              places,
              placeId: (id) => placeIds.get(id) ?? null,
            },
          ),
        );
        if (file.label === 'Place') await learnPlaces(level.map((r) => r.id));
        add(summaryRow, counts);
        if (counts.rejections.length) {
          await storeRejections(db, job.id, counts.rejections);
          summary.rejected += counts.rejections.length;
          summary.rejections.push(...counts.rejections.slice(0, 100));
        }
      }
      done += batch.length;
      job.progress({ phase: 'writing', done, total });
    }
  }
  const groups = { colleague: new Set<string>(), classmate: new Set<string>() };
  for (const { file, check } of edgeChecks) {
    const summaryRow = files.find((f) => f.path === check.path && f.what === file.type);
    for (let i = 0; i < check.records.length; i += batchSize) {
      checkpoint(job.signal);
      const batch = check.records.slice(i, i + batchSize);
      const counts = await db.writeTx((tx) =>
        writeEdges(tx, file.type, { from: file.from.label, to: file.to.label }, batch, {
          dataset,
          actor: job.actor,
          jobId: job.id,
          sourceId,
          file: file.path,
        }),
      );
      for (const id of counts.groups) {
        (file.type === 'WORKED_AT' ? groups.colleague : groups.classmate).add(id);
      }
      add(summaryRow, counts);
      if (counts.rejections.length) await storeRejections(db, job.id, counts.rejections);
      done += batch.length;
      job.progress({ phase: 'writing', done, total });
    }
  }
  // (3) Derived ties, only where this import changed who worked or studied where.
  job.progress({ phase: 'derived ties', done, total });
  await refreshDerivedGroups(db, 'colleague', [...groups.colleague]);
  await refreshDerivedGroups(db, 'classmate', [...groups.classmate]);
  const newPeople = files.some((f) => f.what === 'Person' && f.created > 0);
  if (newPeople && params.scanDuplicates !== false) {
    job.progress({ phase: 'duplicate scan', done, total });
    summary.proposedDuplicates = await saveCandidates(db, await scanPeople(db));
  }
  job.progress({ phase: 'done', done: total, total });
  return { ...summary, status: 'done' };
}

/** Splits a batch of places so that each part's parents are written (or outside the batch). */
function splitByParent(batch: NodeRecord[], written: Map<string, string>): NodeRecord[][] {
  const inBatch = new Set(batch.map((r) => r.id));
  const levels: NodeRecord[][] = [];
  let rest = batch;
  const done = new Set<string>();
  while (rest.length) {
    const ready = rest.filter(
      (r) => !r.parent || !inBatch.has(r.parent) || done.has(r.parent) || written.has(r.parent),
    );
    const level = ready.length ? ready : rest;
    levels.push(level);
    for (const r of level) done.add(r.id);
    rest = rest.filter((r) => !done.has(r.id));
  }
  return levels;
}

function summaryOf(check: FileCheck<unknown>, what: string): FileSummary {
  return {
    path: check.path,
    what,
    rows: check.rows,
    skipped: check.skipped,
    rejected: new Set(check.rejections.map((r) => r.line)).size,
    created: 0,
    updated: 0,
    unchanged: 0,
    matched: 0,
    warnings: check.warnings,
  };
}

function add(
  row: FileSummary | undefined,
  counts: {
    created: number;
    updated: number;
    unchanged: number;
    matched: number;
    rejections: unknown[];
  },
): void {
  if (!row) return;
  row.created += counts.created;
  row.updated += counts.updated;
  row.unchanged += counts.unchanged;
  row.matched += counts.matched;
  row.rejected += counts.rejections.length;
}
