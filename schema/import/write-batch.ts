/**
 * Writes one batch of checked, resolved roster rows in the caller's transaction with a fixed number of
 * UNWIND statements (not one per row). Each row has a Source record keyed by its row key, linked
 * `(:Source)-[:DESCRIBES]->(:Person)`: a row seen before updates that person (only the values that
 * changed since the last import of the row, so later manual edits survive), an identical row changes
 * nothing. Every person created or changed gets one (:Change) naming the import's row source.
 */

import type { Tx } from '../../server/db/run.ts';
import { monotonicUlid } from '../../server/ids.ts';
import { refreshDerivedTies } from '../connections/derived-ties.ts';
import { refreshPeopleFacts } from '../person/current-facts.ts';
import { searchKeys } from '../shared/search-keys.ts';
import type { ContactValue, ParsedRow } from './parse-row.ts';
import type { NewNode, NewNodes } from './resolve-names.ts';

/**
 * Ids for what an import writes. `ulid()` draws fresh randomness for every id (tens of microseconds,
 * several ids per row); the monotonic factory draws it once per millisecond and counts up from there.
 */
const newId = monotonicUlid();

export type ImportTieType = 'WORKED_AT' | 'STUDIED_AT' | 'BORN_IN' | 'LIVES_IN' | 'EXPERT_IN';
const tieTargets: Record<ImportTieType, 'Organization' | 'Place' | 'Field'> = {
  WORKED_AT: 'Organization',
  STUDIED_AT: 'Organization',
  BORN_IN: 'Place',
  LIVES_IN: 'Place',
  EXPERT_IN: 'Field',
};

export interface DesiredTie {
  type: ImportTieType;
  to: string;
  props: Record<string, unknown>;
}

/** A parsed row with its names resolved to node ids. */
export interface ResolvedRow extends ParsedRow {
  ties: DesiredTie[];
}

export type RowAction = 'create' | 'update' | 'unchanged';

export interface BatchMeta {
  actor: string;
  jobId: string;
  /** The import's own Source (for organisations and fields it creates). */
  jobSourceId: string;
  dataset: string;
  /** Recompute colleague/classmate ties per person now (small imports) instead of after the job. */
  refreshDerived: boolean;
}

export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Organisations that gained or lost a worker (colleague) or student (classmate) in this batch. */
  groups: { colleague: Set<string>; classmate: Set<string> };
}

/** Notes the organisation of a WORKED_AT or STUDIED_AT tie as a group whose derived ties changed. */
function touch(groups: BatchResult['groups'], tie: { type: string; to: string }): void {
  if (tie.type === 'WORKED_AT') groups.colleague.add(tie.to);
  if (tie.type === 'STUDIED_AT') groups.classmate.add(tie.to);
}

/** A row imported before, as far as a re-import needs to know whether it changed. */
interface StoredRow {
  hash: string;
  /** The row source describes a person, deleted or not (not: erased, or never written). */
  described: boolean;
}

interface Existing extends StoredRow {
  key: string;
  sourceId: string;
  values: string;
  personId: string | null;
  current: Record<string, unknown> | null;
}

/**
 * A row a re-import leaves alone: the same values as when it was last written (the hash covers every
 * parsed value, so also what the mapping, encoding and preset made of the cells; the dataset is in
 * the row key) and a person it describes. A person staff deleted since stays deleted: only a changed
 * row creates one again (restoreEntity brings the old one back). Staff edits of the person survive.
 * The check pass asks the same in Cypher, a batch at a time (row-lookup.ts).
 */
function isUnchanged(stored: StoredRow | undefined, hash: string): boolean {
  return !!stored && stored.described && stored.hash === hash;
}

const personProps = ['name', 'latinName', 'gender', 'birthYear', 'categories', 'tags'] as const;

export function tieSignature(t: {
  type: string;
  to: string;
  props: Record<string, unknown>;
}): string {
  const props = Object.keys(t.props)
    .sort()
    .filter((k) => t.props[k] !== null && t.props[k] !== undefined)
    .map((k) => `${k}=${JSON.stringify(t.props[k])}`);
  return `${t.type}|${t.to}|${props.join(',')}`;
}

/** The rows' existing sources and the people they describe (one query). */
async function findExisting(tx: Tx, keys: string[]): Promise<Map<string, Existing>> {
  const rows = await tx.run<Existing>(
    `UNWIND $keys AS key MATCH (s:Source {rowKey: key})
     OPTIONAL MATCH (s)-[:DESCRIBES]->(p:Person) WHERE NOT p.deleted
     RETURN key, s.id AS sourceId, s.hash AS hash, s.values AS values, p.id AS personId,
            EXISTS { (s)-[:DESCRIBES]->(:Person) } AS described,
            p {.name, .latinName, .aliases, .generatedAliases, .gender, .birthYear, .categories, .tags} AS current`,
    { keys },
  );
  return new Map(rows.map((r) => [r.key, r]));
}

