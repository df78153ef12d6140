/** A ready-to-send message for an invitation: the text in the invitee's language and the .ics. */
import type { OutgoingMessage } from './channel.ts';
import { type Delivery, invitationLinks } from './delivery.ts';
import type { EventFacts } from './event-change.ts';
import { renderChangeNotice } from './event-change-message.ts';
import type { InvitationData } from './invitation-data.ts';
import { type IcsMethod, invitationIcs } from './invitation-ics.ts';
import { renderConfirmation, renderInvitation } from './invitation-message.ts';

/** What is being sent: the invitation, a confirmation, or a notice of a change (with the facts before it). */
export type MessageKind =
  | 'invitation'
  | { confirmation: 'accepted' | 'waitlisted' }
  | { change: EventFacts | null };

export function composeMessage(
  delivery: Delivery,
  data: InvitationData,
  to: string,
  kind: MessageKind,
): OutgoingMessage {
  const links = invitationLinks(delivery, data.invitationId);
  const message =
    kind === 'invitation'
      ? renderInvitation(data, links)
      : 'change' in kind
        ? renderChangeNotice(data, links, kind.change)
        : renderConfirmation(data, links, kind.confirmation);
  // A change updates (REQUEST) or removes (CANCEL) the entry a calendar already has.
  const method: IcsMethod =
    kind === 'invitation' || !('change' in kind)
      ? 'PUBLISH'
      : data.event.status === 'cancelled'
        ? 'CANCEL'
        : 'REQUEST';
  return {
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: [
      {
        filename: 'invitation.ics',
        content: invitationIcs(data, links.rsvpUrl, method),
        contentType: `text/calendar; charset=utf-8; method=${method}`,
      },
    ],
    unsubscribeUrl: links.unsubscribeUrl,
  };
}
