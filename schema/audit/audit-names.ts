import type { Context } from '../../server/context.ts';
import { loaderFor } from '../shared/loaders.ts';

/**
 * Names for the audit log's ids: who (an account's name) and what (the name of the entity, record,
 * account or team an entry is about), one query per page of entries. An id that names nothing now
 * (erased, or a kind of record without a name) has none.
 */
const namedLabels = [
  'Person',
  'Organization',
  'Place',
  'Field',
  'Project',
  'Event',
  'Segment',
  'PersonList',
  'SavedView',
  'FollowUp',
  'Need',
  'Account',
  'Team',
] as const;

// One branch per label, so each looks its id up by the label's index (labels are never user text).
const branches = namedLabels
  .map((label) => `MATCH (n:${label} {id: id}) RETURN coalesce(n.name, n.title) AS name`)
  .join(' UNION ');
const introduction = `MATCH (i:Introduction {id: id})
  RETURN COLLECT { MATCH (i)-[:TALENT]->(p) RETURN p.name }[0] + ' → ' +
         coalesce(COLLECT { MATCH (i)-[:TARGET]->(t) RETURN coalesce(t.name, t.title) }[0], '?') AS name`;

export function subjectName(ctx: Context, id: string): Promise<string | null> {
  return loaderFor<string | null>(ctx, 'auditSubjectName', async (ids) => {
    const rows = await ctx.db.read<{ id: string; name: string | null }>(
      `UNWIND $ids AS id
       CALL (id) { ${branches} UNION ${introduction} }
       WITH id, name WHERE name IS NOT NULL
       RETURN id, head(collect(name)) AS name`,
      { ids: [...ids] },
    );
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.map((id) => byId.get(id) ?? null);
  }).load(id);
}

/** The name of an actor recorded as `Account:<id>`; null for `system:<job>` and unknown ones. */
export function actorName(ctx: Context, actor: string): Promise<string | null> {
  if (!actor.startsWith('Account:')) return Promise.resolve(null);
  return subjectName(ctx, actor.slice('Account:'.length));
}