async function createNamedNodes(
  tx: Tx,
  label: 'Organization' | 'Field',
  nodes: NewNode[],
  meta: BatchMeta,
) {
  if (!nodes.length) return;
  await tx.run(
    `UNWIND $nodes AS row
     CREATE (n:${label} {id: row.id, name: row.name, deleted: false, verified: false,
                         createdAt: datetime(), updatedAt: datetime(), createdBy: $actor, sourceId: $sourceId})
     SET n.type = row.type, n += row.keys
     CREATE (:Change {id: row.changeId, at: datetime(), entityId: row.id, op: 'create', actor: $actor,
                      sourceId: $sourceId, jobId: $jobId, changes: row.changes})`,
    {
      nodes: nodes.map((n) => ({
        ...n,
        type: n.type ?? null,
        keys: searchKeys(label, { name: n.name }),
        changeId: newId(),
        changes: JSON.stringify({ name: [null, n.name], sourceId: [null, meta.jobSourceId] }),
      })),
      actor: meta.actor,
      sourceId: meta.jobSourceId,
      jobId: meta.jobId,
    },
  );
}

/** Places first named by the batch's rows, each under its resolved parent, with their history. */
async function createPlaces(tx: Tx, places: NewNodes['places'], meta: BatchMeta) {
  if (!places.length) return;
  await tx.run(
    `UNWIND $places AS row
     MATCH (parent:Place {id: row.parentId})
     CREATE (p:Place {id: row.id, name: row.name, kind: row.kind,
                      deleted: false, verified: false, createdAt: datetime(), updatedAt: datetime(),
                      createdBy: $actor, sourceId: $sourceId})
     SET p += row.keys
     CREATE (p)-[:PART_OF {id: row.tieId, sourceId: $sourceId, recordedAt: datetime(), recordedBy: $actor,
                           verified: false, deleted: false}]->(parent)
     CREATE (:Change {id: row.changeId, at: datetime(), entityId: row.id, op: 'create', actor: $actor,
                      sourceId: $sourceId, jobId: $jobId, changes: row.changes})`,
    {
      places: places.map((p) => ({
        ...p,
        tieId: newId(),
        changeId: newId(),
        keys: searchKeys('Place', { name: p.name }),
        changes: JSON.stringify({ name: [null, p.name], kind: [null, p.kind] }),
      })),
      actor: meta.actor,
      sourceId: meta.jobSourceId,
      jobId: meta.jobId,
    },
  );
}

function personValues(row: ResolvedRow): Record<string, unknown> {
  return { ...row.person };
}

