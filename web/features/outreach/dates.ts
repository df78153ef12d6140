/**
 * Dates and times of outreach records, localised with Intl. An event's time is shown in its own
 * time zone (with the zone's name), and a local date-time typed in a form becomes an ISO string with
 * that zone's offset on that day (daylight saving included).
 */

/** The offset of `timeZone` from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `2026-06-01T14:00` in `Asia/Shanghai` → `2026-06-01T14:00:00+08:00`. Null for text that is not a
 * local date-time.
 */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const wall = Date.UTC(y as number, (mo as number) - 1, d, h, mi);
  // The offset at the wall time read as UTC, then once more at the instant it gives (DST edges).
  let offset = zoneOffsetMinutes(new Date(wall), timeZone);
  offset = zoneOffsetMinutes(new Date(wall - offset * 60_000), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The inverse of zonedToIso: an instant as `2026-06-01T14:00` on the clocks of `timeZone`. */
export function isoToZoned(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const wall = instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000;
  return new Date(wall).toISOString().slice(0, 16);
}

/**
 * An event's start in its own time zone, e.g. "2026年6月1日 14:00 (GMT+8)". An event without a
 * recorded zone is shown in the viewer's own zone, named too: a time is never shown without its zone.
 */
export function fmtEventTime(
  iso: string | null,
  timeZone: string | null,
  locale: string,
  viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = timeZone ?? viewerZone;
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone,
    })
      .format(date)
      .concat(` (${zoneName(date, zone, locale)})`);
  } catch {
    return date.toISOString();
  }
}

function zoneName(
  date: Date,
  timeZone: string,
  locale: string,
  style: 'short' | 'longGeneric' = 'short',
): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A time zone in words for a menu: "中国标准时间 (GMT+8)", not its IANA code. */
export function zoneLabel(timeZone: string, locale: string, now = new Date()): string {
  try {
    const long = zoneName(now, timeZone, locale, 'longGeneric');
    const short = zoneName(now, timeZone, locale);
    return long === short ? long : `${long} (${short})`;
  } catch {
    return timeZone;
  }
}

/** Time zones offered in the event form: where our users hold sessions, then the browser's own. */
export const commonTimeZones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
];
