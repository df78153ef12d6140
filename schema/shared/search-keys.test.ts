import { describe, expect, it } from 'vitest';
import { normalizeQuery, searchText } from './search-keys.ts';

const words = (text: string): Set<string> => new Set(text.split(' '));

describe('searchText', () => {
  it('gives simplified and traditional spellings the same keys', () => {
    const simplified = words(searchText({ name: '张伟' }));
    const traditional = words(searchText({ name: '張偉' }));
    expect(simplified).toEqual(traditional);
    expect(simplified).toContain('张伟');
    expect(simplified).toContain('張偉');
  });

  it('adds full pinyin, spaced pinyin and initials', () => {
    const text = searchText({ name: '张伟' });
    expect(words(text)).toContain('zhangwei');
    expect(words(text)).toContain('zw');
    expect(text).toContain('zhang wei');
  });

  it('adds both word orders of a Latin name', () => {
    const text = searchText({ name: 'Wei Zhang' });
    expect(text).toContain('wei zhang');
    expect(text).toContain('zhang wei');
    expect(words(text)).toContain('zhangwei');
    expect(words(text)).toContain('weizhang');
  });

  it('includes latinName and aliases, lower-cased', () => {
    const text = searchText({
      name: '华中科技大学',
      latinName: 'Huazhong University of Science and Technology',
      aliases: ['HUST', '华科'],
    });
    expect(text).toContain('huazhong university of science and technology');
    expect(words(text)).toContain('hust');
    expect(words(text)).toContain('華中科技大學');
    expect(words(text)).toContain('huake');
    expect(words(text)).toContain('hzkjdx');
    // long organisation names are not reversed
    expect(text).not.toContain('technology and science');
  });

  it('reads polyphonic surnames both ways', () => {
    const keys = words(searchText({ name: '曾凡' }));
    expect(keys).toContain('zengfan');
    expect(keys).toContain('zf');
  });

  it('de-duplicates and has no empty tokens', () => {
    const text = searchText({ name: '张伟', latinName: 'Zhang Wei', aliases: ['張偉', '', '  '] });
    expect(text).not.toMatch(/ {2}|^ | $/);
    const phrases = text.split(' ');
    expect(phrases.filter((p) => p === '张伟')).toHaveLength(1);
    expect(phrases.filter((p) => p === 'zhangwei')).toHaveLength(1);
  });

  it('normalises full-width characters', () => {
    expect(words(searchText({ name: '中国地质大学（武汉）' }))).toContain('中国地质大学(武汉)');
  });
});

describe('normalizeQuery', () => {
  it('returns simplified, traditional and pinyin forms of Chinese text', () => {
    expect(normalizeQuery('張偉')).toEqual(['張偉', '张伟', 'zhangwei']);
    expect(normalizeQuery(' 张伟 ')).toEqual(['张伟', '張偉', 'zhangwei']);
  });

  it('lower-cases Latin text and ignores blank queries', () => {
    expect(normalizeQuery('Zhang  Wei')).toEqual(['zhang wei']);
    expect(normalizeQuery('   ')).toEqual([]);
  });
});
