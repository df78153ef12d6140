import type { Context } from '../../server/context.ts';
import { rolesWith } from '../builder.ts';

/**
 * Who may see an outreach record (note, interaction, claim, introduction, follow-up, event, segment,
 * list, and the history entries and notifications they cause). Outreach is the work of the outreach
 * roles (admin, staff, consultant): viewers see none of it. A record belongs to the team of the
 * account that made it (`teamId`; null when that account has no team). It is visible to:
 * - its own team (team-less records, like the seeded demo records: every outreach role),
 * - every other team when its team's `outreachVisibility` is 'deployment',
 * - admins.
 * Consultants see only the introductions and follow-ups they made or own (`ownOnly`).
 * Free text in what they see is shown through `outreachText` (contacts redacted for consultants).
 */
export function visibleTo(r: string, ownOnly = false): string {
  const team = `($viewer.outreach AND (${r}.teamId IS NULL OR $viewer.admin OR ${r}.teamId = $viewer.teamId
     OR EXISTS { MATCH (vt:Team {id: ${r}.teamId}) WHERE vt.outreachVisibility = 'deployment' }))`;
  if (!ownOnly) return team;
  return `(${team} AND (NOT $viewer.consultant OR ${r}.createdBy = $viewer.actor
     OR ${r}.ownerId = $viewer.accountId))`;
}

/** The `$viewer` parameter `visibleTo` reads. */
export function viewerParams(ctx: Context) {
  return {
    viewer: {
      teamId: ctx.account?.teamId ?? null,
      outreach: (rolesWith.outreach as readonly string[]).includes(ctx.role),
      admin: ctx.role === 'admin',
      consultant: ctx.role === 'consultant',
      actor: ctx.actor,
      accountId: ctx.account?.id ?? null,
    },
  };
}

/** The viewer parameters, as the `*.cypher.ts` functions that use `visibleTo` take them. */
export type Viewer = ReturnType<typeof viewerParams>;

/** The team a new record made by `ctx` belongs to. */
export const teamOf = (ctx: Context): string | null => ctx.account?.teamId ?? null;
