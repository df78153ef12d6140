import { describe, expect, it } from 'vitest';
import { escapeLucene, toFuzzyLuceneQuery, toLuceneQuery } from './lucene-query.ts';

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
      '(+zhao~1 +(xinrei~1^4 OR xinrei~2)) OR (zhaoxinrei~1^4 OR zhaoxinrei~2)',
    );
    expect(toFuzzyLuceneQuery('Huāng')).toBe('(+huang~1)');
  });
  it('gives null for Chinese or short words only', () => {
    expect(toFuzzyLuceneQuery('张伟')).toBeNull();
    expect(toFuzzyLuceneQuery('zw')).toBeNull();
  });
});
