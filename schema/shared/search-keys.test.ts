import { describe, expect, it } from 'vitest';
import { type EntityNames, foldText, normalizeQuery, searchKeys } from './search-keys.ts';

const searchText = (names: EntityNames, kind = 'Node') => searchKeys(kind, names).searchText;

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

describe('searchKeys', () => {
  it('splits a Chinese personal name into surname and given name, in both orders', () => {
    const text = searchText({ name: '张晓光' }, 'Person');
    expect(text).toContain('zhang xiaoguang');
    expect(text).toContain('xiaoguang zhang');
    expect(words(text)).toContain('xiaoguangzhang');
    expect(searchText({ name: '欧阳明华' }, 'Person')).toContain('ouyang minghua');
    // not for other kinds: an organisation has no surname
    expect(searchText({ name: '张晓光' })).not.toContain('zhang xiaoguang');
  });

  it('folds tone marks and keeps ü both as v and as u', () => {
    expect(words(searchText({ name: 'Zhāng Wěi' }))).toContain('zhangwei');
    const keys = searchKeys('Person', { name: '吕强' });
    expect(keys.namePinyin).toEqual(expect.arrayContaining(['lvqiang', 'luqiang']));
  });

  it('stores the pinyin and initials of the name and its Chinese aliases', () => {
    const keys = searchKeys('Person', { name: '张伟', aliases: ['張偉', 'David'] });
    expect(keys.namePinyin).toEqual(['zhangwei']);
    expect(keys.nameInitials).toEqual(['zw']);
  });

  it('adds the short forms of a new organisation as generated aliases, initials included', () => {
    const keys = searchKeys('Organization', { name: '华中科技大学', aliases: ['HUST', '华科'] });
    expect(keys.aliases).toEqual(['HUST', '华科', '华中大', '华科大', '华中科大']);
    expect(keys.generatedAliases).toEqual(['华中大', '华科大', '华中科大']);
    expect(keys.nameInitials).toContain('hzkd');
    expect(searchKeys('Organization', { name: '武汉大学' }).aliases).toEqual(['武大']);
    expect(searchKeys('Organization', { name: '北京航空航天大学' }).aliases).toContain('北航');
    expect(searchKeys('Person', { name: '武汉大学' }).aliases).toEqual([]);
  });

  it('lets users remove a generated alias for good, and replaces them on a rename', () => {
    const stored = searchKeys('Organization', { name: '武汉大学' });
    const edited = searchKeys(
      'Organization',
      { name: '武汉大学', aliases: ['WHU'], generatedAliases: stored.generatedAliases },
      { name: '武汉大学', generatedAliases: stored.generatedAliases },
    );
    expect(edited.aliases).toEqual(['WHU']);
    expect(edited.generatedAliases).toEqual([]);
    const kept = searchKeys(
      'Organization',
      { name: '武汉大学', aliases: ['武大', 'WHU'] },
      { name: '武汉大学', generatedAliases: ['武大'] },
    );
    expect(kept.generatedAliases).toEqual(['武大']);
    const renamed = searchKeys(
      'Organization',
      { name: '华中科技大学', aliases: ['武大', 'WHU'] },
      { name: '武汉大学', generatedAliases: ['武大'] },
    );
    expect(renamed.aliases).toEqual(['WHU', '华科', '华中大', '华科大', '华中科大']);
  });
});

describe('foldText', () => {
  it('drops tone marks and diacritics, keeps Chinese', () => {
    expect(foldText('Huázhōng  Kējì')).toBe('huazhong keji');
    expect(foldText('Lǚ 华中')).toBe('lu 华中');
  });
});

describe('normalizeQuery', () => {
  it('folds tone marks and adds a several-word Latin query without spaces', () => {
    expect(normalizeQuery('Zhāng Wěi')).toEqual(['zhang wei', 'zhangwei']);
  });

  it('returns simplified, traditional and pinyin forms of Chinese text', () => {
    expect(normalizeQuery('張偉')).toEqual(['張偉', '张伟', 'zhangwei']);
    expect(normalizeQuery(' 张伟 ')).toEqual(['张伟', '張偉', 'zhangwei']);
  });

  it('lower-cases Latin text and ignores blank queries', () => {
    expect(normalizeQuery('Zhang  Wei')).toEqual(['zhang wei', 'zhangwei']);
    expect(normalizeQuery('   ')).toEqual([]);
  });
});
