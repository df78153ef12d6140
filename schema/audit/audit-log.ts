import type { Db } from '../../server/db/run.ts';
import type { CursorKey } from '../shared/connection.ts';

/**
 * One line of the audit log. Writes are the (:Change) nodes every mutation records in its own
 * transaction; reads of personal data and erasures are (:AuditEntry) nodes, written in the reading or
 * erasing transaction. Both are append-only: no mutation edits or deletes them (an erasure scrubs
 * values, never the entries).
 */
export interface AuditLine {
  id: string;
  at: string;
  actor: string;
  /** create, update, delete, restore, tie_add … for writes; read_personal_data, erase for the rest. */
  action: string;
  /** Our id of the entity (or account, team) concerned. */
  subjectId: string | null;
  tieId: string | null;
  /** For writes: changed property -> [before, after] (JSON); personal values appear as "[personal data]". */
  changes: string | null;
  /** For reads: which kinds of personal data were read. */
  fields: string[];
  requestId: string | null;
}

export interface AuditFilter {
  actor?: string | null;
  subjectId?: string | null;
  actions?: string[] | null;
  from?: string | null;
  to?: string | null;
}

const changeFilter = `($actor IS NULL OR c.actor = $actor) AND ($subjectId IS NULL OR c.entityId = $subjectId)
    AND ($actions IS NULL OR c.op IN $actions)
    AND ($from IS NULL OR c.at >= datetime($from)) AND ($to IS NULL OR c.at < datetime($to))`;
const entryFilter = `($actor IS NULL OR a.actor = $actor) AND ($subjectId IS NULL OR a.subjectId = $subjectId)
    AND ($actions IS NULL OR a.action IN $actions)
    AND ($from IS NULL OR a.at >= datetime($from)) AND ($to IS NULL OR a.at < datetime($to))`;

// Both kinds of entry in one stream, newest first; the filter is applied inside each branch so the
// indexes on actor, subject and time can be used. Sorted on the date-times, not their strings (which
// drop trailing zeros of the fraction).
const auditQuery = `
CALL () {
  MATCH (c:Change) WHERE ${changeFilter}
  RETURN c.id AS id, c.at AS at, c.actor AS actor, c.op AS action, c.entityId AS subjectId,
         c.tieId AS tieId, c.changes AS changes, [] AS fields, c.requestId AS requestId
  UNION ALL
  MATCH (a:AuditEntry) WHERE ${entryFilter}
  RETURN a.id AS id, a.at AS at, a.actor AS actor, a.action AS action, a.subjectId AS subjectId,
         null AS tieId, a.changes AS changes, coalesce(a.fields, []) AS fields, a.requestId AS requestId
}
WITH * WHERE $after IS NULL OR at < datetime($after[0]) OR (at = datetime($after[0]) AND id < $after[1])
WITH * ORDER BY at DESC, id DESC LIMIT $limit
RETURN id, toString(at) AS at, actor, action, subjectId, tieId, changes, fields, requestId`;

const countQuery = `
CALL () {
  MATCH (c:Change) WHERE ${changeFilter} RETURN count(c) AS n
  UNION ALL
  MATCH (a:AuditEntry) WHERE ${entryFilter} RETURN count(a) AS n
}
RETURN sum(n) AS n`;

const filterParams = (filter: AuditFilter) => ({
  actor: filter.actor ?? null,
  subjectId: filter.subjectId ?? null,
  actions: filter.actions?.length ? filter.actions : null,
  from: filter.from ?? null,
  to: filter.to ?? null,
});

/** How many entries the filter matches (a full pass over them: only when asked for). */
export async function countAuditLog(db: Db, filter: AuditFilter): Promise<number> {
  const rows = await db.read<{ n: number }>(countQuery, filterParams(filter));
  return rows[0]?.n ?? 0;
}

/** A page of the log, newest first, after a keyset cursor ([at, id]). */
export function readAuditLog(
  db: Db,
  filter: AuditFilter,
  limit: number,
  after: CursorKey | null,
): Promise<AuditLine[]> {
  return db.read<AuditLine>(auditQuery, { ...filterParams(filter), after, limit });
}
