import { describe, expect, it } from 'vitest';
import { explainMatch } from './match-reasons.ts';

const zhangWei = { name: '张伟', latinName: 'Zhang Wei', aliases: ['David Zhang'] };

describe('explainMatch', () => {
  it('ranks an exact name above everything', () => {
    expect(explainMatch('张伟', zhangWei)).toEqual({ reasons: ['exact_name'], boost: 1000 });
  });
  it('says when the other script form matched', () => {
    expect(explainMatch('張偉', zhangWei).reasons).toEqual(['exact_name', 'traditional_form']);
  });
  it('recognises pinyin, initials, English names in either order and aliases', () => {
    expect(explainMatch('zhangwei', zhangWei).reasons).toContain('pinyin');
    expect(explainMatch('zw', zhangWei).reasons).toEqual(['initials']);
    expect(explainMatch('Wei Zhang', zhangWei).reasons).toContain('latin_name');
    expect(explainMatch('david', zhangWei).reasons).toContain('alias');
  });
  it('falls back to full text when nothing else explains it', () => {
    expect(
      explainMatch('光谷', { name: '东湖高新区', latinName: null, aliases: [] }).reasons,
    ).toEqual(['full_text']);
  });
});
