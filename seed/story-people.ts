/**
 * The demo's headline story: invented natives of Hubei who are academicians of foreign academies or
 * senior experts working abroad, each known to a recruitment consultant of 武汉市招才局, so the bureau
 * can find a warm path to bring them back. Invented people only (names are drawn like everyone's);
 * the academies, cities and employers are real, and each one's fields fit their employer and honours.
 */
import type { IntroductionStage } from './model.ts';

export interface StoryPerson {
  /** 3: academician, 1: senior expert (leading talent). */
  eminence: 3 | 1;
  birthYear: number;
  /** seed/places.ts keys: a place in Hubei, and the city abroad they live and work in. */
  hometown: string;
  city: string;
  /** Their employer now, in `city` (seed/institutions.ts key), and their fields (seed/fields.ts keys, the main one first). */
  employer: string;
  fields: readonly string[];
  honours: readonly string[];
  /** The stage of the introduction a 武汉市招才局 consultant has started for them. */
  stage: IntroductionStage;
}

/** The bureau whose consultants know them (seed/institutions.ts key). */
export const STORY_BUREAU = 'wh-bureau';

export const STORY_PEOPLE: readonly StoryPerson[] = [
  {
    eminence: 3,
    birthYear: 1964,
    hometown: 'wuhan-wuchang',
    city: 'boston',
    employer: 'mgh',
    fields: ['med-imaging'],
    honours: ['美国国家工程院院士'],
    stage: 'contacted',
  },
  {
    eminence: 3,
    birthYear: 1968,
    hometown: 'yichang',
    city: 'london',
    employer: 'imperial',
    fields: ['composites', 'advanced-ceramics'],
    honours: ['英国皇家工程院院士'],
    stage: 'interested',
  },
  {
    eminence: 3,
    birthYear: 1971,
    hometown: 'xiangyang',
    city: 'singapore',
    employer: 'ntu-sg',
    fields: ['compound-semi', 'ic-manufacturing'],
    honours: ['新加坡国家工程院院士'],
    stage: 'proposed',
  },
  {
    eminence: 1,
    birthYear: 1976,
    hometown: 'jingzhou',
    city: 'san-jose',
    employer: 'cisco',
    fields: ['optical-module', 'silicon-photonics'],
    honours: ['IEEE Fellow'],
    stage: 'visited',
  },
  {
    eminence: 1,
    birthYear: 1979,
    hometown: 'huanggang',
    city: 'munich',
    employer: 'tum',
    fields: ['precision-instruments', 'ultrafast-laser'],
    honours: ['美国光学学会会士（Optica Fellow）'],
    stage: 'contacted',
  },
];
