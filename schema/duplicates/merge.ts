/**
 * Merging two records of one person (or organisation) and undoing it.
 *
 * The kept node receives every relationship of the merged one, of every type and in both directions,
 * with its properties (and so its provenance) unchanged: asserted ties, contacts, consents, the import
 * rows (Sources) that DESCRIBE it, needs, introductions. Ties between the two records cannot become
 * self-ties; they are set aside in the merge record. Derived ties are not moved but recomputed. The
 * merged node is soft-deleted (`mergedInto`), its names become aliases of the kept node, and a
 * `(:Merge)` node lists the element ids of exactly the moved relationships, so `undoMerge` moves those
 * back, restores the set-aside ties and the kept node's previous properties. Outreach records move
 * too (claims, interactions, follow-ups, list memberships, watches), without doubling a list member.
 */
import neo4j from 'neo4j-driver';
import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import {
  type DerivedKind,
  derivedKindNames,
  refreshDerivedTies,
} from '../connections/derived-ties.ts';
import { recordIntroducers } from '../outreach/funnel-facts.ts';
import { peopleTiedTo, refreshPeopleFacts } from '../person/current-facts.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { recordChange } from '../shared/history.ts';
import { searchKeys } from '../shared/search-keys.ts';
import { tieKinds } from '../tie/tie-kinds.ts';

export type MergeKind = 'Person' | 'Organization';

/** Relationship types a merge moves: the tie kinds plus personal data, provenance and workflow links. */
const movableTypes: ReadonlySet<string> = new Set([
  ...Object.keys(tieKinds),
  'PART_OF',
  'SUBFIELD_OF',
  'HAS_CONTACT',
  'GAVE_CONSENT',
  'DESCRIBES',
  'HAS_NEED',
  'NEEDS_FIELD',
  'PREFERS_PLACE',
  'INTRODUCER',
  'TALENT',
  'TARGET',
  'INVITED_TO',
  'HELD_IN',
  'ORGANIZED_BY',
  // Outreach records about a person: claims and interactions (ON), follow-ups and notes (ABOUT),
  // list members and watch snapshots (set-like, see `setLikeTypes`).
  'ON',
  'ABOUT',
  'HAS_MEMBER',
  'SAW',
]);

/**
 * A list has a person once, a watch saw a person once: when the kept node already has such a tie
 * from the same node, the merged node's one is dropped instead of doubled, and undo recreates it.
 */
const setLikeTypes = ['HAS_MEMBER', 'SAW'] as const;
const DERIVED = 'DERIVED_TIE';

/** Properties of the kept node filled from the merged one when the kept node has none. */
const fillable: Record<MergeKind, readonly string[]> = {
  Person: ['latinName', 'birthYear', 'gender', 'title', 'bio', 'level', 'sourceId'],
  Organization: ['latinName', 'type', 'sourceId'],
};

/** Membership tie types whose derived ties depend on an organisation. */
const derivedByTie: Record<string, DerivedKind> = {
  WORKED_AT: 'colleague',
  STUDIED_AT: 'classmate',
  MEMBER_OF: 'association',
  LEADS: 'project',
};

interface MovedTie {
  eid: string;
  type: string;
  dir: 'out' | 'in';
  other: string | null;
}

/** A set-like tie into the merged node that the kept node already had from the same node. */
interface DroppedTie {
  type: (typeof setLikeTypes)[number];
  /** Element id of the node the tie comes from (the list, the watch). */
  from: string;
  props: Record<string, unknown>;
}

interface SetAsideTie {
  type: string;
  /** 'out': merged -> kept; 'in': kept -> merged. */
  dir: 'out' | 'in';
  props: Record<string, unknown>;
}

export interface MergeResult {
  mergeId: string;
  keepId: string;
  mergedId: string;
  moved: number;
  setAside: number;
  aliasesAdded: string[];
}

type NodeRow = { n: Record<string, unknown> };

async function live(tx: Tx, kind: MergeKind, id: string, path: string): Promise<NodeRow['n']> {
  const rows = await tx.run<NodeRow>(
    `MATCH (n:${kind} {id: $id}) WHERE NOT n.deleted RETURN properties(n) AS n`,
    { id },
  );
  if (!rows[0]) throw new NotFoundError(kind, `${kind}:${id}`, [path]);
  return rows[0].n;
}

/** Relationship properties as JSON, keeping date-times (recordedAt) restorable with full precision. */
function propsToJson(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => [
      k,
      neo4j.isDateTime(v as object) ? { $dateTime: { ...(v as object) } } : v,
    ]),
  );
}

