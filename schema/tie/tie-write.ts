import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { type DerivedKind, refreshDerivedTies } from '../connections/derived-ties.ts';
import { refreshAfterTieWrite } from '../person/current-facts.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { diff, recordChange } from '../shared/history.ts';
import { parseInput } from '../shared/validate.ts';
import { enumParam } from '../shared/words/words.ts';
import { encodeTieId, type TieProps } from './tie.model.ts';
import { type TieKind, tieKinds } from './tie-kinds.ts';

export interface TieWriteMeta {
  actor: string;
  sourceId: string | null;
  verified?: boolean | null;
  confidence?: number | null;
}

/** The derived-tie kind a tie feeds (colleagues from WORKED_AT …), if any. */
const feedsDerived: Partial<Record<TieKind, DerivedKind>> = {
  WORKED_AT: 'colleague',
  STUDIED_AT: 'classmate',
  MEMBER_OF: 'association',
  LEADS: 'project',
};

/** What a tie write changes besides the tie: derived ties, and the maintained facts of people. */
async function refreshDerived(tx: Tx, kind: TieKind, subjectId: string): Promise<void> {
  const derived = feedsDerived[kind];
  if (derived) await refreshDerivedTies(tx, subjectId, derived);
  await refreshAfterTieWrite(tx, kind, [subjectId]);
}

/** Ties a person can have only one of (a second would be a contradiction, not a second fact). */
const singleValued: ReadonlySet<TieKind> = new Set(['BORN_IN']);

function checkValidTime(props: TieProps, path: string[]): void {
  if (props.from != null && props.to != null && props.to < props.from) {
    throw new ValidationError([
      { path: [...path, 'endYear'], code: 'before_start', message: 'must not be before startYear' },
    ]);
  }
  if (props.current && props.to != null && props.to < new Date().getUTCFullYear()) {
    throw new ValidationError([
      {
        path: [...path, 'current'],
        code: 'current_ended',
        message: 'a current tie cannot have ended in the past',
      },
    ]);
  }
}

/** Validates `props` for `kind`: known properties only, each within its rules. */
export function validateTieProps(
  kind: TieKind,
  props: Record<string, unknown>,
  path: string[],
): TieProps {
  const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
  const parsed = parseInput(tieKinds[kind].props, clean, path) as TieProps;
  checkValidTime(parsed, path);
  return parsed;
}

async function requireLive(tx: Tx, kind: EntityKind, id: string, globalId: string, path: string[]) {
  const rows = await tx.run(`MATCH (n:${kind} {id: $id}) WHERE NOT n.deleted RETURN n.id AS id`, {
    id,
  });
  if (!rows.length) throw new NotFoundError(kind, globalId, path);
}

/**
 * Adds a tie of `kind` from `subject` to `object` (global ids) in `tx`; checks that both ends exist and
 * may be joined by this kind, and that the tie is not a duplicate. Returns the tie's global id.
 */
