import type { PersonFeatures } from './dedupe-score.ts';

/** A person as the duplicate scan reads one, with only the given features set (for unit tests). */
export function personFeatures(over: Partial<PersonFeatures>): PersonFeatures {
  return {
    id: 'x',
    name: '张伟',
    latinName: null,
    aliases: [],
    birthYear: null,
    gender: null,
    hometowns: [],
    jobs: [],
    schools: [],
    contacts: [],
    ...over,
  };
}