function propsFromJson(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => {
      const dt = (v as { $dateTime?: Record<string, number | string | null> } | null)?.$dateTime;
      if (!dt) return [k, v];
      return [
        k,
        new neo4j.DateTime(
          Number(dt.year),
          Number(dt.month),
          Number(dt.day),
          Number(dt.hour),
          Number(dt.minute),
          Number(dt.second),
          Number(dt.nanosecond),
          dt.timeZoneOffsetSeconds == null ? undefined : Number(dt.timeZoneOffsetSeconds),
          (dt.timeZoneId as string | null) ?? undefined,
        ),
      ];
    }),
  );
}

async function refreshPeople(tx: Tx, people: Iterable<[string, DerivedKind]>): Promise<void> {
  for (const [person, kind] of people) await refreshDerivedTies(tx, person, kind);
}

/**
 * The maintained facts a merge (or its undo) changes: of both people and the introductions either
 * made (their introducer moved), or of everyone who studied or worked at either organisation.
 */
async function refreshMergedFacts(tx: Tx, kind: MergeKind, keepId: string, mergedId: string) {
  const people =
    kind === 'Person'
      ? [keepId, mergedId]
      : await peopleTiedTo(tx, [keepId, mergedId], ['WORKED_AT', 'STUDIED_AT']);
  await refreshPeopleFacts(tx, people);
  if (kind !== 'Person') return;
  const [made] = await tx.run<{ ids: string[] }>(
    `MATCH (p:Person)<-[:INTRODUCER]-(i:Introduction) WHERE p.id IN $people
     RETURN collect(DISTINCT i.id) AS ids`,
    { people },
  );
  await recordIntroducers(tx, made?.ids ?? []);
}

/** Moves every relationship of one type and direction from `from` to `to`; returns what moved. */
async function moveType(
  tx: Tx,
  kind: MergeKind,
  fromId: string,
  toId: string,
  type: string,
  dir: 'out' | 'in',
): Promise<MovedTie[]> {
  if (!movableTypes.has(type)) {
    throw new ConflictError(`cannot move ${type} relationships`, [], {
      code: 'merge_tie_type',
      params: { types: type },
    });
  }
  const pattern = dir === 'out' ? `(f)-[r:${type}]->(o)` : `(f)<-[r:${type}]-(o)`;
  const create = dir === 'out' ? `(t)-[n:${type}]->(o)` : `(t)<-[n:${type}]-(o)`;
  const rows = await tx.run<{ eid: string; other: string | null }>(
    `MATCH (f:${kind} {id: $fromId}), (t:${kind} {id: $toId})
     MATCH ${pattern} WHERE o <> t
     WITH t, o, r, properties(r) AS props
     DELETE r
     WITH t, o, props
     CREATE ${create} SET n = props
     RETURN elementId(n) AS eid, o.id AS other`,
    { fromId, toId },
  );
  return rows.map((r) => ({ eid: r.eid, type, dir, other: r.other }));
}

/**
 * Merges `mergedId` into `keepId` in the caller's transaction and records a `(:Merge)`. Refuses (and
 * so changes nothing) when the merged node has a relationship type it does not know how to move.
 */
