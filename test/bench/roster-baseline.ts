/**
 * The raw-Cypher baseline of the roster import (import-bench.ts): the same file read and checked by
 * the product's own row parser and name resolver, then written with one UNWIND statement per batch
 * that creates exactly what the product's write statements create for a new row (schema/import/
 * write-batch.ts): the Person with its search keys, maintained facts and category labels, its row
 * Source, DESCRIBES, the Change, its Contacts, its ties to places, organisations and fields, and the
 * organisations and fields the batch names first (each with its Change); then the people counts. No
 * row is looked up first (every row is new), nothing is read back. The derived ties of the touched
 * organisations are refreshed by the product's own function (timed apart).
 */
import { monotonicFactory } from 'ulid';
import { type DerivedKind, refreshDerivedGroups } from '../../schema/connections/derived-ties.ts';
import { mapColumns, presets } from '../../schema/import/columns.ts';
import { type ContactValue, parseRow } from '../../schema/import/parse-row.ts';
import { openRoster } from '../../schema/import/read-rows.ts';
import { NameIndex, type NewNode, type NewNodes } from '../../schema/import/resolve-names.ts';
import { resolveRow } from '../../schema/import/run-import.ts';
import { tieSignature } from '../../schema/import/write-batch.ts';
import { searchKeys } from '../../schema/shared/search-keys.ts';
import type { Db } from '../../server/db/run.ts';
import {
  applyCounts,
  CountDeltas,
  categoryLabelsOf,
  newPersonFacts,
  PlaceTree,
} from './people-facts-baseline.ts';

const newId = monotonicFactory();

const personProps = ['name', 'latinName', 'gender', 'birthYear', 'categories', 'tags'] as const;
const tieTargets = {
  WORKED_AT: 'Organization',
  STUDIED_AT: 'Organization',
  BORN_IN: 'Place',
  LIVES_IN: 'Place',
  EXPERT_IN: 'Field',
} as const;

/**
 * Each tie type in a subquery of its own: the person is bound, only the other end is looked up. An
 * expertise also gets the ranking keys the product keeps on live expertise (current-facts.ts).
 */
const tieSubqueries = Object.entries(tieTargets)
  .map(
    ([type, label]) => `CALL (p, row) {
       UNWIND row.ties.${type} AS t MATCH (b:${label} {id: t.to})
       CREATE (p)-[r:${type}]->(b)
       SET r = t.props, r.id = t.id, r.deleted = false, r.recordedAt = datetime(), r.recordedBy = $actor,
           r.sourceId = row.sourceId, r.verified = false${
             type === 'EXPERT_IN'
               ? ',\n           r.liveFieldId = b.id, r.liveLevel = coalesce(r.level, 3)'
               : ''
           }
     }`,
  )
  .join('\n');

const writeRows = `UNWIND $rows AS row
CREATE (p:Person) SET p = row.props, p.id = row.personId, p.deleted = false, p.verified = false,
  p.consentStatus = 'unknown', p.doNotContact = false, p.createdAt = datetime(), p.updatedAt = datetime(),
  p.createdBy = $actor, p.sourceId = row.sourceId
SET p:$(row.labels)
CREATE (s:Source {id: row.sourceId, kind: 'roster', rowKey: row.key, dataset: $dataset,
                  createdAt: datetime(), createdBy: $actor, title: $dataset + ' line ' + toString(row.line),
                  hash: row.hash, values: row.values, line: row.line, jobId: $jobId, updatedAt: datetime()})
CREATE (s)-[:DESCRIBES]->(p)
CREATE (:Change {id: row.changeId, at: datetime(), entityId: row.personId, op: 'create', actor: $actor,
                 changes: row.changes, sourceId: row.sourceId, jobId: $jobId})
FOREACH (c IN row.contacts |
  CREATE (p)-[:HAS_CONTACT]->(:Contact {kind: c.kind, value: c.value, id: c.id, createdAt: datetime(),
                                         createdBy: $actor, sourceId: row.sourceId}))
WITH p, row
${tieSubqueries}`;

const writeNamed = (label: 'Organization' | 'Field') => `UNWIND $nodes AS row
CREATE (n:${label} {id: row.id, name: row.name, deleted: false, verified: false,
                    createdAt: datetime(), updatedAt: datetime(), createdBy: $actor, sourceId: $sourceId})
SET n.type = row.type, n += row.keys
CREATE (:Change {id: row.changeId, at: datetime(), entityId: row.id, op: 'create', actor: $actor,
                 sourceId: $sourceId, jobId: $jobId, changes: row.changes})`;

export interface RosterJob {
  jobId: string;
  jobSourceId: string;
  actor: string;
  dataset: string;
  batchSize: number;
}

export interface BaselineRun {
  rows: number;
  /** Milliseconds inside write transactions (rows, new organisations and fields, counts). */
  writeMs: number;
  /** Milliseconds refreshing the derived ties of the touched organisations (the product's function). */
  derivedMs: number;
}

