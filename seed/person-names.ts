/**
 * Invents Chinese personal names with their pinyin romanisation, from the tables in seed/names.ts.
 */
import { pinyin } from 'pinyin-pro';
import type { Gender } from './model.ts';
import { GIVEN_NAME_CHARS, REAL_NAMES_TO_AVOID, SURNAMES } from './names.ts';
import { type Random, Weighted } from './random.ts';

export interface PersonName {
  /** Chinese name, surname first: 欧阳明远 */
  name: string;
  surname: string;
  /** Index into SURNAMES, to compare surnames cheaply. */
  surnameIndex: number;
  /** Surname-first pinyin as on a Chinese passport: 'Ouyang Mingyuan' */
  latinName: string;
  /** Given-name-first form used abroad: 'Mingyuan Ouyang' */
  westernName: string;
  surnameLatin: string;
}

const capitalize = (s: string): string => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

/** Draws names; reuses its pinyin lookups, so create one per generation run. */
export class PersonNameMaker {
  private readonly surnames = new Weighted(SURNAMES.map((s, i) => [i, s[2]] as const));
  private readonly firstChars = [...GIVEN_NAME_CHARS.first];
  private readonly maleChars = [...GIVEN_NAME_CHARS.male];
  private readonly femaleChars = [...GIVEN_NAME_CHARS.female];
  private readonly syllable = new Map<string, string>();

  constructor() {
    // One pinyin lookup per character up front: given-name characters are read on their own.
    const all = new Set([...this.firstChars, ...this.maleChars, ...this.femaleChars]);
    for (const c of all) {
      this.syllable.set(c, pinyin(c, { toneType: 'none', type: 'array', v: true })[0] ?? '');
    }
  }

  /** A new invented name; never one of REAL_NAMES_TO_AVOID. */
  make(random: Random, gender: Gender): PersonName {
    for (;;) {
      const made = this.draw(random, gender);
      if (!REAL_NAMES_TO_AVOID.has(made.name)) return made;
    }
  }

  private draw(random: Random, gender: Gender): PersonName {
    const surnameIndex = this.surnames.pick(random);
    const [surname, surnameLatin] = SURNAMES[surnameIndex] as readonly [string, string, number];
    const pool =
      gender === 'female'
        ? this.femaleChars
        : gender === 'male'
          ? this.maleChars
          : random.chance(0.5)
            ? this.maleChars
            : this.femaleChars;
    const chars = random.chance(0.25)
      ? [random.pick(pool)]
      : [random.pick(this.firstChars), random.pick(pool)];
    const given = chars.join('');
    let givenLatin = '';
    for (const c of chars) {
      const s = this.syllable.get(c) ?? '';
      // pinyin apostrophe: a syllable starting with a vowel after another syllable (Xi'an)
      givenLatin += givenLatin && /^[aoe]/.test(s) ? `'${s}` : s;
    }
    givenLatin = capitalize(givenLatin);
    return {
      name: surname + given,
      surname,
      surnameIndex,
      latinName: `${surnameLatin} ${givenLatin}`,
      westernName: `${givenLatin} ${surnameLatin}`,
      surnameLatin,
    };
  }
}
