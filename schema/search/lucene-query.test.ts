import { describe, expect, it } from 'vitest';
import { escapeLucene, nearSpellings, toFuzzyLuceneQuery, toLuceneQuery } from './lucene-query.ts';

describe('toLuceneQuery', () => {
  it('matches Chinese as phrases in both scripts and adds the pinyin', () => {
    expect(toLuceneQuery('張偉')).toMatchInlineSnapshot(
      `""張偉" OR "张伟" OR (+(zhangwei OR zhangwei*))"`,
    );
  });

  it('needs every Latin word, the last one as a prefix, or the words run together', () => {
    expect(toLuceneQuery('Wei Zha')).toMatchInlineSnapshot(
      `"(+wei +(zha OR zha*)) OR (+(weizha OR weizha*))"`,
    );
  });

  it('escapes Lucene syntax instead of failing on it', () => {
    expect(escapeLucene('a+b (c) "d" \\ e:f')).toBe('a\\+b \\(c\\) \\"d\\" \\\\ e\\:f');
    expect(toLuceneQuery('AND OR NOT ~*?')).toMatchInlineSnapshot(
      `"(+and +or +not +(\\~\\*\\? OR \\~\\*\\?*))"`,
    );
  });

  it('gives null for blank or syntax-only text', () => {
    expect(toLuceneQuery('   ')).toBeNull();
  });
});

describe('toFuzzyLuceneQuery', () => {
  it('allows 1 edit in words of 4-5 letters and 2 from 6, shorter words exact', () => {
    expect(toFuzzyLuceneQuery('zhao xinrei')).toBe(
      '(+(zao^16 OR zhao~1) +(xingrei*^16 OR xinrei~1^4 OR xinrei~2)) OR ' +
        '(zaoxinrei*^16 OR zaoxingrei*^16 OR zhaoxingrei*^16 OR zhaoxinrei~1^4 OR zhaoxinrei~2)',
    );
    expect(toFuzzyLuceneQuery('Kejì')).toBe('(+keji~1)');
  });
  it('boosts the near spellings of pinyin, the last word as a prefix', () => {
    expect(toFuzzyLuceneQuery('Huazong')).toBe('(+(huazhong*^16 OR huazong~1^4 OR huazong~2))');
  });
});

describe('nearSpellings', () => {
  it('swaps one or two confusable sounds (z/zh, c/ch, s/sh, an/ang, en/eng, in/ing)', () => {
    expect(nearSpellings('huazong')).toEqual(['huazhong']);
    expect(nearSpellings('zhangwei').sort()).toEqual(['zangwei', 'zanwei', 'zhanwei']);
    expect(nearSpellings('chenxin')).toContain('cenxing');
    expect(nearSpellings('liu')).toEqual([]);
  });
  it('keeps at most 16, never the word itself', () => {
    const many = nearSpellings('zhangshanchengsingzin');
    expect(many.length).toBe(16);
    expect(many).not.toContain('zhangshanchengsingzin');
  });
  it('gives null for Chinese or short words only', () => {
    expect(toFuzzyLuceneQuery('张伟')).toBeNull();
    expect(toFuzzyLuceneQuery('zw')).toBeNull();
  });
});
