import { describe, expect, it } from 'vitest';
import {
  blockPairs,
  normalizeContact,
  type PersonFeatures,
  personNameKeys,
  proposeThreshold,
  scoreOf,
  scorePeople,
} from './dedupe-score.ts';
import { personFeatures } from './person-features.fixture.ts';

const person = personFeatures;

function score(a: Partial<PersonFeatures>, b: Partial<PersonFeatures>) {
  const pa = person(a);
  const pb = person(b);
  const reasons = scorePeople(pa, personNameKeys(pa), pb, personNameKeys(pb));
  return { reasons: reasons.map((r) => r.code), score: scoreOf(reasons) };
}

describe('name keys', () => {
  it('reduce every spelling of one name to a shared pinyin key', () => {
    for (const name of ['张伟', '張偉', 'Zhang Wei', 'Wei Zhang', 'ZHANGWEI', 'zhang-wei']) {
      expect(personNameKeys({ name }).full.has('zhangwei'), name).toBe(true);
    }
    expect(personNameKeys({ name: '欧阳明华' }).full.has('ouyangminghua')).toBe(true);
    expect(personNameKeys({ name: 'Ming Hua Ouyang' }).full.has('ouyangminghua')).toBe(true);
  });
  it('give initials keys and mark abbreviated names', () => {
    const k = personNameKeys({ name: 'W. Zhang' });
    expect(k.abbreviated).toBe(true);
    expect(k.initials.has('zhang:w')).toBe(true);
    expect(personNameKeys({ name: '张伟' }).initials.has('zhang:w')).toBe(true);
  });
  it('read a polyphonic surname both ways', () => {
    const k = personNameKeys({ name: '曾明' });
    expect(k.full.has('zengming')).toBe(true);
  });
});

describe('scorePeople', () => {
  it('proposes the traditional form with the same birth year', () => {
    const s = score({ birthYear: 1980 }, { name: '張偉', birthYear: 1980 });
    expect(s.reasons).toEqual(['same_chinese_name', 'same_birth_year']);
    expect(s.score).toBeGreaterThanOrEqual(proposeThreshold);
  });
  it('proposes a swapped English name with shared evidence', () => {
    const s = score(
      { birthYear: 1980, hometowns: ['p1'] },
      { name: 'Wei Zhang', birthYear: 1981, hometowns: ['p1'] },
    );
    expect(s.reasons).toEqual(['same_pinyin_name', 'birth_year_off_by_one', 'same_hometown']);
    expect(s.score).toBeCloseTo(0.75);
  });
  it('weighs against studying or working elsewhere at the same time', () => {
    const at = (g: string, from: number, to: number | null) => [{ g, from, to }];
    const s = score(
      { birthYear: 1980, schools: at('u1', 1998, 2002), jobs: at('o1', 2010, null) },
      { birthYear: 1980, schools: at('u2', 2000, 2004), jobs: at('o2', 2015, null) },
    );
    expect(s.reasons).toEqual([
      'same_chinese_name',
      'same_birth_year',
      'different_employer',
      'different_alma_mater',
    ]);
    expect(s.score).toBeLessThan(proposeThreshold);
    // One after the other is a career, not a contradiction.
    expect(
      score({ schools: at('u1', 1998, 2002) }, { schools: at('u2', 2002 + 1, 2005) }).reasons,
    ).not.toContain('different_alma_mater');
  });
  it('counts employers only when the years overlap', () => {
    const job = (from: number, to: number) => [{ g: 'o1', from, to }];
    expect(score({ jobs: job(2000, 2005) }, { jobs: job(2004, 2010) }).reasons).toContain(
      'shared_employer',
    );
    expect(score({ jobs: job(2000, 2005) }, { jobs: job(2006, 2010) }).reasons).not.toContain(
      'shared_employer',
    );
  });
  it('weighs against different birth years, genders and homophones', () => {
    expect(score({ birthYear: 1980 }, { birthYear: 1990 }).score).toBe(0);
    expect(score({ gender: 'male' }, { gender: 'female' }).score).toBe(0);
    expect(score({}, { name: '章薇' }).reasons).toEqual(['same_pinyin_other_characters']);
  });
  it('proposes homophones and an English-order Latin name born the same year', () => {
    const homophone = score(
      { name: '测试丁思', birthYear: 1980 },
      { name: '测试丁四', birthYear: 1980 },
    );
    expect(homophone.reasons).toEqual(['same_pinyin_other_characters', 'same_birth_year']);
    expect(homophone.score).toBeGreaterThanOrEqual(proposeThreshold);
    expect(
      score({ name: '测试丁思', birthYear: 1980 }, { name: '测试丁四', birthYear: 1981 }).score,
    ).toBeLessThan(proposeThreshold);
    const english = score(
      { name: '测试丁思', birthYear: 1980 },
      { name: 'Dingsi Ceshi', birthYear: 1980 },
    );
    expect(english.reasons).toEqual(['same_pinyin_name', 'same_birth_year']);
    expect(english.score).toBeGreaterThanOrEqual(proposeThreshold);
  });
  it('names a shared contact by kind only', () => {
    const pa = person({ contacts: ['phone:13800000000'] });
    const pb = person({ name: '李四', contacts: ['phone:13800000000'] });
    const reasons = scorePeople(pa, personNameKeys(pa), pb, personNameKeys(pb));
    expect(reasons).toEqual([{ code: 'shared_contact', weight: 0.6, detail: 'phone' }]);
  });
});

describe('normalizeContact', () => {
  it('compares phones by digits and e-mails case-blind', () => {
    expect(normalizeContact('phone', '+86 138-0000-0000')).toBe('phone:13800000000');
    expect(normalizeContact('email', 'A@B.cn ')).toBe('email:a@b.cn');
  });
});

describe('blockPairs', () => {
  it('compares only members born within the window, each pair once', () => {
    const years = [1980, 1981, 1990, 1980, null];
    const pairs = blockPairs(
      [
        [0, 1, 2, 3, 4],
        [0, 3],
      ],
      (i) => years[i] ?? null,
      () => true,
      { smallBlock: 2 },
    );
    expect(pairs.sort()).toEqual([
      [0, 1],
      [0, 3],
      [1, 3],
    ]);
  });
});
