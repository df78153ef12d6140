/**
 * The write pass of a dataset import, one batch per transaction with a fixed number of UNWIND
 * statements. Nodes are found again by (dataset, label, external id) on an (:ExternalId); a new
 * external id is first matched to an entity already in the graph, so two datasets naming one
 * university give one node:
 * - a place: same kind, same parent, a name in common (schema/place/place-match.ts);
 * - an organisation: same name, type and place; several such, or one of that name and type without
 *   a place to tell them apart, is ambiguous: a row error, never a silent merge;
 * - people are always new (the duplicate scan proposes same-person pairs for review).
 * Every node and tie keeps the job's Source; created and changed nodes get a (:Change). People's kept
 * facts and counts (schema/person/current-facts.ts) are refreshed in the batch's transaction.
 */

import type { Tx } from '../../server/db/run.ts';
import { monotonicUlid } from '../../server/ids.ts';
import { nameKey } from '../import/name-key.ts';
import {
  peopleAtPlaces,
  refreshAfterTieWrite,
  refreshPeopleFacts,
} from '../person/current-facts.ts';
import type { PlaceMatcher } from '../place/place-match.ts';
import { type EntityNames, searchKeys } from '../shared/search-keys.ts';
import { valueHash } from '../shared/value-hash.ts';
import type { EdgeType, NodeLabel } from './mapping.ts';
import type { EdgeRecord, NodeRecord, Rejection } from './read-records.ts';

const newId = monotonicUlid();

export interface WriteMeta {
  dataset: string;
  actor: string;
  jobId: string;
  sourceId: string;
  file: string;
}

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  matched: number;
  rejections: Rejection[];
}

export function externalKey(dataset: string, label: NodeLabel, id: string): string {
  return `${dataset}|${label}|${id}`;
}

/** Our ids of the entities the dataset's external ids name (those already written). */
export async function idsOf(
  tx: Tx,
  keys: readonly string[],
): Promise<Map<string, { id: string; hash: string | null }>> {
  const rows = await tx.run<{ key: string; id: string; hash: string | null }>(
    `UNWIND $keys AS key MATCH (x:ExternalId {key: key})-[:IDENTIFIES]->(n) WHERE NOT n.deleted
     RETURN key, n.id AS id, x.hash AS hash`,
    { keys },
  );
  return new Map(rows.map((r) => [r.key, { id: r.id, hash: r.hash }]));
}

