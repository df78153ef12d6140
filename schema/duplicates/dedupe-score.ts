/**
 * Duplicate detection, the pure part: blocking keys and pair scores for people and organisations.
 *
 * Names are compared across scripts: 張偉, 张伟, "Zhang Wei", "Wei Zhang", "Zhangwei" and "W. Zhang" all
 * reduce to the pinyin key `zhangwei` (or the initials key `zhang:w`). Each proposed pair carries the
 * reasons that made it, each with a weight; the score is their sum, clamped to 0..1.
 */
import { nameKey } from '../import/name-key.ts';
import { pinyinReadings, simplifiedForm } from '../shared/search-keys.ts';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** A membership with years (employer, school), as read for scoring. */
interface Stint {
  g: string;
  from: number | null;
  to: number | null;
}

export interface PersonFeatures {
  id: string;
  name: string;
  latinName: string | null;
  aliases: readonly string[] | null;
  birthYear: number | null;
  gender: string | null;
  hometowns: readonly string[];
  jobs: readonly Stint[];
  schools: readonly Stint[];
  /** `kind:normalised value` of each contact detail (never shown, only compared). */
  contacts: readonly string[];
}

export interface OrganizationFeatures {
  id: string;
  name: string;
  latinName: string | null;
  aliases: readonly string[] | null;
  type: string | null;
  places: readonly string[];
}

export interface Reason {
  code: string;
  weight: number;
  detail: string;
}

/** Pairs scoring at least this are proposed (tuned on `npm run bench:dedupe`). */
export const proposeThreshold = 0.6;

/** Contact kinds that identify one person: two records sharing one are the same person. */
export const hardContactKinds = ['id_number', 'phone', 'email'] as const;

const weights = {
  sameChineseName: 0.45,
  samePinyinName: 0.4,
  // Same pinyin, other characters (测试丁思 / 测试丁四): a typing slip or another record's spelling.
  // With the same birth year and no namesakes it reaches the threshold, so the pair is reviewed.
  homophone: 0.3,
  initials: 0.2,
  sameBirthYear: 0.3,
  birthYearOffByOne: 0.15,
  differentBirthYear: -0.5,
  differentGender: -0.5,
  sameHometown: 0.2,
  differentHometown: -0.2,
  commonName: -0.1,
  veryCommonName: -0.2,
  sharedEmployer: 0.2,
  sharedSchool: 0.2,
  // Weak: a roster may list a past employer as current; two schools at once happen, rarely.
  differentEmployer: -0.2,
  differentSchool: -0.2,
  sharedContact: 0.6,
  sameOrgName: 0.7,
  samePlace: 0.2,
  differentPlace: -0.2,
  differentType: -0.3,
} as const;

/** The normalised forms of one person's names. */
export interface NameKeys {
  /** Simplified Chinese names. */
  han: Set<string>;
  /** Pinyin / Latin letters in every plausible word order (`zhangwei`, `weizhang`). */
  full: Set<string>;
  /** Surname + initials of the given name (`zhang:w`), in both orders. */
  initials: Set<string>;
  /** Has a name written with initials only ("W. Zhang"). */
  abbreviated: boolean;
}

function cleanLatin(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’-]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

function addWords(keys: NameKeys, words: readonly string[]): void {
  if (words.length === 0) return;
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  keys.full.add(words.join(''));
  if (words.length > 1) {
    // Surname first or last: "Wei Ming Zhang" -> zhangweiming; "Zhang Wei Ming" stays.
    keys.full.add([last, ...words.slice(0, -1)].join(''));
    keys.full.add([...words.slice(1), first].join(''));
    const initials = (ws: readonly string[]) => ws.map((w) => w[0]).join('');
    keys.initials.add(`${first}:${initials(words.slice(1))}`);
    keys.initials.add(`${last}:${initials(words.slice(0, -1))}`);
    if (words.some((w) => w.length === 1)) keys.abbreviated = true;
  }
}

/** Every normalised form of a person's name, latin name and aliases. */
export function personNameKeys(p: {
  name: string;
  latinName?: string | null;
  aliases?: readonly string[] | null;
}): NameKeys {
  const keys: NameKeys = {
    han: new Set(),
    full: new Set(),
    initials: new Set(),
    abbreviated: false,
  };
  for (const input of [p.name, p.latinName ?? '', ...(p.aliases ?? [])]) {
    if (!input.trim()) continue;
    if (HAN.test(input)) {
      const simp = simplifiedForm(input.normalize('NFKC').replace(/[\s·•・.]+/g, ''));
      keys.han.add(simp);
      for (const reading of pinyinReadings(simp)) addWords(keys, reading);
    } else {
      const words = cleanLatin(input);
      // A single word may be a whole pinyin name ("Zhangwei"): its own key.
      addWords(keys, words);
    }
  }
  return keys;
}

