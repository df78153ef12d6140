import type { EntityType } from '../../../api/fragments.ts';
import type { AddTieInput, OutreachChannel } from './queries.ts';

export const channels: readonly OutreachChannel[] = [
  'wechat',
  'call',
  'visit',
  'meeting',
  'email',
  'event',
];

export type TieField = 'title' | 'role' | 'years' | 'knows';

/** The ties a person can start (schema/tie/tie-kinds.ts): what the other end is, what it records. */
export const personTieKinds: Record<string, { to: EntityType; fields: TieField[] }> = {
  KNOWS: { to: 'Person', fields: ['knows'] },
  WORKED_AT: { to: 'Organization', fields: ['title', 'years'] },
  STUDIED_AT: { to: 'Organization', fields: ['years'] },
  MEMBER_OF: { to: 'Organization', fields: ['role', 'years'] },
  LEADS: { to: 'Project', fields: ['role', 'years'] },
  LIVES_IN: { to: 'Place', fields: ['years'] },
  BORN_IN: { to: 'Place', fields: [] },
  EXPERT_IN: { to: 'Field', fields: [] },
};

export const knowsKinds = ['classmate', 'colleague', 'mentor', 'coauthor', 'friend', 'family'];

/** Trimmed text, or null when blank (the API treats null as "not given"). */
export function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** A number typed in a field, or null when blank; NaN is passed on for the API to refuse. */
export function optionalNumber(value: string): number | null {
  const trimmed = value.trim();
  return trimmed ? Number(trimmed) : null;
}

export interface TieDraft {
  kind: AddTieInput['kind'];
  title: string;
  role: string;
  startYear: string;
  endYear: string;
  knowsKind: string;
  strength: string;
}

export const emptyTieDraft: TieDraft = {
  kind: 'KNOWS',
  title: '',
  role: '',
  startYear: '',
  endYear: '',
  knowsKind: 'colleague',
  strength: '',
};

/** The addTie input for a draft: only the fields its kind records, blanks left out. */
export function tieInput(subject: string, object: string, draft: TieDraft): AddTieInput {
  const fields = personTieKinds[draft.kind]?.fields ?? [];
  const input: AddTieInput = { kind: draft.kind, subject, object };
  if (fields.includes('title')) input.title = optionalText(draft.title);
  if (fields.includes('role')) input.role = optionalText(draft.role);
  if (fields.includes('years')) {
    input.startYear = optionalNumber(draft.startYear);
    input.endYear = optionalNumber(draft.endYear);
  }
  if (fields.includes('knows')) {
    input.knowsKind = draft.knowsKind;
    input.strength = optionalNumber(draft.strength);
  }
  return input;
}