/** Organisations already in the graph with one of these names and types, with their place. */
async function organizationsNamed(tx: Tx, names: string[]) {
  const rows = await tx.run<{ id: string; name: string; type: string; placeId: string | null }>(
    `UNWIND $names AS name MATCH (o:Organization {name: name}) WHERE NOT o.deleted
     OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place)
     RETURN o.id AS id, o.name AS name, o.type AS type, p.id AS placeId`,
    { names },
  );
  const byName = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${nameKey(row.name)}|${row.type}`;
    byName.set(key, [...(byName.get(key) ?? []), row]);
  }
  return byName;
}

/**
 * Writes one batch of node records of `label`. `places` matches new places to existing ones and
 * learns the places written here; `refs` gives our id of a referenced place (already written).
 */
export async function writeNodes(
  tx: Tx,
  label: NodeLabel,
  records: NodeRecord[],
  meta: WriteMeta,
  context: { places: PlaceMatcher; placeId: (externalId: string) => string | null },
): Promise<BatchCounts> {
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0, matched: 0, rejections: [] };
  const keyOf = (r: NodeRecord) => externalKey(meta.dataset, label, r.id);
  const existing = await idsOf(tx, records.map(keyOf));
  const orgs =
    label === 'Organization'
      ? await organizationsNamed(
          tx,
          records.filter((r) => !existing.has(keyOf(r))).map((r) => String(r.props.name)),
        )
      : null;
  const creates: Record<string, unknown>[] = [];
  const adopts: Record<string, unknown>[] = [];
  const updates: { id: string; props: Record<string, unknown>; [k: string]: unknown }[] = [];
  const links: { from: string; to: string; type: 'LOCATED_IN' | 'PART_OF' }[] = [];
  for (const record of records) {
    const key = keyOf(record);
    const hash = valueHash([record.props, record.place, record.parent]);
    const refId = record.place ?? record.parent;
    const placeId = refId ? context.placeId(refId) : null;
    const found = existing.get(key);
    if (found) {
      if (found.hash === hash) counts.unchanged++;
      else {
        counts.updated++;
        updates.push({ id: found.id, key, hash, props: record.props, changeId: newId() });
      }
      continue;
    }
    let match: string | null = null;
    if (label === 'Place') {
      match = context.places.find(
        {
          name: String(record.props.name),
          latinName: record.props.latinName as string | null,
          kind: String(record.props.kind),
        },
        placeId,
      );
    } else if (orgs) {
      const same = orgs.get(`${nameKey(String(record.props.name))}|${record.props.type}`) ?? [];
      const here = same.filter((o) => o.placeId === placeId);
      if (here.length > 1 || (same.length && !placeId && here.length !== 1)) {
        counts.rejections.push({
          file: meta.file,
          line: record.line,
          column: 'name',
          reason: `name: ${same.length} organisations are named "${record.props.name}"; give the place (or an external id) to tell them apart / 同名机构，请补充所在地`,
          code: 'same_name_orgs',
          params: { count: same.length, name: String(record.props.name) },
          name: String(record.props.name),
        });
        continue;
      }
      match = here[0]?.id ?? null;
    }
    if (match) {
      counts.matched++;
      adopts.push({ id: match, key, hash, externalId: record.id });
      continue;
    }
    const id = newId();
    counts.created++;
    creates.push({
      id,
      key,
      hash,
      externalId: record.id,
      props: { ...record.props, ...searchKeys(label, record.props as unknown as EntityNames) },
      changeId: newId(),
      changes: JSON.stringify(
        Object.fromEntries(Object.entries(record.props).map(([k, v]) => [k, [null, v]])),
      ),
    });
    if (label === 'Place') {
      context.places.add({
        id,
        name: String(record.props.name),
        latinName: record.props.latinName as string | null,
        kind: String(record.props.kind),
        parentId: placeId,
      });
    }
    if (placeId)
      links.push({ from: id, to: placeId, type: label === 'Place' ? 'PART_OF' : 'LOCATED_IN' });
  }
  const params = {
    actor: meta.actor,
    sourceId: meta.sourceId,
    jobId: meta.jobId,
    dataset: meta.dataset,
    label,
  };
  if (creates.length) {
    const defaults =
      label === 'Person'
        ? `, n.consentStatus = 'unknown', n.doNotContact = false, n.gender = coalesce(n.gender, 'unknown')`
        : '';
    await tx.run(
      `UNWIND $rows AS row
       CREATE (n:${label}) SET n = row.props, n.id = row.id, n.deleted = false,
         n.verified = false, n.createdAt = datetime(), n.updatedAt = datetime(), n.createdBy = $actor,
         n.sourceId = $sourceId ${defaults}
       CREATE (:ExternalId {key: row.key, dataset: $dataset, label: $label, externalId: row.externalId,
                            hash: row.hash, jobId: $jobId})-[:IDENTIFIES]->(n)
       CREATE (:Change {id: row.changeId, at: datetime(), entityId: row.id, op: 'create', actor: $actor,
                        changes: row.changes, sourceId: $sourceId, jobId: $jobId})`,
      { rows: creates, ...params },
    );
  }
  if (adopts.length) {
    await tx.run(
      `UNWIND $rows AS row MATCH (n:${label} {id: row.id})
       CREATE (:ExternalId {key: row.key, dataset: $dataset, label: $label, externalId: row.externalId,
                            hash: row.hash, jobId: $jobId})-[:IDENTIFIES]->(n)`,
      { rows: adopts, ...params },
    );
  }
  if (updates.length) {
    await withSearchKeys(tx, label, updates);
    await tx.run(
      `UNWIND $rows AS row MATCH (x:ExternalId {key: row.key})-[:IDENTIFIES]->(n:${label} {id: row.id})
       SET n += row.props, n.updatedAt = datetime(), n.updatedBy = $actor, n.sourceId = $sourceId,
           x.hash = row.hash, x.jobId = $jobId
       CREATE (:Change {id: row.changeId, at: datetime(), entityId: row.id, op: 'update', actor: $actor,
                        changes: '{}', sourceId: $sourceId, jobId: $jobId})`,
      { rows: updates, ...params },
    );
  }
  for (const type of ['LOCATED_IN', 'PART_OF'] as const) {
    const rows = links.filter((l) => l.type === type).map((l) => ({ ...l, id: newId() }));
    if (!rows.length) continue;
    await tx.run(
      `UNWIND $rows AS row MATCH (a:${label} {id: row.from}) MATCH (b:Place {id: row.to})
       CREATE (a)-[:${type} {id: row.id, sourceId: $sourceId, recordedAt: datetime(), recordedBy: $actor,
                             verified: false, deleted: false}]->(b)`,
      { rows, ...params },
    );
  }
  // New or changed people (categories, level); a changed place may have changed kind (city or not).
  const written = [...creates, ...updates].map((r) => String(r.id));
  if (label === 'Person') await refreshPeopleFacts(tx, written);
  if (label === 'Place' && updates.length) {
    await refreshPeopleFacts(
      tx,
      await peopleAtPlaces(
        tx,
        updates.map((r) => String(r.id)),
      ),
    );
  }
  return counts;
}

/**
 * Adds to each update's props the search keys of the names it leaves (schema/shared/search-keys.ts):
 * the stored aliases are kept (users may have edited them), and a renamed organisation's short forms
 * are renewed, as an edit in the app would do.
 */
async function withSearchKeys(
  tx: Tx,
  label: NodeLabel,
  updates: { id: string; props: Record<string, unknown> }[],
): Promise<void> {
  const stored = await tx.run<{ id: string; names: EntityNames }>(
    `UNWIND $ids AS id MATCH (n:${label} {id: id})
     RETURN n.id AS id, n {.name, .latinName, .aliases, .generatedAliases} AS names`,
    { ids: updates.map((u) => u.id) },
  );
  const before = new Map(stored.map((r) => [r.id, r.names]));
  for (const u of updates) {
    const was = before.get(u.id);
    const names = { ...was, ...u.props } as unknown as EntityNames;
    u.props = { ...u.props, ...searchKeys(label, names, was) };
  }
}

/**
 * Writes one batch of ties of `type` between nodes named by external ids. A tie is keyed by the
 * dataset, the file and its two ends, so a re-import updates it instead of adding a second one.
 */
export async function writeEdges(
  tx: Tx,
  type: EdgeType,
  ends: { from: NodeLabel; to: NodeLabel },
  records: EdgeRecord[],
  meta: WriteMeta,
): Promise<BatchCounts & { groups: Set<string> }> {
  const rows = records.map((r) => ({
    key: `${meta.dataset}|${meta.file}|${r.from}|${r.to}`,
    from: externalKey(meta.dataset, ends.from, r.from),
    to: externalKey(meta.dataset, ends.to, r.to),
    props: r.props,
    id: newId(),
    line: r.line,
  }));
  const written = await tx.run<{
    line: number;
    created: boolean;
    changed: boolean;
    from: string;
    to: string;
  }>(
    `UNWIND $rows AS row
     MATCH (:ExternalId {key: row.from})-[:IDENTIFIES]->(a:${ends.from})
     MATCH (:ExternalId {key: row.to})-[:IDENTIFIES]->(b:${ends.to})
     OPTIONAL MATCH (a)-[old:${type} {importKey: row.key}]->(b)
     MERGE (a)-[r:${type} {importKey: row.key}]->(b)
     ON CREATE SET r += row.props, r.id = row.id, r.deleted = false, r.recordedAt = datetime(),
                   r.recordedBy = $actor, r.sourceId = $sourceId, r.verified = false
     WITH row, r, a, b, old,
          old IS NOT NULL AND any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k]) AS changed
     SET r += row.props
     RETURN row.line AS line, old IS NULL AS created, changed, a.id AS from, b.id AS to`,
    { rows, actor: meta.actor, sourceId: meta.sourceId },
  );
  const counts = {
    created: 0,
    updated: 0,
    unchanged: 0,
    matched: 0,
    rejections: [] as Rejection[],
    groups: new Set<string>(),
  };
  for (const w of written) {
    if (w.created) counts.created++;
    else if (w.changed) counts.updated++;
    else counts.unchanged++;
    if ((w.created || w.changed) && (type === 'WORKED_AT' || type === 'STUDIED_AT'))
      counts.groups.add(w.to);
  }
  await refreshAfterTieWrite(
    tx,
    type,
    written.filter((w) => w.created || w.changed).map((w) => w.from),
  );
  const done = new Set(written.map((w) => w.line));
  for (const r of records) {
    if (!done.has(r.line)) {
      counts.rejections.push({
        file: meta.file,
        line: r.line,
        column: null,
        reason: `an end is not in the graph (${ends.from} "${r.from}" or ${ends.to} "${r.to}")`,
        code: 'end_not_in_graph',
        name: null,
      });
    }
  }
  return counts;
}
