import { describe, expect, it } from 'vitest';
import { escapeLucene, toLuceneQuery } from './lucene-query.ts';

describe('toLuceneQuery', () => {
  it('matches Chinese as phrases in both scripts and adds the pinyin', () => {
    expect(toLuceneQuery('張偉')).toMatchInlineSnapshot(
      `""張偉" OR "张伟" OR (+(zhangwei OR zhangwei*))"`,
    );
  });

  it('needs every Latin word, the last one as a prefix', () => {
    expect(toLuceneQuery('Wei Zha')).toMatchInlineSnapshot(`"(+wei +(zha OR zha*))"`);
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
