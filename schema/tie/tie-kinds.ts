import { z } from 'zod';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { text, unitInterval, year } from '../shared/rules.ts';

export const degrees = ['bachelor', 'master', 'phd', 'postdoc', 'other'] as const;
export const knowsKinds = [
  'classmate',
  'colleague',
  'mentor',
  'coauthor',
  'friend',
  'family',
] as const;

const validTime = {
  from: year.nullish(),
  to: year.nullish(),
  current: z.boolean().nullish(),
};

/** A tie kind: its relationship type, the labels it joins, and the rules for its own properties. */
export interface TieKindSpec {
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  props: z.ZodObject;
  /** Has from/to years and `current`, so "as of" queries apply. */
  validTime: boolean;
  description: string;
}

/**
 * Every tie the API can add, change or end: the allow-list of relationship types (PART_OF and
 * SUBFIELD_OF are set through a place's or field's `parent`). Unknown properties are refused.
 */
export const tieKinds = {
  STUDIED_AT: {
    from: ['Person'],
    to: ['Organization'],
    props: z.strictObject({
      degree: z.enum(degrees).nullish(),
      major: text(200).nullish(),
      ...validTime,
    }),
    validTime: true,
    description: 'studied at (degree, major, years)',
  },
  WORKED_AT: {
    from: ['Person'],
    to: ['Organization'],
    props: z.strictObject({ title: text(200).nullish(), ...validTime }),
    validTime: true,
    description: 'worked at (title, years, current)',
  },
  BORN_IN: {
    from: ['Person'],
    to: ['Place'],
    props: z.strictObject({}),
    validTime: false,
    description: 'hometown (籍贯)',
  },
  LIVES_IN: {
    from: ['Person'],
    to: ['Place'],
    props: z.strictObject({ ...validTime }),
    validTime: true,
    description: 'lives in (years, current)',
  },
  MEMBER_OF: {
    from: ['Person'],
    to: ['Organization'],
    props: z.strictObject({ role: text(200).nullish(), ...validTime }),
    validTime: true,
    description: 'member of (role, years)',
  },
  EXPERT_IN: {
    from: ['Person'],
    to: ['Field'],
    props: z.strictObject({
      level: z
        .number()
        .int()
        .min(1, { message: 'must be 1 to 5' })
        .max(5, { message: 'must be 1 to 5' })
        .nullish(),
    }),
    validTime: false,
    description: 'expert in (level 1-5)',
  },
  KNOWS: {
    from: ['Person'],
    to: ['Person'],
    props: z.strictObject({
      kind: z.enum(knowsKinds),
      strength: unitInterval.nullish(),
      since: year.nullish(),
    }),
    validTime: false,
    description: 'knows (kind, strength 0-1, since); read in both directions',
  },
  LEADS: {
    from: ['Person'],
    to: ['Project'],
    props: z.strictObject({ role: text(200).nullish(), ...validTime }),
    validTime: true,
    description: 'leads a project',
  },
  HOSTED_BY: {
    from: ['Project'],
    to: ['Organization'],
    props: z.strictObject({}),
    validTime: false,
    description: 'project hosted by an organisation',
  },
  LANDED_IN: {
    from: ['Project'],
    to: ['Place'],
    props: z.strictObject({ at: year.nullish() }),
    validTime: false,
    description: 'project landed (落户) in a place',
  },
  IN_FIELD: {
    from: ['Project', 'Organization'],
    to: ['Field'],
    props: z.strictObject({}),
    validTime: false,
    description: 'project or organisation in a field',
  },
  LOCATED_IN: {
    from: ['Organization'],
    to: ['Place'],
    props: z.strictObject({}),
    validTime: false,
    description: 'organisation located in a place',
  },
} as const satisfies Record<string, TieKindSpec>;

export type TieKind = keyof typeof tieKinds;
export const tieKindNames = Object.keys(tieKinds) as TieKind[];

export function isTieKind(value: string): value is TieKind {
  return Object.hasOwn(tieKinds, value);
}
