import type { StageStat } from '../../api/fragments.ts';

/**
 * The outcome report's numbers arranged for charts, and the period presets. Pure: the report view
 * passes labels in, so this is unit-tested without the UI.
 */
export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** The funnel: stages with a "reached" count (the forward pipeline), in order. */
export function funnelBars(stages: StageStat[], labelOf: (stage: string) => string): Bar[] {
  return stages
    .filter((s) => s.reached !== null)
    .map((s) => ({ key: s.stage, label: labelOf(s.stage), value: s.reached ?? 0 }));
}

/** Every stage with how many introductions are in it now. */
export function currentBars(stages: StageStat[], labelOf: (stage: string) => string): Bar[] {
  return stages.map((s) => ({ key: s.stage, label: labelOf(s.stage), value: s.current }));
}

export const presets = ['thisYear', 'last90', 'last12m', 'all'] as const;
export type Preset = (typeof presets)[number];

/** Inclusive dates, YYYY-MM-DD, as the report queries take them. */
export interface Period {
  from: string;
  to: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** From and to (inclusive dates) of a preset period, as of `today`. */
export function presetPeriod(preset: Preset, today: Date): Period {
  const to = day(today);
  if (preset === 'thisYear') return { from: `${today.getUTCFullYear()}-01-01`, to };
  if (preset === 'last90') return { from: day(new Date(today.getTime() - 89 * 86_400_000)), to };
  if (preset === 'last12m') {
    // The day after the same date a year before (28 Feb for 29 Feb): twelve whole months to today.
    const year = today.getUTCFullYear() - 1;
    const month = today.getUTCMonth();
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const from = new Date(Date.UTC(year, month, Math.min(today.getUTCDate(), lastDay) + 1));
    return { from: day(from), to };
  }
  return { from: '2000-01-01', to };
}
