/**
 * The parts of schema/MODEL.md the seed generator and loader need: node labels, tie types and their
 * endpoints, enum values, and which properties the loader must convert (datetimes, integers).
 * seed/model.test.ts checks this file against MODEL.md, so a change there shows up here.
 */

/** Node labels the seed writes (everything in MODEL.md except `Migration` and `Job`, which the server owns). */
export const NODE_LABELS = [
  'Source',
  'Place',
  'Field',
  'Organization',
  'Project',
  'Event',
  'Person',
  'Contact',
  'Consent',
  'Introduction',
  'StageMove',
] as const;
/** A node label the seed writes. */
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Which labels each tie type joins, from the MODEL.md "Ties" table. */
export const TIE_ENDPOINTS = {
  STUDIED_AT: { from: ['Person'], to: ['Organization'] },
  WORKED_AT: { from: ['Person'], to: ['Organization'] },
  BORN_IN: { from: ['Person'], to: ['Place'] },
  LIVES_IN: { from: ['Person'], to: ['Place'] },
  MEMBER_OF: { from: ['Person'], to: ['Organization'] },
  EXPERT_IN: { from: ['Person'], to: ['Field'] },
  KNOWS: { from: ['Person'], to: ['Person'] },
  LEADS: { from: ['Person'], to: ['Project'] },
  HOSTED_BY: { from: ['Project'], to: ['Organization'] },
  LANDED_IN: { from: ['Project'], to: ['Place'] },
  IN_FIELD: { from: ['Project', 'Organization'], to: ['Field'] },
  LOCATED_IN: { from: ['Organization'], to: ['Place'] },
  PART_OF: { from: ['Place'], to: ['Place'] },
  SUBFIELD_OF: { from: ['Field'], to: ['Field'] },
  INVITED_TO: { from: ['Person'], to: ['Event'] },
  HELD_IN: { from: ['Event'], to: ['Place'] },
  ORGANIZED_BY: { from: ['Event'], to: ['Organization'] },
  INTRODUCER: { from: ['Introduction'], to: ['Person'] },
  TALENT: { from: ['Introduction'], to: ['Person'] },
  TARGET: { from: ['Introduction'], to: ['Organization', 'Project'] },
  VIA_EVENT: { from: ['Introduction'], to: ['Event'] },
  MOVED: { from: ['Introduction'], to: ['StageMove'] },
  HAS_CONTACT: { from: ['Person'], to: ['Contact'] },
  GAVE_CONSENT: { from: ['Person'], to: ['Consent'] },
} as const satisfies Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }>;
/** A relationship type of the model. */
export type TieType = keyof typeof TIE_ENDPOINTS;

/** True for a node label the seed may write. */
export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

/** True for a relationship type of the model. */
export function isTieType(value: string): value is TieType {
  return Object.hasOwn(TIE_ENDPOINTS, value);
}

/** True when MODEL.md allows a `type` tie from a `from` node to a `to` node. */
export function isAllowedTie(type: TieType, from: NodeLabel, to: NodeLabel): boolean {
  const ends = TIE_ENDPOINTS[type];
  return (
    (ends.from as readonly NodeLabel[]).includes(from) &&
    (ends.to as readonly NodeLabel[]).includes(to)
  );
}

/**
 * One batch the generator yields and the loader writes: rows of one label, or ties of one type
 * between two labels. Values are primitives or arrays of primitives (Neo4j stores no nested maps or
 * nulls in arrays); absent optional properties are left out rather than set to null.
 */
export type SeedBatch =
  | { kind: 'node'; label: NodeLabel; rows: Record<string, unknown>[] }
  | {
      kind: 'tie';
      type: TieType;
      from: NodeLabel;
      to: NodeLabel;
      rows: { from: string; to: string; props: Record<string, unknown> }[];
    };

/** Datetime properties, sent as ISO strings and converted with `datetime()` by the loader. */
export const DATETIME_PROPERTIES: Record<NodeLabel | TieType, readonly string[]> = {
  ...fill(NODE_LABELS, ['createdAt', 'updatedAt']),
  ...fill(Object.keys(TIE_ENDPOINTS) as TieType[], ['recordedAt']),
  Event: ['createdAt', 'updatedAt', 'startsAt'],
  Consent: ['createdAt', 'updatedAt', 'at'],
  Introduction: ['createdAt', 'updatedAt', 'stageAt'],
  StageMove: ['at'],
  INVITED_TO: ['recordedAt', 'invitedAt'],
};

/**
 * Integer properties. The JavaScript driver sends every number as a float, so the loader converts
 * these with `toInteger()` to keep years and levels integers in the store.
 */
export const INTEGER_PROPERTIES: Record<NodeLabel | TieType, readonly string[]> = {
  ...fill(NODE_LABELS, []),
  ...fill(Object.keys(TIE_ENDPOINTS) as TieType[], []),
  Person: ['birthYear'],
  STUDIED_AT: ['from', 'to'],
  WORKED_AT: ['from', 'to'],
  LIVES_IN: ['from', 'to'],
  MEMBER_OF: ['from', 'to'],
  EXPERT_IN: ['level'],
  KNOWS: ['since'],
  LANDED_IN: ['at'],
};

function fill<K extends string>(
  keys: readonly K[],
  value: readonly string[],
): Record<K, readonly string[]> {
  return Object.fromEntries(keys.map((k) => [k, value])) as Record<K, readonly string[]>;
}

import {
  eventKinds as EVENT_KINDS,
  eventStatuses as EVENT_STATUSES,
  introductionStages as INTRODUCTION_STAGES,
} from '../schema/outreach/stages.ts';
// Enum values, exactly as MODEL.md spells them.
// The value lists are the API's own (one list each): the seed must produce exactly what the API accepts.
import {
  consentStatuses as CONSENT_STATUSES,
  contactKinds as CONTACT_KINDS,
  genders as GENDERS,
  organizationTypes as ORGANIZATION_TYPES,
  personCategories as PERSON_CATEGORIES,
  placeKinds as PLACE_KINDS,
  projectKinds as PROJECT_KINDS,
  projectStatuses as PROJECT_STATUSES,
  talentLevels as TALENT_LEVELS,
} from '../schema/shared/entity-kinds.ts';
import { sourceKinds as SOURCE_KINDS } from '../schema/shared/provenance.ts';
import { degrees as DEGREES, knowsKinds as KNOWS_KINDS } from '../schema/tie/tie-kinds.ts';

export {
  CONSENT_STATUSES,
  CONTACT_KINDS,
  DEGREES,
  EVENT_KINDS,
  EVENT_STATUSES,
  GENDERS,
  INTRODUCTION_STAGES,
  KNOWS_KINDS,
  ORGANIZATION_TYPES,
  PERSON_CATEGORIES,
  PLACE_KINDS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SOURCE_KINDS,
  TALENT_LEVELS,
};
export type Gender = (typeof GENDERS)[number];
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
export type TalentLevel = (typeof TALENT_LEVELS)[number];
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type IntroductionStage = (typeof INTRODUCTION_STAGES)[number];
export type Degree = (typeof DEGREES)[number];
export type KnowsKind = (typeof KNOWS_KINDS)[number];
/**
 * INVITED_TO statuses. MODEL.md names the property but not its values; these come from the seed brief
 * (invited/accepted/declined/attended/no_show).
 */
export const INVITATION_STATUSES = [
  'invited',
  'accepted',
  'declined',
  'attended',
  'no_show',
] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
