/**
 * Everything decided about one invented person while generating them, shared by the modules that
 * turn it into rows (people, knows, outreach).
 */
import type { Job } from './career.ts';
import type { PlaceInfo } from './catalog.ts';
import type { Study } from './education.ts';
import type { Gender, PersonCategory, TalentLevel } from './model.ts';
import type { PersonName } from './person-names.ts';

/** 0 regular, 1 leading talent, 2 strategic scientist, 3 academician. */
export type Eminence = 0 | 1 | 2 | 3;

export interface PersonDraft {
  index: number;
  id: string;
  createdMs: number;
  createdAt: string;
  name: PersonName;
  gender: Gender;
  birthYear: number;
  eminence: Eminence;
  hometown: PlaceInfo;
  /** The city of the home town (the home town itself when it is a city). */
  hometownCity: number;
  hometownProvince: number;
  residence: PlaceInfo;
  abroadNow: boolean;
  studies: Study[];
  jobs: Job[];
  /** Field indexes, primary first. */
  fields: number[];
  /** Top-level industry of the primary field. */
  top: number;
  categories: PersonCategory[];
  level?: TalentLevel;
  /** Indexes of the people this person KNOWS (either direction). */
  partners: number[];
  /** Honours given rather than drawn (the story's people). */
  honours?: readonly string[];
}