export async function addTie(
  tx: Tx,
  kind: TieKind,
  subject: string,
  object: string,
  props: TieProps,
  meta: TieWriteMeta,
  path: string[] = ['input'],
): Promise<string> {
  const spec = tieKinds[kind];
  const from = idOf(subject, spec.from, [...path, 'subject']);
  const to = idOf(object, spec.to, [...path, 'object']);
  if (from.id === to.id) {
    throw new ValidationError([
      { path: [...path, 'object'], code: 'same_as_subject', message: 'must differ from subject' },
    ]);
  }
  await requireLive(tx, from.kind, from.id, subject, [...path, 'subject']);
  await requireLive(tx, to.kind, to.id, object, [...path, 'object']);

  const existing = await tx.run<{ same: boolean }>(
    `MATCH (a:${from.kind} {id: $from})-[r:${kind}]-${kind === 'KNOWS' ? '' : '>'}(b)
     WHERE NOT r.deleted AND (b.id = $to OR $single)
     RETURN b.id = $to AND coalesce(r.from, -1) = coalesce($props.from, -1)
            AND coalesce(r.to, -1) = coalesce($props.to, -1) AS same`,
    { from: from.id, to: to.id, single: singleValued.has(kind), props },
  );
  if (singleValued.has(kind) && existing.length) {
    throw new ConflictError(
      `${subject} already has a ${kind} tie; change or remove it first`,
      [...path, 'object'],
      { code: 'tie_single', params: { kind: enumParam('TieKind', kind) } },
    );
  }
  if (existing.some((e) => e.same) || (kind === 'KNOWS' && existing.length)) {
    throw new ConflictError(`this ${kind} tie exists already`, [...path, 'object'], {
      code: 'tie_exists',
      params: { kind: enumParam('TieKind', kind) },
    });
  }

  const id = ulid();
  await tx.run(
    `MATCH (a:${from.kind} {id: $from}), (b:${to.kind} {id: $to})
     CREATE (a)-[r:${kind}]->(b)
     SET r = $props, r.id = $id, r.deleted = false, r.recordedAt = datetime(), r.recordedBy = $actor,
         r.sourceId = $sourceId, r.verified = coalesce($verified, false), r.confidence = $confidence`,
    {
      from: from.id,
      to: to.id,
      props,
      id,
      actor: meta.actor,
      sourceId: meta.sourceId,
      verified: meta.verified ?? null,
      confidence: meta.confidence ?? null,
    },
  );
  await recordChange(tx, {
    entityId: from.id,
    tieId: id,
    tieKind: kind,
    op: 'tie_add',
    actor: meta.actor,
    changes: diff({}, { kind, object: object, ...props, sourceId: meta.sourceId }),
  });
  await refreshDerived(tx, kind, from.id);
  return encodeTieId(kind, id);
}

/** The live tie's stored properties and its subject id, or NotFoundError. */
async function readTie(tx: Tx, kind: TieKind, id: string, globalId: string) {
  const rows = await tx.run<{ props: TieProps; subjectId: string }>(
    `MATCH (a)-[r:${kind} {id: $id}]->(b) WHERE NOT r.deleted
     RETURN r {.*, recordedAt: null, deleted: null, id: null} AS props, a.id AS subjectId`,
    { id },
  );
  if (!rows[0]) throw new NotFoundError('Tie', globalId, ['id']);
  return rows[0];
}

/** Changes a tie's properties (kind-specific values, valid time, provenance) and records it. */
export async function updateTie(
  tx: Tx,
  kind: TieKind,
  id: string,
  globalId: string,
  patch: TieProps,
  meta: TieWriteMeta,
  op: 'tie_update' | 'tie_end' = 'tie_update',
): Promise<void> {
  const { props: before, subjectId } = await readTie(tx, kind, id, globalId);
  const changes: Record<string, unknown> = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  );
  if (meta.sourceId) changes.sourceId = meta.sourceId;
  if (meta.verified != null) changes.verified = meta.verified;
  if (meta.confidence != null) changes.confidence = meta.confidence;
  const after = { ...before, ...changes } as TieProps;
  const own = Object.fromEntries(
    Object.entries(after).filter(([k]) => k in tieKinds[kind].props.shape),
  );
  validateTieProps(kind, own, ['input']);
  await tx.run(
    `MATCH ()-[r:${kind} {id: $id}]->() SET r += $changes, r.updatedAt = datetime(), r.updatedBy = $actor`,
    { id, changes, actor: meta.actor },
  );
  await recordChange(tx, {
    entityId: subjectId,
    tieId: id,
    tieKind: kind,
    op,
    actor: meta.actor,
    changes: diff(before as Record<string, unknown>, after as Record<string, unknown>),
  });
  await refreshDerived(tx, kind, subjectId);
}

/** Soft-removes a tie: it disappears from every query, stays in the store with its history. */
export async function removeTie(
  tx: Tx,
  kind: TieKind,
  id: string,
  globalId: string,
  actor: string,
): Promise<void> {
  const { subjectId } = await readTie(tx, kind, id, globalId);
  await tx.run(
    `MATCH ()-[r:${kind} {id: $id}]->() SET r.deleted = true, r.deletedAt = datetime(), r.deletedBy = $actor`,
    { id, actor },
  );
  await recordChange(tx, {
    entityId: subjectId,
    tieId: id,
    tieKind: kind,
    op: 'tie_remove',
    actor,
    changes: { deleted: [false, true] },
  });
  await refreshDerived(tx, kind, subjectId);
}