/** Writes `rows` (all valid, resolved); `newNodes` are the organisations and fields they first name. */
export async function writeBatch(
  tx: Tx,
  rows: ResolvedRow[],
  newNodes: NewNodes,
  meta: BatchMeta,
): Promise<BatchResult> {
  await createPlaces(tx, newNodes.places, meta);
  await createNamedNodes(tx, 'Organization', newNodes.orgs, meta);
  await createNamedNodes(tx, 'Field', newNodes.fields, meta);
  const existing = await findExisting(
    tx,
    rows.map((r) => r.key),
  );

  const result: BatchResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    groups: { colleague: new Set(), classmate: new Set() },
  };
  /** New people whose row was never imported, and those whose row's earlier person was deleted. */
  const fresh: Record<string, unknown>[] = [];
  const repointed: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  const tiesToAdd: {
    row: ResolvedRow;
    personId: string;
    sourceId: string;
    ties: DesiredTie[];
    /** A person created by this batch: nothing to match against. */
    fresh: boolean;
  }[] = [];
  const changedRows: { row: ResolvedRow; personId: string; sourceId: string; before: string }[] =
    [];

  for (const row of rows) {
    const found = existing.get(row.key);
    const values = JSON.stringify({ person: personValues(row), ties: row.ties.map(tieSignature) });
    // The check pass left such rows out (row-lookup.ts): here only if another import wrote it since.
    if (isUnchanged(found, row.hash)) {
      result.unchanged++;
      continue;
    }
    if (found?.personId) {
      changedRows.push({
        row,
        personId: found.personId,
        sourceId: found.sourceId,
        before: found.values,
      });
      continue;
    }
    // New row, or a row whose person was deleted since: a new person, the row source re-pointed.
    const personId = newId();
    const sourceId = found?.sourceId ?? newId();
    const props = { ...row.person, ...searchKeys('Person', row.person) };
    const change = {
      id: newId(),
      entityId: personId,
      op: 'create',
      sourceId,
      changes: JSON.stringify({
        ...Object.fromEntries(personProps.map((p) => [p, [null, row.person[p]]])),
        ties: [null, row.ties.map((t) => `${t.type}:${t.to}`)],
        sourceId: [null, sourceId],
      }),
    };
    const create = {
      personId,
      sourceId,
      props,
      key: row.key,
      hash: row.hash,
      values,
      line: row.line,
    };
    if (found) {
      repointed.push(create);
      changes.push(change);
    } else fresh.push({ ...create, changeId: change.id, changes: change.changes });
    tiesToAdd.push({ row, personId, sourceId, ties: row.ties, fresh: !found });
    for (const t of row.ties) touch(result.groups, t);
    result.created++;
  }

  const personDefaults = `p.deleted = false, p.verified = false, p.consentStatus = 'unknown',
       p.doNotContact = false, p.createdAt = datetime(), p.updatedAt = datetime(),
       p.createdBy = $actor, p.sourceId = row.sourceId`;
  const params = { actor: meta.actor, jobId: meta.jobId, dataset: meta.dataset };
  if (fresh.length) {
    // The common case, in one statement: person, row source, the link between them, the history.
    await tx.run(
      `UNWIND $rows AS row
       CREATE (p:Person) SET p = row.props, p.id = row.personId, ${personDefaults}
       CREATE (s:Source {id: row.sourceId, kind: 'roster', rowKey: row.key, dataset: $dataset,
                         createdAt: datetime(), createdBy: $actor, title: $dataset + ' line ' + toString(row.line),
                         hash: row.hash, values: row.values, line: row.line, jobId: $jobId, updatedAt: datetime()})
       CREATE (s)-[:DESCRIBES]->(p)
       CREATE (:Change {id: row.changeId, at: datetime(), entityId: row.personId, op: 'create', actor: $actor,
                        changes: row.changes, sourceId: row.sourceId, jobId: $jobId})`,
      { rows: fresh, ...params },
    );
  }
  if (repointed.length) {
    await tx.run(
      `UNWIND $rows AS row
       OPTIONAL MATCH (:Source {id: row.sourceId})-[old:DESCRIBES]->()
       DELETE old
       WITH row
       CREATE (p:Person) SET p = row.props, p.id = row.personId, ${personDefaults}
       WITH p, row
       MATCH (s:Source {id: row.sourceId})
       SET s.hash = row.hash, s.values = row.values, s.line = row.line, s.jobId = $jobId, s.updatedAt = datetime()
       CREATE (s)-[:DESCRIBES]->(p)`,
      { rows: repointed, ...params },
    );
  }

  // Changed rows: apply only what differs from the row's previous import, and swap the row's ties.
  if (changedRows.length) {
    const current = new Map([...existing.values()].map((e) => [e.personId, e.current]));
    const oldTies = await tx.run<{
      sourceId: string;
      type: string;
      id: string;
      to: string;
      props: Record<string, unknown>;
    }>(
      `UNWIND $rows AS row MATCH (p:Person {id: row.personId})-[r]->(t)
       WHERE r.sourceId = row.sourceId AND NOT r.deleted
       RETURN row.sourceId AS sourceId, type(r) AS type, r.id AS id, t.id AS to,
              r {.degree, .major, .from, .to, .title, .current} AS props`,
      { rows: changedRows.map((c) => ({ personId: c.personId, sourceId: c.sourceId })) },
    );
    const removes: { type: string; id: string }[] = [];
    for (const c of changedRows) {
      const previous = JSON.parse(c.before ?? '{}') as { person?: Record<string, unknown> };
      const now = personValues(c.row);
      const before = current.get(c.personId) ?? {};
      const patch: Record<string, unknown> = {};
      const diffs: Record<string, [unknown, unknown]> = {};
      for (const p of personProps) {
        if (JSON.stringify(previous.person?.[p] ?? null) !== JSON.stringify(now[p] ?? null)) {
          patch[p] = now[p];
          diffs[p] = [before[p] ?? null, now[p] ?? null];
        }
      }
      if (Object.keys(patch).length) {
        const names = { ...before, ...patch } as { name: string; latinName?: string | null };
        Object.assign(
          patch,
          searchKeys('Person', { ...names, aliases: before.aliases as string[] }, before as never),
        );
      }
      const mine = oldTies.filter((t) => t.sourceId === c.sourceId);
      const wanted = new Map(c.row.ties.map((t) => [tieSignature(t), t]));
      const have = new Set(mine.map((t) => tieSignature(t)));
      const gone = mine.filter((t) => !wanted.has(tieSignature(t)));
      const added = c.row.ties.filter((t) => !have.has(tieSignature(t)));
      removes.push(...gone.map((t) => ({ type: t.type, id: t.id })));
      for (const t of [...gone, ...added]) touch(result.groups, t);
      if (gone.length || added.length) {
        diffs.ties = [gone.map((t) => `${t.type}:${t.to}`), added.map((t) => `${t.type}:${t.to}`)];
      }
      tiesToAdd.push({
        row: c.row,
        personId: c.personId,
        sourceId: c.sourceId,
        ties: added,
        fresh: false,
      });
      updates.push({
        personId: c.personId,
        sourceId: c.sourceId,
        patch,
        hash: c.row.hash,
        line: c.row.line,
        values: JSON.stringify({ person: now, ties: c.row.ties.map(tieSignature) }),
      });
      changes.push({
        id: newId(),
        entityId: c.personId,
        op: 'update',
        sourceId: c.sourceId,
        changes: JSON.stringify(diffs),
      });
      result.updated++;
    }
    await tx.run(
      `UNWIND $rows AS row MATCH (p:Person {id: row.personId}), (s:Source {id: row.sourceId})
       SET p += row.patch, p.updatedAt = datetime(), p.updatedBy = $actor, p.sourceId = coalesce(p.sourceId, row.sourceId),
           s.hash = row.hash, s.values = row.values, s.line = row.line, s.jobId = $jobId, s.updatedAt = datetime()`,
      { rows: updates, actor: meta.actor, jobId: meta.jobId },
    );
    for (const type of Object.keys(tieTargets)) {
      const ids = removes.filter((r) => r.type === type).map((r) => r.id);
      if (!ids.length) continue;
      await tx.run(
        `UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->()
         SET r.deleted = true, r.deletedAt = datetime(), r.deletedBy = $actor`,
        { ids, actor: meta.actor },
      );
    }
  }

  for (const [type, label] of Object.entries(tieTargets) as [ImportTieType, string][]) {
    const ties = tiesToAdd.flatMap((t) =>
      t.ties
        .filter((d) => d.type === type)
        .map((d) => ({
          id: newId(),
          from: t.personId,
          to: d.to,
          props: d.props,
          sourceId: t.sourceId,
        })),
    );
    if (!ties.length) continue;
    await tx.run(
      `UNWIND $ties AS row MATCH (a:Person {id: row.from}), (b:${label} {id: row.to})
       CREATE (a)-[r:${type}]->(b)
       SET r = row.props, r.id = row.id, r.deleted = false, r.recordedAt = datetime(), r.recordedBy = $actor,
           r.sourceId = row.sourceId, r.verified = false`,
      { ties, actor: meta.actor },
    );
  }

  const contacts = tiesToAdd.flatMap((t) =>
    [...new Map(t.row.contacts.map((c: ContactValue) => [`${c.kind}|${c.value}`, c])).values()].map(
      (c) => ({ ...c, id: newId(), personId: t.personId, sourceId: t.sourceId, fresh: t.fresh }),
    ),
  );
  // Contacts are personal data: their own nodes (schema/personal-data), never Person properties.
  // A person this batch created has none yet; others may have the same detail already.
  for (const fresh of [true, false]) {
    const rows = contacts.filter((c) => c.fresh === fresh);
    if (!rows.length) continue;
    await tx.run(
      fresh
        ? `UNWIND $contacts AS row MATCH (p:Person {id: row.personId})
           CREATE (p)-[:HAS_CONTACT]->(:Contact {kind: row.kind, value: row.value, id: row.id,
                                                  createdAt: datetime(), createdBy: $actor, sourceId: row.sourceId})`
        : `UNWIND $contacts AS row MATCH (p:Person {id: row.personId})
           MERGE (p)-[:HAS_CONTACT]->(c:Contact {kind: row.kind, value: row.value})
           ON CREATE SET c.id = row.id, c.createdAt = datetime(), c.createdBy = $actor, c.sourceId = row.sourceId`,
      { contacts: rows, actor: meta.actor },
    );
  }

  if (changes.length) {
    await tx.run(
      `UNWIND $changes AS row
       CREATE (:Change {id: row.id, at: datetime(), entityId: row.entityId, op: row.op, actor: $actor,
                        changes: row.changes, sourceId: row.sourceId, jobId: $jobId})`,
      { changes, actor: meta.actor, jobId: meta.jobId },
    );
  }

  await refreshPeopleFacts(
    tx,
    tiesToAdd.map((t) => t.personId),
  );
  if (meta.refreshDerived) {
    for (const t of tiesToAdd) {
      if (t.row.employer) await refreshDerivedTies(tx, t.personId, 'colleague');
      if (t.row.almaMater) await refreshDerivedTies(tx, t.personId, 'classmate');
    }
  }
  return result;
}
