import { z } from 'zod';
import type { Tx } from '../../server/db/run.ts';
import { NotFoundError } from '../shared/errors.ts';
import { text } from '../shared/rules.ts';

/** Labels outreach code may look up by id: the allow-list for `requireNode`. */
export type OutreachLabel =
  | 'Person'
  | 'Organization'
  | 'Project'
  | 'Place'
  | 'Field'
  | 'Need'
  | 'Event'
  | 'Introduction'
  | 'Segment'
  | 'PersonList'
  | 'FollowUp'
  | 'Claim';

/** Throws NotFoundError unless a live node `label` with `id` exists (and passes `where` on `n`). */
export async function requireNode(
  tx: Tx,
  label: OutreachLabel,
  id: string,
  globalId: string,
  path: string[],
  where = 'true',
  params: Record<string, unknown> = {},
): Promise<void> {
  const rows = await tx.run(
    `MATCH (n:${label} {id: $id}) WHERE NOT coalesce(n.deleted, false) AND ${where} RETURN n.id AS id`,
    { ...params, id },
  );
  if (!rows.length) throw new NotFoundError(label, globalId, path);
}

export const note = text(2000);
export const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });
export const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
