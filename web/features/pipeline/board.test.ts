import { describe, expect, it } from 'vitest';
import type { IntroductionCard } from '../../api/fragments.ts';
import { draggedId, otherStages, overrideOffered, replaceCard, toColumns } from './board.ts';

const card = (id: string, stage: IntroductionCard['stage'], stageAt: string): IntroductionCard => ({
  id,
  stage,
  stageAt,
  channel: null,
  note: null,
  ownerName: null,
  introducer: null,
  talent: null,
  target: null,
});

describe('introductions board', () => {
  const cards = [
    card('Introduction:A', 'proposed', '2026-01-01T00:00:00Z'),
    card('Introduction:B', 'signed', '2026-02-01T00:00:00Z'),
    card('Introduction:C', 'proposed', '2026-03-01T00:00:00Z'),
  ];

  it('has one column per stage in pipeline order, newest in stage first', () => {
    const columns = toColumns(cards);
    expect(columns.map((c) => c.stage)).toEqual([
      'proposed',
      'contacted',
      'interested',
      'visited',
      'negotiating',
      'signed',
      'landed',
      'declined',
      'dormant',
    ]);
    expect(columns[0]?.cards.map((c) => c.id)).toEqual(['Introduction:C', 'Introduction:A']);
    expect(columns[5]?.cards.map((c) => c.id)).toEqual(['Introduction:B']);
    expect(columns[1]?.cards).toEqual([]);
  });

  it('puts a moved card in its new column', () => {
    const moved = replaceCard(cards, card('Introduction:A', 'contacted', '2026-04-01T00:00:00Z'));
    const columns = toColumns(moved);
    expect(columns[0]?.cards.map((c) => c.id)).toEqual(['Introduction:C']);
    expect(columns[1]?.cards.map((c) => c.id)).toEqual(['Introduction:A']);
  });

  it('offers the recorded override only for landing without signing', () => {
    expect(overrideOffered('negotiating', 'landed')).toBe(true);
    expect(overrideOffered('proposed', 'landed')).toBe(true);
    // Allowed anyway, or not landing, or closed: no override.
    expect(overrideOffered('signed', 'landed')).toBe(false);
    expect(overrideOffered('proposed', 'signed')).toBe(false);
    expect(overrideOffered('declined', 'landed')).toBe(false);
  });

  it('lists the other stages for the keyboard menu and accepts only our cards as drags', () => {
    expect(otherStages('signed')).not.toContain('signed');
    expect(otherStages('signed')).toHaveLength(8);
    expect(draggedId('Introduction:B', cards)).toBe('Introduction:B');
    expect(draggedId('Introduction:Z', cards)).toBeNull();
    expect(draggedId(undefined, cards)).toBeNull();
  });
});
