/** A ready-to-send message for an invitation: the text in the invitee's language and the .ics. */
import type { OutgoingMessage } from './channel.ts';
import { type Delivery, invitationLinks } from './delivery.ts';
import type { InvitationData } from './invitation-data.ts';
import { invitationIcs } from './invitation-ics.ts';
import { renderConfirmation, renderInvitation } from './invitation-message.ts';

export function composeMessage(
  delivery: Delivery,
  data: InvitationData,
  to: string,
  kind: 'invitation' | { confirmation: 'accepted' | 'waitlisted' },
): OutgoingMessage {
  const links = invitationLinks(delivery, data.invitationId);
  const message =
    kind === 'invitation'
      ? renderInvitation(data, links)
      : renderConfirmation(data, links, kind.confirmation);
  return {
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: [
      {
        filename: 'invitation.ics',
        content: invitationIcs(data, links.rsvpUrl),
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      },
    ],
    unsubscribeUrl: links.unsubscribeUrl,
  };
}
