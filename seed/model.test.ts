import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_STATUSES,
  CONTACT_KINDS,
  DEGREES,
  EVENT_KINDS,
  EVENT_STATUSES,
  GENDERS,
  INTRODUCTION_STAGES,
  KNOWS_KINDS,
  NODE_LABELS,
  ORGANIZATION_TYPES,
  PERSON_CATEGORIES,
  PLACE_KINDS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  SOURCE_KINDS,
  TALENT_LEVELS,
  TIE_ENDPOINTS,
} from './model.ts';

const model = readFileSync(new URL('../schema/MODEL.md', import.meta.url), 'utf8');

/** Node labels: the "- `Label`" bullets of the Nodes section. */
function labelsInModel(): string[] {
  const nodes = model.slice(model.indexOf('## Nodes'), model.indexOf('## Ties'));
  return [...nodes.matchAll(/^- `(\w+)`/gm)].map((m) => m[1] as string);
}

/** Tie endpoints from the Ties table and from `(:A)-[:TYPE]->(:B)` patterns. */
function tiesInModel(): Map<string, { from: string[]; to: string[] }> {
  const ties = new Map<string, { from: string[]; to: string[] }>();
  const labels = (text: string) =>
    text
      .split(/\/| or /)
      .map((s) => s.trim())
      .filter(Boolean);
  for (const row of model.matchAll(/^\| (`[A-Z_]+`(?: \/ `[A-Z_]+`)*) \| ([^|]+) \|/gm)) {
    const types = [...(row[1] as string).matchAll(/`([A-Z_]+)`/g)].map((m) => m[1] as string);
    const [from, to] = (row[2] as string).split('→').map((s) => s.trim()) as [string, string];
    const toParts = types.length > 1 ? to.split(' / ') : [to];
    types.forEach((type, i) => {
      ties.set(type, { from: labels(from), to: labels(toParts[i] ?? '') });
    });
  }
  for (const m of model.matchAll(/\(:(\w+)\)-\[:([A-Z_]+)\]->\(:(\w+)\)/g)) {
    ties.set(m[2] as string, { from: [m[1] as string], to: [m[3] as string] });
  }
  return ties;
}

describe('seed/model.ts mirrors schema/MODEL.md', () => {
  it('has every node label except the ones nobody seeds', () => {
    // Migration and Job are server-owned; PeopleCount and FunnelDay are derived from people and
    // introductions (rebuilt after a load). MODEL.md describes reference Places in their own bullet,
    // so a label may appear twice.
    const notSeeded = new Set(['Migration', 'Job', 'PeopleCount', 'FunnelDay']);
    expect([...NODE_LABELS].sort()).toEqual(
      [...new Set(labelsInModel())].filter((l) => !notSeeded.has(l)).sort(),
    );
  });

  it('has every tie type with its endpoints', () => {
    const fromModel = tiesInModel();
    expect(Object.keys(TIE_ENDPOINTS).sort()).toEqual([...fromModel.keys()].sort());
    for (const [type, ends] of fromModel) {
      const ours = TIE_ENDPOINTS[type as keyof typeof TIE_ENDPOINTS];
      expect([...ours.from].sort(), type).toEqual([...ends.from].sort());
      expect([...ours.to].sort(), type).toEqual([...ends.to].sort());
    }
  });

  it('spells every enum value as MODEL.md does', () => {
    const enums = [
      GENDERS,
      PERSON_CATEGORIES,
      TALENT_LEVELS,
      CONSENT_STATUSES,
      CONTACT_KINDS,
      ORGANIZATION_TYPES,
      PLACE_KINDS,
      PROJECT_KINDS,
      PROJECT_STATUSES,
      EVENT_KINDS,
      EVENT_STATUSES,
      INTRODUCTION_STAGES,
      SOURCE_KINDS,
      DEGREES,
      KNOWS_KINDS,
    ];
    for (const values of enums) {
      for (const value of values) expect(model, value).toContain(`\`${value}\``);
    }
  });
});
