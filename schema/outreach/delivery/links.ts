/**
 * Personal links in invitation e-mails: `/rsvp/<token>` (answer the invitation) and
 * `/unsubscribe/<token>` (stop all e-mail). A token is the invitation id and an HMAC of it, so a link
 * works for that one invitation only and cannot be made up or altered. The RSVP link's expiry is not in
 * the token: it is read from the event when the link is used (`rsvpOpenUntil`), so a moved event keeps
 * its links valid and a resent e-mail carries the same link.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'rsvp' | 'unsubscribe';

export const rsvpPathPrefix = '/rsvp/';
export const unsubscribePathPrefix = '/unsubscribe/';

/** The signing key from a server secret (the Neo4j password, or RSVP_LINK_SECRET). */
export function deriveLinkSecret(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('talentgraph/invitation-links/v1').digest();
}

/** A key for a process that was given none: its links stop working when it stops. */
export const throwawayLinkSecret = (): Buffer => randomBytes(32);

const mac = (secret: Buffer, purpose: LinkPurpose, id: string) =>
  createHmac('sha256', secret).update(`${purpose}:${id}`).digest().subarray(0, 16);

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function signLink(secret: Buffer, purpose: LinkPurpose, invitationId: string): string {
  return `${invitationId}.${mac(secret, purpose, invitationId).toString('base64url')}`;
}

/** The invitation id of a genuine token for `purpose`, or null (malformed, altered, other purpose). */
export function verifyLink(secret: Buffer, purpose: LinkPurpose, token: string): string | null {
  const [id, signature, ...rest] = token.split('.');
  if (!id || !signature || rest.length || !idPattern.test(id)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, purpose, id);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** Events have a start only: an RSVP link works until a day after it (the event is over by then). */
export function rsvpOpenUntil(startsAt: string): Date {
  return new Date(Date.parse(startsAt) + 24 * 3600_000);
}
