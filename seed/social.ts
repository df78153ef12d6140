/**
 * Who can know whom. People are generated one after another, so each new person is linked to people
 * generated before: classmates (same university, degree and entry year), colleagues (same employer in
 * the same five-year window), a mentor (a senior academic at their graduate school then), co-authors
 * (researchers in the same field) and friends from the same home town.
 *
 * Each pool is a bucket of person indexes keyed by (organisation, year ...), capped by reservoir
 * sampling, so memory stays bounded at millions of people while every earlier person keeps a fair
 * chance of being picked.
 */
import type { Random } from './random.ts';

/** Buckets of person indexes by key, each capped by reservoir sampling. */
class CappedBuckets {
  private readonly buckets = new Map<number, number[]>();
  private readonly seen = new Map<number, number>();

  constructor(private readonly cap: number) {}

  add(key: number, value: number, random: Random): void {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    const seen = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, seen);
    if (bucket.length < this.cap) bucket.push(value);
    else {
      const slot = Math.floor(random.next() * seen);
      if (slot < this.cap) bucket[slot] = value;
    }
  }

  get(key: number): readonly number[] | undefined {
    return this.buckets.get(key);
  }
}

/** Bucket keys; organisations and fields are catalog indexes, years are calendar years. */
export const keys = {
  cohort: (org: number, entryYear: number, degree: number): number =>
    (org * 256 + (entryYear - 1900)) * 8 + degree,
  team: (org: number, slot: number): number => org * 64 + slot,
  slot: (year: number): number => Math.max(0, Math.floor((year - 1960) / 5)),
  slotStart: (slot: number): number => 1960 + slot * 5,
};

/** Mentors are stored with their birth year packed in, to check the age gap without a lookup. */
export const packMentor = (person: number, birthYear: number): number =>
  person * 256 + (birthYear - 1900);
export const unpackMentor = (packed: number): { person: number; birthYear: number } => ({
  person: Math.floor(packed / 256),
  birthYear: (packed % 256) + 1900,
});

/** The pools new people pick acquaintances from. */
export class SocialIndex {
  readonly classmates = new CappedBuckets(48);
  readonly colleagues = new CappedBuckets(48);
  readonly mentors = new CappedBuckets(24);
  readonly coauthors = new CappedBuckets(64);
  readonly hometown = new CappedBuckets(64);
}
