/**
 * The node labels the API may touch: the allow-list every label in Cypher comes from. A label is never
 * built from user text; user text picks a key of this table through a GraphQL enum.
 */
export const entityKinds = ['Person', 'Organization', 'Place', 'Field', 'Project'] as const;
export type EntityKind = (typeof entityKinds)[number];

export function isEntityKind(value: string): value is EntityKind {
  return (entityKinds as readonly string[]).includes(value);
}

export const organizationTypes = [
  'university',
  'research_institute',
  'rnd_institute',
  'key_lab',
  'enterprise',
  'incubator',
  'industrial_park',
  'hospital',
  'government',
  'alumni_association',
  'overseas_association',
  'headhunter',
  'talent_station',
  'alliance',
  'investor',
] as const;

export const personCategories = [
  'academician',
  'strategic_scientist',
  'leading_talent',
  'young_talent',
  'returnee',
  'alumnus',
  'native_elsewhere',
  'local_expert',
  'entrepreneur',
] as const;

export const talentLevels = ['national', 'provincial', 'city'] as const;
export const genders = ['male', 'female', 'unknown'] as const;
export const consentStatuses = ['unknown', 'granted', 'refused', 'withdrawn'] as const;
export const placeKinds = ['country', 'province', 'city', 'district'] as const;
export const projectKinds = [
  'academician_project',
  'institute',
  'tech_transfer',
  'startup',
  'challenge',
] as const;
export const projectStatuses = ['idea', 'negotiating', 'signed', 'landed', 'stopped'] as const;
export const contactKinds = ['phone', 'email', 'wechat', 'id_number'] as const;
/** Languages a person may be written to in (invitations): simplified Chinese or English. */
export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];
