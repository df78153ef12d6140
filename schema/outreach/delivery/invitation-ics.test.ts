import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { invitationData } from './invitation-data.fixture.ts';
import type { InvitationData } from './invitation-data.ts';
import { invitationIcs } from './invitation-ics.ts';

const data = (status: InvitationData['event']['status'], sequence: number) =>
  invitationData({ latinName: null }, { status, sequence, cityLatin: null, hostLatin: null });

const parse = (ics: string) => {
  const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return new ICAL.Event(vevent);
};

describe('the calendar file', () => {
  it('parses, with the event in UTC, its place and the RSVP link', () => {
    const event = parse(invitationIcs(data('open', 1), 'https://x/rsvp/t'));
    expect(event.summary).toBe('武汉校友专场');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-06-01T06:00:00.000Z');
    expect(event.location).toBe('光谷会议中心, 武汉市');
    expect(event.description).toContain('https://x/rsvp/t');
    expect(event.uid).toBe('event-e1@talentgraph');
  });

  it('carries a higher sequence after a change, and says when the event is cancelled', () => {
    const before = parse(invitationIcs(data('open', 1), 'u'));
    const after = parse(invitationIcs(data('cancelled', 2), 'u'));
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('says REQUEST for a change and CANCEL for a cancellation', () => {
    const method = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics)).getFirstPropertyValue('method');
    expect(method(invitationIcs(data('open', 1), 'u'))).toBe('PUBLISH');
    expect(method(invitationIcs(data('open', 2), 'u', 'REQUEST'))).toBe('REQUEST');
    expect(method(invitationIcs(data('cancelled', 3), 'u', 'CANCEL'))).toBe('CANCEL');
  });
});
