import { describe, expect, it } from 'vitest';
import { invitationData } from './invitation-data.fixture.ts';
import type { InvitationData } from './invitation-data.ts';
import { fillTemplate, renderInvitation } from './invitation-message.ts';

const data = (
  person: Partial<InvitationData['person']> = {},
  venue: string | null = '光谷会议中心',
) => invitationData(person, { venue });
const links = {
  rsvpUrl: 'https://tg.example/rsvp/abc.def',
  unsubscribeUrl: 'https://tg.example/unsubscribe/abc.ghi',
};

describe('the invitation message', () => {
  it('writes to a Chinese name in Chinese, with every merge field filled', () => {
    const m = renderInvitation(data(), links);
    expect(m.language).toBe('zh');
    expect(m.subject).toBe('邀请函：武汉校友专场');
    expect(m.text).toContain('尊敬的张伟（教授）：');
    expect(m.text).toContain('武汉市招才局诚挚邀请您参加「武汉校友专场」');
    expect(m.text).toMatch(/时间：2026年6月1日星期一.*14:00.*\(Asia\/Shanghai\)/);
    expect(m.text).toContain('地点：光谷会议中心，武汉市');
    expect(m.text).toContain(links.rsvpUrl);
    expect(m.text).toContain(links.unsubscribeUrl);
    expect(m.text).not.toMatch(/\{\w+\}/);
    expect(m.html).toContain(`<a href="${links.rsvpUrl}">`);
  });

  it('follows the preferred language, with Latin names', () => {
    const m = renderInvitation(data({ preferredLanguage: 'en' }), links);
    expect(m.language).toBe('en');
    expect(m.subject).toBe('Invitation: 武汉校友专场');
    expect(m.text).toContain('Dear Zhang Wei (教授),');
    expect(m.text).toContain('Wuhan Talent Bureau warmly invites you');
    expect(m.text).toMatch(/When: Monday.*1 June 2026.*14:00.*\(Asia\/Shanghai\)/);
    expect(m.text).toContain('Where: 光谷会议中心, Wuhan');
  });

  it('writes English to a Latin name without a preference, and leaves out empty lines', () => {
    const online = data({ name: 'Anna Li', latinName: null, title: null }, null);
    online.event.city = null;
    online.event.cityLatin = null;
    const m = renderInvitation(online, links);
    expect(m.language).toBe('en');
    expect(m.text).toContain('Dear Anna Li,');
    expect(m.text).not.toContain('Where:');
  });

  it('escapes HTML in names', () => {
    const m = renderInvitation(data({ name: '<b>张</b>' }), links);
    expect(m.html).not.toContain('<b>');
  });

  it('keeps unknown fields as written', () => {
    expect(fillTemplate('a {x} {name}', { name: 'N' })).toBe('a {x} N');
  });
});
