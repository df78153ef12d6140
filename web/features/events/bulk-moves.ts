import { invitationMoves } from '../../../schema/outreach/stages.ts';
import type { InvitationStatus } from './queries.ts';

/**
 * The statuses every one of `statuses` may move to (the lifecycle in stages.ts), in the lifecycle's
 * order: what a bulk change of the selected invitations can offer without a refusal. A selected row
 * already in one of them is fine too (the API leaves it as it is).
 */
export function commonMoves(statuses: readonly InvitationStatus[]): InvitationStatus[] {
  if (statuses.length === 0) return [];
  const kinds = [...new Set(statuses)];
  const offered = new Set(kinds.flatMap((s) => invitationMoves[s]));
  return [...offered].filter((to) =>
    kinds.every((from) => from === to || invitationMoves[from].includes(to)),
  );
}
