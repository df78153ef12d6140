/** A career as bars over the years: where each study or position starts and ends on one axis. */

export interface Spell {
  id: string;
  startYear: number | null;
  endYear: number | null;
  current: boolean | null;
}

interface Bar {
  id: string;
  /** Percent of the axis from the left, and width in percent (at least a sliver). */
  left: number;
  width: number;
  /** No start or end year given: drawn as far as is known, faded. */
  open: boolean;
}

export interface Axis {
  from: number;
  to: number;
  ticks: { year: number; at: number }[];
  bars: Bar[];
}

/** Null when no spell has a year: then the list says it all. */
export function careerAxis(spells: readonly Spell[], thisYear: number): Axis | null {
  const years = spells.flatMap((s) => [s.startYear, s.endYear]).filter((y) => y !== null);
  if (!years.length) return null;
  const ongoing = spells.some((s) => s.current || (s.startYear !== null && s.endYear === null));
  const from = Math.floor(Math.min(...years) / 5) * 5;
  const to = Math.max(Math.max(...years), ongoing ? thisYear : 0, from + 5);
  const span = to - from;
  const at = (year: number) => ((year - from) / span) * 100;
  const step = span > 40 ? 10 : 5;
  const ticks: Axis['ticks'] = [];
  for (let year = Math.ceil(from / step) * step; year <= to; year += step)
    ticks.push({ year, at: at(year) });
  const bars = spells.flatMap((s) => {
    const start = s.startYear ?? s.endYear;
    if (start === null) return [];
    const end = s.endYear ?? (s.current || s.startYear !== null ? to : start);
    const left = at(start);
    return [
      {
        id: s.id,
        left,
        width: Math.max(at(end) - left, 1.5),
        open: s.startYear === null || (s.endYear === null && !s.current),
      },
    ];
  });
  return { from, to, ticks, bars };
}