export async function mergeNodes(
  tx: Tx,
  kind: MergeKind,
  keepId: string,
  mergedId: string,
  meta: { actor: string; auto?: boolean; reason?: string | null },
): Promise<MergeResult> {
  if (keepId === mergedId) {
    throw new ValidationError([
      { path: ['merge'], code: 'merge_self', message: 'cannot merge a record into itself' },
    ]);
  }
  const keep = await live(tx, kind, keepId, 'keep');
  const merged = await live(tx, kind, mergedId, 'merge');

  // Ties between the two would become self-ties: set aside, restored by undo.
  const between = await tx.run<{ type: string; out: boolean; props: Record<string, unknown> }>(
    `MATCH (m:${kind} {id: $mergedId})-[r]-(k:${kind} {id: $keepId})
     RETURN type(r) AS type, startNode(r) = m AS out, properties(r) AS props`,
    { mergedId, keepId },
  );
  const setAside: SetAsideTie[] = between
    .filter((r) => r.type !== DERIVED)
    .map((r) => ({ type: r.type, dir: r.out ? 'out' : 'in', props: propsToJson(r.props) }));
  for (const t of setAside) {
    if (!movableTypes.has(t.type)) {
      throw new ConflictError(`cannot merge: ${t.type} tie`, [], {
        code: 'merge_tie_type',
        params: { types: t.type },
      });
    }
  }
  await tx.run(`MATCH (m:${kind} {id: $mergedId})-[r]-(k:${kind} {id: $keepId}) DELETE r`, {
    mergedId,
    keepId,
  });
  // Derived ties are recomputed, never moved.
  await tx.run(`MATCH (m:${kind} {id: $mergedId})-[d:${DERIVED}]-() DELETE d`, { mergedId });
  if (kind === 'Organization') {
    await tx.run(`MATCH ()-[d:${DERIVED} {viaId: $mergedId}]-() DELETE d`, { mergedId });
  }

  const droppedRows = await tx.run<{ type: string; from: string; props: Record<string, unknown> }>(
    `MATCH (k:${kind} {id: $keepId}), (m:${kind} {id: $mergedId})
     MATCH (m)<-[r:${setLikeTypes.join('|')}]-(o) WHERE EXISTS { (o)-[s]->(k) WHERE type(s) = type(r) }
     WITH r, type(r) AS type, elementId(o) AS from, properties(r) AS props
     DELETE r
     RETURN type, from, props`,
    { keepId, mergedId },
  );
  const dropped = droppedRows.map((r) => ({ ...r, props: propsToJson(r.props) }));
  // Watches of the merged record follow it, unless the account already watches the kept one.
  const watchesMoved = (
    await tx.run<{ id: string }>(
      `MATCH (w:Watch {targetId: $mergedId})
       WHERE NOT EXISTS { MATCH (x:Watch {key: w.accountId + '|' + $keepId}) }
       SET w.targetId = $keepId, w.key = w.accountId + '|' + $keepId
       RETURN w.id AS id`,
      { keepId, mergedId },
    )
  ).map((r) => r.id);

  const types = await tx.run<{ type: string; out: boolean }>(
    `MATCH (m:${kind} {id: $mergedId})-[r]-()
     RETURN DISTINCT type(r) AS type, startNode(r) = m AS out`,
    { mergedId },
  );
  const unknown = types.filter((t) => !movableTypes.has(t.type)).map((t) => t.type);
  if (unknown.length) {
    throw new ConflictError(
      `cannot merge: unknown relationship types ${unknown.join(', ')}`,
      ['merge'],
      { code: 'merge_tie_type', params: { types: unknown.join(', ') } },
    );
  }
  const moved: MovedTie[] = [];
  for (const t of types) {
    moved.push(...(await moveType(tx, kind, mergedId, keepId, t.type, t.out ? 'out' : 'in')));
  }

  // The kept node: the other's names as aliases, empty properties filled.
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  const keepAliases = (keep.aliases as string[] | undefined) ?? [];
  const own = new Set([keep.name, keep.latinName, ...keepAliases].filter(Boolean));
  const aliasesAdded = [
    ...new Set(
      [merged.name, merged.latinName, ...((merged.aliases as string[] | undefined) ?? [])]
        .map(str)
        .filter((v): v is string => v !== null && !own.has(v)),
    ),
  ];
  const patch: Record<string, unknown> = {};
  for (const key of fillable[kind]) {
    const empty = keep[key] == null || (key === 'gender' && keep[key] === 'unknown');
    if (empty && merged[key] != null) patch[key] = merged[key];
  }
  if (aliasesAdded.length) patch.aliases = [...keepAliases, ...aliasesAdded];
  const after = { ...keep, ...patch };
  const generated = [keep.generatedAliases, merged.generatedAliases].flatMap(
    (g) => (g as string[] | undefined) ?? [],
  );
  const keys = searchKeys(
    kind,
    {
      name: String(after.name),
      latinName: (after.latinName as string | null) ?? null,
      aliases: (after.aliases as string[] | undefined) ?? [],
      generatedAliases: generated,
    },
    { name: String(keep.name) },
  );
  Object.assign(patch, keys);
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, keep[k] ?? null]));
  await tx.run(
    `MATCH (k:${kind} {id: $keepId}) SET k += $patch, k.updatedAt = datetime()
     WITH k MATCH (m:${kind} {id: $mergedId})
     SET m.deleted = true, m.mergedInto = $keepId, m.updatedAt = datetime()`,
    { keepId, mergedId, patch },
  );

  if (kind === 'Person') {
    await refreshPeople(
      tx,
      derivedKindNames.map((k) => [keepId, k] as [string, DerivedKind]),
    );
  } else {
    await refreshPeople(tx, membersOf(moved));
  }
  await refreshMergedFacts(tx, kind, keepId, mergedId);

  const mergeId = ulid();
  await tx.run(
    `CREATE (:Merge {id: $mergeId, kind: $kind, keepId: $keepId, mergedId: $mergedId, actor: $actor,
                     at: datetime(), auto: $auto, reason: $reason, moved: $moved, movedCount: $movedCount,
                     setAside: $setAside, dropped: $dropped, watchesMoved: $watchesMoved,
                     keepBefore: $before, undone: false})`,
    {
      mergeId,
      kind,
      keepId,
      mergedId,
      actor: meta.actor,
      auto: meta.auto ?? false,
      reason: meta.reason ?? null,
      moved: JSON.stringify(moved),
      movedCount: moved.length,
      setAside: JSON.stringify(setAside),
      dropped: JSON.stringify(dropped),
      watchesMoved,
      before: JSON.stringify(before),
    },
  );
  await tx.run(
    `MATCH (d:DuplicatePair {key: $key})
     SET d.status = 'merged', d.mergeId = $mergeId, d.decidedBy = $actor, d.decidedAt = datetime()`,
    {
      key: keepId < mergedId ? `${keepId}|${mergedId}` : `${mergedId}|${keepId}`,
      mergeId,
      actor: meta.actor,
    },
  );
  await recordChange(tx, {
    entityId: keepId,
    op: 'merge',
    actor: meta.actor,
    changes: {
      mergedFrom: [null, mergedId],
      mergeId: [null, mergeId],
      movedTies: [null, moved.length],
      ...Object.fromEntries(Object.keys(before).map((k) => [k, [before[k], patch[k]]])),
    },
  });
  await recordChange(tx, {
    entityId: mergedId,
    op: 'merge',
    actor: meta.actor,
    changes: { mergedInto: [null, keepId], mergeId: [null, mergeId], deleted: [false, true] },
  });
  return {
    mergeId,
    keepId,
    mergedId,
    moved: moved.length,
    setAside: setAside.length,
    aliasesAdded,
  };
}

