import type { Context } from '../../server/context.ts';

/**
 * Who may see an outreach record (note, interaction, claim, introduction, follow-up, event, segment,
 * list). A record belongs to the team of the account that made it (`teamId`; null when that account
 * has no team). It is visible to:
 * - its own team (team-less records, like the seeded demo records: everyone),
 * - every other team when its team's `outreachVisibility` is 'deployment',
 * - admins.
 * Consultants see only the introductions and follow-ups they made or own (`ownOnly`).
 */
export function visibleTo(r: string, ownOnly = false): string {
  const team = `(${r}.teamId IS NULL OR $viewer.admin OR ${r}.teamId = $viewer.teamId
     OR EXISTS { MATCH (vt:Team {id: ${r}.teamId}) WHERE vt.outreachVisibility = 'deployment' })`;
  if (!ownOnly) return team;
  return `(${team} AND (NOT $viewer.consultant OR ${r}.createdBy = $viewer.actor
     OR ${r}.ownerId = $viewer.accountId))`;
}

/** The `$viewer` parameter `visibleTo` reads. */
export function viewerParams(ctx: Context) {
  return {
    viewer: {
      teamId: ctx.account?.teamId ?? null,
      admin: ctx.role === 'admin',
      consultant: ctx.role === 'consultant',
      actor: ctx.actor,
      accountId: ctx.account?.id ?? null,
    },
  };
}

/** The team a new record made by `ctx` belongs to. */
export const teamOf = (ctx: Context): string | null => ctx.account?.teamId ?? null;
