/**
 * Bulk status changes of invitations (the event page's "set the status of the selected rows"): one
 * write transaction, so either every chosen invitation moves or none does. Each move is the same as
 * setInvitationStatus (invitation-moves.ts: capacity, waitlist, promotion, history), in the order
 * given; a refused move names the row by its place in the list (`path: ["invitations", i]`).
 */
import { z } from 'zod';
import type { Tx } from '../../server/db/run.ts';
import { builder } from '../builder.ts';
import { ConflictError, mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { parseInput } from '../shared/validate.ts';
import { note } from './common.ts';
import { moveInvitation } from './invitation-moves.ts';
import { InvitationStatusEnum } from './invitations.graphql.ts';
import type { InvitationStatus } from './stages.ts';
import { type Viewer, viewerParams, visibleTo } from './visibility.ts';

/** At most this many invitations per call (the event page shows 500). */
const maxAtOnce = 500;

interface StatusesResult {
  changed: number;
  waitlisted: number;
  unchanged: number;
}

const StatusesResultRef = builder.objectRef<StatusesResult>('InvitationStatusesResult').implement({
  description: 'What a bulk status change did.',
  fields: (t) => ({
    changed: t.exposeInt('changed', { description: 'Invitations moved (waitlisted included).' }),
    waitlisted: t.exposeInt('waitlisted', {
      description: 'Of those, accepted on a full event and put on the waitlist instead.',
    }),
    unchanged: t.exposeInt('unchanged', {
      description: 'Already in the status asked for: left as they were.',
    }),
  }),
});

/** The current status of each visible invitation of `ids`, by id (the invisible ones are absent). */
async function readStatuses(tx: Tx, ids: string[], viewer: Viewer) {
  const rows = await tx.run<{ id: string; status: InvitationStatus }>(
    `UNWIND $ids AS id MATCH (:Person)-[r:INVITED_TO {id: id}]->(e:Event)
     WHERE NOT coalesce(r.deleted, false) AND ${visibleTo('e')}
     RETURN r.id AS id, r.status AS status`,
    { ids, ...viewer },
  );
  return new Map(rows.map((r) => [r.id, r.status]));
}

const rules = z.object({ note: note.nullish() });

builder.mutationField('setInvitationStatuses', (t) =>
  t.field({
    type: StatusesResultRef,
    authScopes: { editor: true },
    errors: { types: mutationErrors },
    description:
      'Moves several invitations to one status in one transaction: all of them, or none when one move is refused (the error names it by its place in `invitations`). Those already in that status are left alone. Accepting on a full event waitlists, as setInvitationStatus does.',
    args: {
      invitations: t.arg.idList({ required: true }),
      status: t.arg({ type: InvitationStatusEnum, required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const given = args.invitations.map(String);
      if (given.length === 0 || given.length > maxAtOnce) {
        throw new ValidationError([
          {
            path: ['invitations'],
            code: 'count_range',
            params: { min: 1, max: maxAtOnce },
          },
        ]);
      }
      const ids = given.map((id, i) => idOf(id, ['Invitation'], ['invitations', String(i)]).id);
      const { note: statusNote } = parseInput(rules, { note: args.note }, []);
      return ctx.db.writeTx(async (tx) => {
        const before = await readStatuses(tx, ids, viewerParams(ctx));
        const missing = ids.findIndex((id) => !before.has(id));
        if (missing >= 0) {
          throw new NotFoundError('Invitation', String(given[missing]), [
            'invitations',
            String(missing),
          ]);
        }
        const result: StatusesResult = { changed: 0, waitlisted: 0, unchanged: 0 };
        const done = new Set<string>();
        for (const [i, id] of ids.entries()) {
          if (done.has(id)) continue;
          done.add(id);
          // Read again: an earlier move of this call may have promoted this one from the waitlist.
          const now = (await readStatuses(tx, [id], viewerParams(ctx))).get(id);
          if (now === args.status) {
            result.unchanged += 1;
            continue;
          }
          try {
            const moved = await moveInvitation(tx, {
              id,
              to: args.status,
              actor: ctx.actor,
              note: statusNote,
            });
            result.changed += 1;
            if (moved.to === 'waitlisted' && args.status !== 'waitlisted') result.waitlisted += 1;
          } catch (error) {
            // The same refusal, about this row: the transaction ends and nothing is kept.
            if (!(error instanceof ConflictError)) throw error;
            throw new ConflictError(error.message, ['invitations', String(i)], {
              code: error.reasonCode,
              params: error.params,
            });
          }
        }
        return result;
      });
    },
  }),
);