function membersOf(moved: readonly MovedTie[]): Array<[string, DerivedKind]> {
  const out = new Map<string, [string, DerivedKind]>();
  for (const t of moved) {
    const kind = derivedByTie[t.type];
    if (kind && t.dir === 'in' && t.other) out.set(`${t.other}|${kind}`, [t.other, kind]);
  }
  return [...out.values()];
}

export interface UndoResult {
  mergeId: string;
  keepId: string;
  mergedId: string;
  movedBack: number;
  /** Moved ties deleted since the merge (they stay deleted). */
  missing: number;
}

/** Undoes a merge in the caller's transaction: exactly the moved ties go back. */
export async function undoMergeTx(tx: Tx, mergeId: string, actor: string): Promise<UndoResult> {
  const rows = await tx.run<{ m: Record<string, unknown> }>(
    'MATCH (m:Merge {id: $mergeId}) RETURN properties(m) AS m',
    { mergeId },
  );
  const merge = rows[0]?.m;
  if (!merge) throw new NotFoundError('Merge', `Merge:${mergeId}`, ['id']);
  if (merge.undone) {
    throw new ConflictError('this merge was already undone', ['id'], { code: 'merge_undone' });
  }
  const kind = merge.kind as MergeKind;
  const keepId = String(merge.keepId);
  const mergedId = String(merge.mergedId);
  const state = await tx.run<{ keepDeleted: boolean; mergedInto: string | null }>(
    `MATCH (k:${kind} {id: $keepId}), (m:${kind} {id: $mergedId})
     RETURN k.deleted AS keepDeleted, m.mergedInto AS mergedInto`,
    { keepId, mergedId },
  );
  const s = state[0];
  if (!s) throw new NotFoundError(kind, `${kind}:${mergedId}`, ['id']);
  if (s.keepDeleted) {
    throw new ConflictError(
      'the kept record was merged or deleted since; undo that first / 请先撤销其后的合并',
      ['id'],
      { code: 'merge_kept_changed' },
    );
  }
  if (s.mergedInto !== keepId)
    throw new ConflictError('the merged record was changed since', ['id'], {
      code: 'merge_merged_changed',
    });

  const moved = JSON.parse(String(merge.moved)) as MovedTie[];
  const groups = new Map<string, MovedTie[]>();
  for (const t of moved) {
    const key = `${t.type}|${t.dir}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  let movedBack = 0;
  for (const ties of groups.values()) {
    const { type, dir } = ties[0] as MovedTie;
    if (!movableTypes.has(type)) {
      throw new ConflictError(`cannot move ${type} relationships`, [], {
        code: 'merge_tie_type',
        params: { types: type },
      });
    }
    const pattern = dir === 'out' ? `(k)-[r:${type}]->(o)` : `(k)<-[r:${type}]-(o)`;
    const create = dir === 'out' ? `(m)-[n:${type}]->(o)` : `(m)<-[n:${type}]-(o)`;
    const back = await tx.run<{ n: number }>(
      `MATCH (k:${kind} {id: $keepId}), (m:${kind} {id: $mergedId})
       UNWIND $eids AS eid
       MATCH ${pattern} WHERE elementId(r) = eid
       WITH m, o, r, properties(r) AS props
       DELETE r
       WITH m, o, props
       CREATE ${create} SET n = props
       RETURN count(n) AS n`,
      { keepId, mergedId, eids: ties.map((t) => t.eid) },
    );
    movedBack += back[0]?.n ?? 0;
  }
  for (const t of JSON.parse(String(merge.setAside)) as SetAsideTie[]) {
    if (!movableTypes.has(t.type)) continue;
    const create = t.dir === 'out' ? `(m)-[n:${t.type}]->(k)` : `(m)<-[n:${t.type}]-(k)`;
    await tx.run(
      `MATCH (k:${kind} {id: $keepId}), (m:${kind} {id: $mergedId}) CREATE ${create} SET n = $props`,
      { keepId, mergedId, props: propsFromJson(t.props) },
    );
  }
  // Merges recorded before set-like ties and watches were handled have neither list.
  for (const t of JSON.parse(String(merge.dropped ?? '[]')) as DroppedTie[]) {
    if (!setLikeTypes.includes(t.type)) continue;
    await tx.run(
      `MATCH (m:${kind} {id: $mergedId}) MATCH (o) WHERE elementId(o) = $from
       CREATE (o)-[n:${t.type}]->(m) SET n = $props`,
      { mergedId, from: t.from, props: propsFromJson(t.props) },
    );
  }
  await tx.run(
    `MATCH (w:Watch) WHERE w.id IN $ids AND w.targetId = $keepId
     SET w.targetId = $mergedId, w.key = w.accountId + '|' + $mergedId`,
    { ids: (merge.watchesMoved as string[] | null) ?? [], keepId, mergedId },
  );
  const before = JSON.parse(String(merge.keepBefore)) as Record<string, unknown>;
  await tx.run(
    `MATCH (k:${kind} {id: $keepId}) SET k += $before, k.updatedAt = datetime()
     WITH k MATCH (m:${kind} {id: $mergedId})
     SET m.deleted = false, m.updatedAt = datetime() REMOVE m.mergedInto`,
    { keepId, mergedId, before },
  );
  if (kind === 'Person') {
    const pairs: Array<[string, DerivedKind]> = [];
    for (const k of derivedKindNames) pairs.push([keepId, k], [mergedId, k]);
    await refreshPeople(tx, pairs);
  } else {
    await tx.run(`MATCH ()-[d:${DERIVED} {viaId: $keepId}]-() DELETE d`, { keepId });
    const members = await tx.run<{ person: string; type: string }>(
      `MATCH (p:Person)-[r:WORKED_AT|STUDIED_AT|MEMBER_OF]->(o:Organization) WHERE o.id IN [$keepId, $mergedId]
       RETURN DISTINCT p.id AS person, type(r) AS type`,
      { keepId, mergedId },
    );
    await refreshPeople(
      tx,
      members.map((m) => [m.person, derivedByTie[m.type] as DerivedKind]),
    );
  }
  await refreshMergedFacts(tx, kind, keepId, mergedId);
  await tx.run(
    `MATCH (m:Merge {id: $mergeId}) SET m.undone = true, m.undoneAt = datetime(), m.undoneBy = $actor
     WITH m MATCH (d:DuplicatePair {mergeId: $mergeId})
     SET d.status = 'unsure', d.decidedBy = $actor, d.decidedAt = datetime()`,
    { mergeId, actor },
  );
  for (const entityId of [keepId, mergedId]) {
    await recordChange(tx, {
      entityId,
      op: 'undo_merge',
      actor,
      changes: { mergeId: [mergeId, null], movedBack: [null, movedBack] },
    });
  }
  return { mergeId, keepId, mergedId, movedBack, missing: moved.length - movedBack };
}
