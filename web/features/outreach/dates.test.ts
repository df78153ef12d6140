import { describe, expect, it } from 'vitest';
import { fmtEventTime, zonedToIso, zoneOffsetMinutes } from './dates.ts';

describe('event dates', () => {
  it('gives a local time in a zone its offset on that day', () => {
    expect(zonedToIso('2026-06-01T14:00', 'Asia/Shanghai')).toBe('2026-06-01T14:00:00+08:00');
    expect(zonedToIso('2026-01-15T09:30', 'Europe/London')).toBe('2026-01-15T09:30:00+00:00');
    // Summer time in London and New York.
    expect(zonedToIso('2026-07-15T09:30', 'Europe/London')).toBe('2026-07-15T09:30:00+01:00');
    expect(zonedToIso('2026-07-15T18:00', 'America/New_York')).toBe('2026-07-15T18:00:00-04:00');
    expect(zonedToIso('2026-12-15T18:00', 'America/New_York')).toBe('2026-12-15T18:00:00-05:00');
  });

  it('refuses text that is not a local date-time', () => {
    expect(zonedToIso('', 'Asia/Shanghai')).toBeNull();
    expect(zonedToIso('2026-06-01', 'Asia/Shanghai')).toBeNull();
  });

  it('reads offsets east and west of UTC', () => {
    const instant = new Date('2026-06-01T06:00:00Z');
    expect(zoneOffsetMinutes(instant, 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(instant, 'America/Los_Angeles')).toBe(-420);
  });

  it('shows an event time in the event’s own zone', () => {
    const text = fmtEventTime('2026-06-01T14:00:00+08:00', 'Asia/Shanghai', 'en-GB');
    expect(text).toContain('14:00');
    expect(text).toContain('2026');
    expect(fmtEventTime('2026-06-01T06:00:00Z', 'Europe/London', 'en-GB')).toContain('07:00');
    expect(fmtEventTime(null, null, 'en-GB')).toBe('');
  });

  it('names the zone of a time whose event recorded none: the viewer’s own', () => {
    const text = fmtEventTime('2026-06-01T06:00:00Z', null, 'en-GB', 'Asia/Shanghai');
    expect(text).toContain('14:00');
    expect(text).toContain('(GMT+8)');
    expect(fmtEventTime('2026-06-01T06:00:00Z', null, 'zh-CN', 'UTC')).toMatch(
      /06:00 \((UTC|GMT)\)$/,
    );
  });
});
