import { describe, expect, it } from 'vitest';
import { deriveLinkSecret, rsvpOpenUntil, signLink, verifyLink } from './links.ts';

const secret = deriveLinkSecret('a server secret');
const id = '01JABCDEFGHJKMNPQRSTVWXYZ0000012';

describe('invitation links', () => {
  it('verifies a link it signed, for that invitation and purpose only', () => {
    const token = signLink(secret, 'rsvp', id);
    expect(verifyLink(secret, 'rsvp', token)).toBe(id);
    expect(verifyLink(secret, 'unsubscribe', token)).toBeNull();
    expect(verifyLink(deriveLinkSecret('another secret'), 'rsvp', token)).toBeNull();
  });

  it('refuses an altered id, signature or shape', () => {
    const token = signLink(secret, 'rsvp', id);
    const [, signature] = token.split('.');
    expect(verifyLink(secret, 'rsvp', `${id.slice(0, -1)}3.${signature}`)).toBeNull();
    expect(verifyLink(secret, 'rsvp', `${token.slice(0, -2)}AA`)).toBeNull();
    expect(verifyLink(secret, 'rsvp', `${token}.x`)).toBeNull();
    expect(verifyLink(secret, 'rsvp', id)).toBeNull();
    expect(verifyLink(secret, 'rsvp', `../${token}`)).toBeNull();
  });

  it('keeps an RSVP link open until a day after the event starts', () => {
    expect(rsvpOpenUntil('2026-06-01T14:00:00+08:00').toISOString()).toBe(
      '2026-06-02T06:00:00.000Z',
    );
  });
});
