/**
 * The demo's headline story: invented natives of Hubei who are academicians of foreign academies or
 * senior experts working abroad, each known to a recruitment consultant of 武汉市招才局, so the bureau
 * can find a warm path to bring them back. Invented people only (names are drawn like everyone's);
 * the academies and cities are real.
 */
import type { IntroductionStage } from './model.ts';

export interface StoryPerson {
  /** 3: academician, 1: senior expert (leading talent). */
  eminence: 3 | 1;
  birthYear: number;
  /** seed/places.ts keys: a place in Hubei, and the city abroad they live and work in. */
  hometown: string;
  city: string;
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
    honours: ['美国国家工程院院士'],
    stage: 'contacted',
  },
  {
    eminence: 3,
    birthYear: 1968,
    hometown: 'yichang',
    city: 'london',
    honours: ['英国皇家工程院院士'],
    stage: 'interested',
  },
  {
    eminence: 3,
    birthYear: 1971,
    hometown: 'xiangyang',
    city: 'singapore',
    honours: ['新加坡国家工程院院士'],
    stage: 'proposed',
  },
  {
    eminence: 1,
    birthYear: 1976,
    hometown: 'jingzhou',
    city: 'san-jose',
    honours: ['IEEE Fellow'],
    stage: 'visited',
  },
  {
    eminence: 1,
    birthYear: 1979,
    hometown: 'huanggang',
    city: 'munich',
    honours: ['美国光学学会会士（Optica Fellow）'],
    stage: 'contacted',
  },
];