/** The blocking keys of a person: pinyin keys, initials keys and contact values. */
export function personBlockKeys(keys: NameKeys, contacts: readonly string[]): string[] {
  return [
    ...[...keys.full].map((k) => `n:${k}`),
    ...[...keys.initials].map((k) => `i:${k}`),
    ...contacts.map((c) => `c:${c}`),
  ];
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T | undefined {
  for (const x of a) if (b.has(x)) return x;
  return undefined;
}

function overlaps(x: Stint, y: Stint): boolean {
  return (x.from ?? 0) <= (y.to ?? 9999) && (y.from ?? 0) <= (x.to ?? 9999);
}

function sharedStints(a: readonly Stint[], b: readonly Stint[]): string[] {
  const out = new Set<string>();
  for (const x of a) for (const y of b) if (x.g === y.g && overlaps(x, y)) out.add(x.g);
  return [...out];
}

/** Two different places at the same time (one person is rarely at two universities at once). */
function concurrentElsewhere(a: readonly Stint[], b: readonly Stint[]): boolean {
  return a.some((x) => b.some((y) => x.g !== y.g && overlaps(x, y)));
}

/** The reasons two people may be the same, with weights. */
export function scorePeople(
  a: PersonFeatures,
  ka: NameKeys,
  b: PersonFeatures,
  kb: NameKeys,
): Reason[] {
  const reasons: Reason[] = [];
  const w = weights;
  const han = intersects(ka.han, kb.han);
  const full = intersects(ka.full, kb.full);
  if (han) reasons.push({ code: 'same_chinese_name', weight: w.sameChineseName, detail: han });
  else if (full && ka.han.size > 0 && kb.han.size > 0 && !ka.abbreviated && !kb.abbreviated) {
    reasons.push({ code: 'same_pinyin_other_characters', weight: w.homophone, detail: full });
  } else if (full)
    reasons.push({ code: 'same_pinyin_name', weight: w.samePinyinName, detail: full });
  else {
    const ini = intersects(ka.initials, kb.initials);
    if (ini && (ka.abbreviated || kb.abbreviated)) {
      reasons.push({ code: 'initials_match', weight: w.initials, detail: ini });
    }
  }
  if (a.birthYear != null && b.birthYear != null) {
    const d = Math.abs(a.birthYear - b.birthYear);
    const detail = `${a.birthYear}/${b.birthYear}`;
    if (d === 0) reasons.push({ code: 'same_birth_year', weight: w.sameBirthYear, detail });
    else if (d === 1)
      reasons.push({ code: 'birth_year_off_by_one', weight: w.birthYearOffByOne, detail });
    else reasons.push({ code: 'different_birth_year', weight: w.differentBirthYear, detail });
  }
  const known = (g: string | null) => g === 'male' || g === 'female';
  if (known(a.gender) && known(b.gender) && a.gender !== b.gender) {
    reasons.push({
      code: 'different_gender',
      weight: w.differentGender,
      detail: `${a.gender}/${b.gender}`,
    });
  }
  if (a.hometowns.length && b.hometowns.length) {
    const same = a.hometowns.find((h) => b.hometowns.includes(h));
    if (same) reasons.push({ code: 'same_hometown', weight: w.sameHometown, detail: same });
    else reasons.push({ code: 'different_hometown', weight: w.differentHometown, detail: '' });
  }
  const employers = sharedStints(a.jobs, b.jobs);
  for (const g of employers.slice(0, 2)) {
    reasons.push({ code: 'shared_employer', weight: w.sharedEmployer, detail: g });
  }
  if (employers.length === 0 && concurrentElsewhere(a.jobs, b.jobs)) {
    reasons.push({ code: 'different_employer', weight: w.differentEmployer, detail: '' });
  }
  const schools = sharedStints(a.schools, b.schools);
  for (const g of schools.slice(0, 2)) {
    reasons.push({ code: 'shared_alma_mater', weight: w.sharedSchool, detail: g });
  }
  if (schools.length === 0 && concurrentElsewhere(a.schools, b.schools)) {
    reasons.push({ code: 'different_alma_mater', weight: w.differentSchool, detail: '' });
  }
  const contact = a.contacts.find((c) => b.contacts.includes(c));
  if (contact) {
    // Only the kind: the value is personal data.
    const kind = contact.slice(0, contact.indexOf(':'));
    reasons.push({ code: 'shared_contact', weight: w.sharedContact, detail: kind });
  }
  return reasons;
}

/**
 * A shared name is weaker evidence when others of that name were born in the same years (王伟 vs 郗翀):
 * with `namesakes` other records of that name born within a year of the pair, a reason against, or
 * none. Counted by birth years, not overall, so the evidence does not weaken as the graph grows older.
 */
export function commonNameReason(name: string, namesakes: number): Reason | null {
  const detail = `${name} ×${namesakes}`;
  if (namesakes >= 2) return { code: 'very_common_name', weight: weights.veryCommonName, detail };
  if (namesakes >= 1) return { code: 'common_name', weight: weights.commonName, detail };
  return null;
}

export function scoreOf(reasons: readonly Reason[]): number {
  const sum = reasons.reduce((s, r) => s + r.weight, 0);
  return Math.round(Math.min(1, Math.max(0, sum)) * 1000) / 1000;
}

/** Name keys of an organisation: each of its names without case, spacing, punctuation or script. */
export function organizationNameKeys(o: {
  name: string;
  latinName?: string | null;
  aliases?: readonly string[] | null;
}): Set<string> {
  const out = new Set<string>();
  for (const input of [o.name, o.latinName ?? '', ...(o.aliases ?? [])]) {
    const key = nameKey(input);
    if (key.length >= 2) out.add(key);
  }
  return out;
}

export function scoreOrganizations(
  a: OrganizationFeatures,
  ka: ReadonlySet<string>,
  b: OrganizationFeatures,
  kb: ReadonlySet<string>,
): Reason[] {
  const reasons: Reason[] = [];
  const name = intersects(ka, kb);
  if (name) reasons.push({ code: 'same_name', weight: weights.sameOrgName, detail: name });
  if (a.places.length && b.places.length) {
    const same = a.places.find((p) => b.places.includes(p));
    if (same) reasons.push({ code: 'same_place', weight: weights.samePlace, detail: same });
    else reasons.push({ code: 'different_place', weight: weights.differentPlace, detail: '' });
  }
  if (a.type && b.type && a.type !== b.type) {
    reasons.push({
      code: 'different_type',
      weight: weights.differentType,
      detail: `${a.type}/${b.type}`,
    });
  }
  return reasons;
}

/** A contact value in the form compared for duplicates: phones as digits, e-mails lower case. */
export function normalizeContact(kind: string, value: string): string {
  const v = value.trim();
  if (kind === 'phone') return `${kind}:${v.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')}`;
  if (kind === 'email') return `${kind}:${v.toLowerCase()}`;
  return `${kind}:${v.toUpperCase()}`;
}

/**
 * Candidate pairs within blocks, never all pairs: each block is sorted by birth year and each member
 * is compared with the members born within a year of it (people without a birth year are compared with
 * the whole block only when it is small). Returns index pairs [i, j] with i < j, each once.
 */
export function blockPairs(
  blocks: Iterable<readonly number[]>,
  birthYear: (i: number) => number | null,
  accept: (i: number, j: number) => boolean,
  options: {
    window?: number;
    smallBlock?: number;
    /** Only pairs with at least one member for which this holds (e.g. an abbreviated name). */
    anchor?: (i: number) => boolean;
  } = {},
): Array<[number, number]> {
  const { window = 1, smallBlock = 50, anchor } = options;
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const add = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    const key = i * 4_294_967_296 + j;
    if (i === j || seen.has(key)) return;
    seen.add(key);
    if (accept(i, j)) pairs.push([i, j]);
  };
  const near = (x: number, y: number) => {
    const a = birthYear(x);
    const b = birthYear(y);
    return a == null || b == null || Math.abs(a - b) <= window;
  };
  for (const block of blocks) {
    if (block.length < 2) continue;
    if (anchor) {
      // Each anchor against the rest: linear in the block, however large it grows.
      for (const a of block) {
        if (!anchor(a)) continue;
        for (const o of block) if (near(a, o)) add(a, o);
      }
      continue;
    }
    const known = block.filter((i) => birthYear(i) != null);
    const unknown = block.filter((i) => birthYear(i) == null);
    known.sort((x, y) => (birthYear(x) as number) - (birthYear(y) as number));
    for (let a = 0; a < known.length; a++) {
      const ya = birthYear(known[a] as number) as number;
      for (let b = a + 1; b < known.length; b++) {
        if ((birthYear(known[b] as number) as number) - ya > window) break;
        add(known[a] as number, known[b] as number);
      }
    }
    if (block.length <= smallBlock) {
      for (const u of unknown) for (const o of block) add(u, o);
    }
  }
  return pairs;
}
