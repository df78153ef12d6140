import type { StageStat } from '../../api/operations.ts';

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

export type Preset = 'thisYear' | 'last90' | 'all';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** From and to (inclusive dates) of a preset period, as of `today`. */
export function presetPeriod(preset: Preset, today: Date): { from: string; to: string } {
  const to = day(today);
  if (preset === 'thisYear') return { from: `${today.getUTCFullYear()}-01-01`, to };
  if (preset === 'last90') return { from: day(new Date(today.getTime() - 89 * 86_400_000)), to };
  return { from: '2000-01-01', to };
}
