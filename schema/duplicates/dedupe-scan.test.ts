import { describe, expect, it } from 'vitest';
import { personCandidates } from './dedupe-scan.ts';
import type { PersonFeatures } from './dedupe-score.ts';
import { personFeatures } from './person-features.fixture.ts';

let next = 0;
function person(name: string, birthYear: number, over: Partial<PersonFeatures> = {}) {
  next++;
  return personFeatures({ id: `p${next}`, name, birthYear, ...over });
}

describe('personCandidates', () => {
  it('proposes a name shared by nobody else born then, not one shared by many', () => {
    const rare = [person('郗翀', 1980), person('郗翀', 1980)];
    // Namesakes born long before do not make the name common for this pair.
    const older = [person('郗翀', 1950), person('郗翀', 1952)];
    const crowd = [1980, 1980, 1981, 1979].map((y) => person('王伟', y));
    const { candidates } = personCandidates([...rare, ...older, ...crowd]);
    const pairs = candidates.map((c) => [c.a, c.b].sort().join('|'));
    expect(pairs).toContain([rare[0]?.id, rare[1]?.id].sort().join('|'));
    expect(candidates.every((c) => c.reasons.every((r) => !r.code.endsWith('common_name')))).toBe(
      true,
    );
    const crowdIds = new Set(crowd.map((c) => c.id));
    expect(candidates.filter((c) => crowdIds.has(c.a) || crowdIds.has(c.b))).toEqual([]);
  });

  it('still proposes a common name when a shared school backs it', () => {
    const school = [{ g: 'u1', from: 1998, to: 2002 }];
    const a = person('王伟', 1980, { schools: school });
    const b = person('王伟', 1980, { schools: school });
    const crowd = [1980, 1981, 1979].map((y) => person('王伟', y));
    const { candidates } = personCandidates([a, b, ...crowd]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]?.reasons.map((r) => r.code)).toEqual([
      'same_chinese_name',
      'same_birth_year',
      'shared_alma_mater',
      'very_common_name',
    ]);
  });

  it('proposes a same-year homophone, unless others of that pinyin were born then', () => {
    const rare = [person('测试丁思', 1970), person('测试丁四', 1970)];
    // A third record in Latin letters may be either of them: no namesake of the homophone.
    const latin = person('Dingsi Ceshi', 1970);
    const { candidates } = personCandidates([...rare, latin]);
    const pair = [rare[0]?.id, rare[1]?.id].sort().join('|');
    expect(
      candidates.filter((c) => `${c.a}|${c.b}` === pair).map((c) => c.reasons.map((r) => r.code)),
    ).toEqual([['same_pinyin_other_characters', 'same_birth_year']]);
    // 王伟 / 王巍 born the same year, with another wang wei born then: two people, most likely.
    const common = [person('王伟', 1980), person('王巍', 1980), person('王薇', 1981)];
    expect(personCandidates(common).candidates).toEqual([]);
  });
});
