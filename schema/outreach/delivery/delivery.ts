/**
 * What the server needs to reach invitees, built once at start (server/main.ts) and shared by the
 * GraphQL context, the sending job and the public RSVP pages.
 */
import type { Channel } from './channel.ts';
import { createEmailChannel } from './email-channel.ts';
import { type LinkPurpose, rsvpPathPrefix, signLink, unsubscribePathPrefix } from './links.ts';

export interface Delivery {
  /** The e-mail channel; null when SMTP_URL is not set (e-mail is off). */
  email: Channel | null;
  /** Signs the RSVP and unsubscribe links. */
  linkSecret: Buffer;
  /** Where invitees reach this server, without a trailing slash ('' gives relative links). */
  publicUrl: string;
  /** Messages per minute at most (MAIL_RATE_PER_MINUTE). */
  perMinute: number;
}

export interface DeliveryOptions {
  mail: { smtpUrl: string; from: string; perMinute: number } | null;
  linkSecret: Buffer;
  publicUrl: string;
}

export function createDelivery({ mail, linkSecret, publicUrl }: DeliveryOptions): Delivery {
  return {
    email: mail ? createEmailChannel(mail) : null,
    linkSecret,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    perMinute: mail?.perMinute ?? 60,
  };
}

/** The personal link of an invitation for `purpose`. */
export function invitationLink(delivery: Delivery, purpose: LinkPurpose, invitationId: string) {
  const prefix = purpose === 'rsvp' ? rsvpPathPrefix : unsubscribePathPrefix;
  return `${delivery.publicUrl}${prefix}${signLink(delivery.linkSecret, purpose, invitationId)}`;
}

/** The RSVP and unsubscribe links of an invitation (for the message's merge fields). */
export const invitationLinks = (delivery: Delivery, invitationId: string) => ({
  rsvpUrl: invitationLink(delivery, 'rsvp', invitationId),
  unsubscribeUrl: invitationLink(delivery, 'unsubscribe', invitationId),
});
