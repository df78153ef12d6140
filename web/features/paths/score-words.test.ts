import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../app/i18n.ts';
import { betterIn, describePath, rankReason } from './score-words.ts';

const score = (over: Partial<Record<string, number>> = {}) => ({
  score: 0.3,
  hops: 2,
  strength: 0.5,
  recency: 1,
  verification: 0.85,
  introducerLoad: 0,
  recentInteractions: 0,
  ...over,
});
const consultant = { id: 'c', name: '王顾问', latinName: 'Wang Guwen' };

afterEach(() => {
  lang.value = 'zh';
});

describe('a path score in words', () => {
  it('says what puts a path ahead of the next, and what the next does better', () => {
    const best = { score: score({ strength: 0.9 }), consultants: [consultant] };
    const next = { score: score({ hops: 1 }), consultants: [] };
    lang.value = 'en';
    expect(betterIn(best, next)).toEqual([
      'stronger ties (weakest 0.9 vs 0.5)',
      'more of our consultants on the way (1 vs 0)',
    ]);
    expect(rankReason([best, next], 0)).toBe(
      'Ahead of path 2: stronger ties (weakest 0.9 vs 0.5); more of our consultants on the way (1 vs 0); though path 2 has fewer hops (1 vs 2)',
    );
    expect(rankReason([best, next], 1)).toMatch(/^Path 1 ranks higher: stronger ties/);
    lang.value = 'zh';
    expect(rankReason([best, next], 0)).toMatch(
      /^排在路径 2 之前：关系更紧密（最弱一环 0.9 对 0.5）/,
    );
  });

  it('describes a path: hops, its weakest link in words, our consultants on it', () => {
    const path = { score: score({ strength: 0.9, verification: 1 }), consultants: [consultant] };
    lang.value = 'en';
    expect(describePath(path)).toBe(
      '2 introductions; weakest link: a close tie, recent contact, verified; through our consultant Wang Guwen',
    );
    lang.value = 'zh';
    expect(describePath(path)).toBe(
      '经 2 次引荐；最弱的一环：关系紧密、近期有联系、已核实；经过我方顾问 王顾问',
    );
  });

  it('calls equal paths on a par', () => {
    const a = { score: score(), consultants: [] };
    lang.value = 'en';
    expect(rankReason([a, a], 0)).toBe('On a par with path 2');
  });
});