/** Writes every row of `csv` (all new) the raw way; see the file comment. */
export async function rosterBaseline(db: Db, csv: string, job: RosterJob): Promise<BaselineRun> {
  const preset = presets.alumni;
  const names = await NameIndex.load(db);
  const tree = await PlaceTree.load(db);
  const roster = await openRoster(csv, {});
  const mapping = mapColumns(roster.headers, preset);
  if (mapping.problems.length) throw new Error(mapping.problems.map((p) => p.reason).join('; '));
  const touched: Record<DerivedKind & ('colleague' | 'classmate'), Set<string>> = {
    colleague: new Set(),
    classmate: new Set(),
  };
  const params = { actor: job.actor, jobId: job.jobId, dataset: job.dataset };
  const named = (nodes: NewNode[]) =>
    nodes.map((n) => ({
      ...n,
      type: n.type ?? null,
      changeId: newId(),
      changes: JSON.stringify({ name: [null, n.name], sourceId: [null, job.jobSourceId] }),
    }));
  let rows = 0;
  let writeMs = 0;
  const write = async (batch: Record<string, unknown>[], fresh: NewNodes, counts: CountDeltas) => {
    if (fresh.places.length) throw new Error('the baseline does not write new places');
    const started = performance.now();
    await db.writeTx(async (tx) => {
      for (const [label, nodes] of [
        ['Organization', fresh.orgs],
        ['Field', fresh.fields],
      ] as const) {
        if (!nodes.length) continue;
        await tx.run(writeNamed(label), {
          nodes: named(nodes).map((n) => ({ ...n, keys: searchKeys(label, { name: n.name }) })),
          actor: job.actor,
          sourceId: job.jobSourceId,
          jobId: job.jobId,
        });
      }
      await tx.run(writeRows, { rows: batch, ...params });
      await tx.run(applyCounts, { counts: counts.take() });
    });
    writeMs += performance.now() - started;
    names.commitNew(fresh);
  };

  let writing: Promise<void> = Promise.resolve();
  let batch: Record<string, unknown>[] = [];
  let counts = new CountDeltas();
  const seal = async () => {
    const [rowsOut, countsOut] = [batch, counts];
    batch = [];
    counts = new CountDeltas();
    await writing;
    writing = write(rowsOut, names.takeNew(), countsOut);
    writing.catch(() => {});
  };
  for await (const raw of roster.rows) {
    const parsed = parseRow(raw, mapping.columns, preset, job.dataset);
    if (!parsed.ok) throw new Error(`line ${raw.line}: ${parsed.rejections[0]?.reason}`);
    const row = parsed.row;
    const { ties, problems } = resolveRow(row, names);
    if (problems.length) throw new Error(`line ${row.line}: ${problems[0]?.reason}`);
    const personId = newId();
    const sourceId = newId();
    const withIds = ties.map((t) => ({ ...t, id: newId() }));
    for (const t of ties) {
      if (t.type === 'WORKED_AT') touched.colleague.add(t.to);
      if (t.type === 'STUDIED_AT') touched.classmate.add(t.to);
    }
    const facts = newPersonFacts(tree, ties, row.person.categories);
    counts.add(facts);
    batch.push({
      personId,
      sourceId,
      key: row.key,
      hash: row.hash,
      line: row.line,
      values: JSON.stringify({ person: { ...row.person }, ties: ties.map(tieSignature) }),
      props: { ...row.person, ...searchKeys('Person', row.person), ...facts },
      labels: categoryLabelsOf(facts),
      changeId: newId(),
      changes: JSON.stringify({
        ...Object.fromEntries(personProps.map((p) => [p, [null, row.person[p]]])),
        ties: [null, ties.map((t) => `${t.type}:${t.to}`)],
        sourceId: [null, sourceId],
      }),
      contacts: [
        ...new Map(row.contacts.map((c: ContactValue) => [`${c.kind}|${c.value}`, c])).values(),
      ].map((c) => ({ ...c, id: newId() })),
      ties: Object.fromEntries(
        Object.keys(tieTargets).map((type) => [type, withIds.filter((t) => t.type === type)]),
      ),
    });
    rows++;
    if (batch.length >= job.batchSize) await seal();
  }
  if (batch.length) await seal();
  await writing;
  const derivedStarted = performance.now();
  for (const kind of ['colleague', 'classmate'] as const)
    await refreshDerivedGroups(db, kind, [...touched[kind]]);
  return { rows, writeMs, derivedMs: performance.now() - derivedStarted };
}

/**
 * The re-import floor: every row read and checked as the product does, then its Source looked up by
 * row key and its hash compared (what an idempotent import must at least do), one read per batch.
 * Returns the number of rows whose hash differed (0 for an unchanged file).
 */
export async function rosterReimportBaseline(
  db: Db,
  csv: string,
  job: Pick<RosterJob, 'dataset' | 'batchSize'>,
): Promise<{ rows: number; changed: number }> {
  const preset = presets.alumni;
  const roster = await openRoster(csv, {});
  const mapping = mapColumns(roster.headers, preset);
  let rows = 0;
  let changed = 0;
  let batch: { key: string; hash: string }[] = [];
  const flush = async () => {
    const found = await db.read<{ same: boolean }>(
      'UNWIND $rows AS row MATCH (s:Source {rowKey: row.key}) RETURN s.hash = row.hash AS same',
      { rows: batch },
    );
    changed += batch.length - found.filter((f) => f.same).length;
    batch = [];
  };
  for await (const raw of roster.rows) {
    const parsed = parseRow(raw, mapping.columns, preset, job.dataset);
    if (!parsed.ok) throw new Error(`line ${raw.line}: ${parsed.rejections[0]?.reason}`);
    batch.push({ key: parsed.row.key, hash: parsed.row.hash });
    rows++;
    if (batch.length >= job.batchSize) await flush();
  }
  if (batch.length) await flush();
  return { rows, changed };
}
