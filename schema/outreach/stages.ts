/**
 * The introduction pipeline (引荐) and the invitation lifecycle as transition tables: a move not listed
 * here is refused with a ConflictError. Pure, so the tables are unit-tested on their own.
 */
export const eventKinds = ['special_session', 'forum', 'fair', 'visit', 'online'] as const;
export const eventStatuses = ['planned', 'open', 'held', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Event status moves: planned → open → held; planned or open → cancelled. */
export const eventMoves: Record<EventStatus, readonly EventStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['held', 'cancelled'],
  held: [],
  cancelled: [],
};

export const introductionStages = [
  'proposed',
  'contacted',
  'interested',
  'visited',
  'negotiating',
  'signed',
  'landed',
  'declined',
  'dormant',
] as const;
export type IntroductionStage = (typeof introductionStages)[number];

/** Stages that close the pipeline: nothing moves out of them except `dormant` back to `contacted`. */
const open = (next: IntroductionStage[]): IntroductionStage[] => [...next, 'declined', 'dormant'];

export const stageMoves: Record<IntroductionStage, readonly IntroductionStage[]> = {
  proposed: open(['contacted']),
  contacted: open(['interested']),
  interested: open(['visited', 'negotiating']),
  visited: open(['negotiating']),
  negotiating: open(['signed']),
  signed: open(['landed']),
  landed: [],
  declined: [],
  dormant: ['contacted', 'declined'],
};

/** The forward order of the pipeline, for "reached at least" counts and conversion. */
export const funnelStages = introductionStages.slice(0, 7) as IntroductionStage[];

/**
 * Why `from` → `to` is refused, or null when allowed. `override` (with a note) lets an introduction
 * land without having been signed, from any open stage.
 */
export function stageMoveProblem(
  from: IntroductionStage,
  to: IntroductionStage,
  override: boolean,
): string | null {
  if (stageMoves[from].includes(to)) return null;
  if (to === 'landed' && override && !['landed', 'declined'].includes(from)) return null;
  if (to === 'landed') {
    return `an introduction lands only after 'signed' (it is '${from}'); use override with a note`;
  }
  return `an introduction cannot move from '${from}' to '${to}'`;
}

export const invitationStatuses = [
  'invited',
  'waitlisted',
  'accepted',
  'declined',
  'attended',
  'no_show',
  'cancelled',
] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** Moves a caller may make; `accepted` on a full event becomes `waitlisted` instead. */
export const invitationMoves: Record<InvitationStatus, readonly InvitationStatus[]> = {
  invited: ['accepted', 'declined', 'cancelled'],
  waitlisted: ['declined', 'cancelled'],
  accepted: ['attended', 'no_show', 'declined', 'cancelled'],
  declined: [],
  attended: [],
  no_show: [],
  cancelled: [],
};

/** Statuses that take a seat at the event. */
export const seated: readonly InvitationStatus[] = ['accepted', 'attended'];

export function invitationMoveProblem(from: InvitationStatus, to: InvitationStatus): string | null {
  return invitationMoves[from].includes(to)
    ? null
    : `an invitation cannot move from '${from}' to '${to}'`;
}
