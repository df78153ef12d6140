import { createHash } from 'node:crypto';
import { isValid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from './generate.ts';
import {
  CONSENT_STATUSES,
  DEGREES,
  EVENT_KINDS,
  EVENT_STATUSES,
  GENDERS,
  INTRODUCTION_STAGES,
  INVITATION_STATUSES,
  isAllowedTie,
  KNOWS_KINDS,
  NODE_LABELS,
  type NodeLabel,
  ORGANIZATION_TYPES,
  PERSON_CATEGORIES,
  PLACE_KINDS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type SeedBatch,
  TALENT_LEVELS,
} from './model.ts';
import { REAL_NAMES_TO_AVOID } from './names.ts';
import { NOW_YEAR } from './rows.ts';

type Row = Record<string, unknown>;

function hashOf(batches: Iterable<SeedBatch>): string {
  const hash = createHash('sha256');
  for (const b of batches) hash.update(JSON.stringify(b));
  return hash.digest('hex');
}

describe('generateGraph', () => {
  let batches: SeedBatch[];
  const nodes = new Map<NodeLabel, Row[]>();
  const ties = new Map<string, { from: string; to: string; props: Row }[]>();

  beforeAll(() => {
    batches = [...generateGraph({ people: 3000 })];
    for (const b of batches) {
      if (b.kind === 'node') nodes.set(b.label, [...(nodes.get(b.label) ?? []), ...b.rows]);
      else ties.set(b.type, [...(ties.get(b.type) ?? []), ...b.rows]);
    }
  });
  const nodesOf = (label: NodeLabel): Row[] => nodes.get(label) ?? [];
  const tiesOf = (type: string) => ties.get(type) ?? [];

  it('gives the same graph for the same seed and size, byte for byte', () => {
    expect(hashOf(generateGraph({ people: 3000 }))).toBe(hashOf(batches));
  });

  it('gives a different graph for a different seed', () => {
    expect(hashOf(generateGraph({ people: 3000, seed: 7 }))).not.toBe(hashOf(batches));
  });

  it('yields exactly the requested number of people', () => {
    expect(nodesOf('Person')).toHaveLength(3000);
    expect(nodesOf('Source')).toHaveLength(1);
    expect(nodesOf('Source')[0]).toMatchObject({
      kind: 'seed',
      title: 'Demo data (invented people)',
    });
  });

  it('uses only labels and tie types of the model, with the right endpoints', () => {
    for (const b of batches) {
      if (b.kind === 'node') expect(NODE_LABELS).toContain(b.label);
      else expect(isAllowedTie(b.type, b.from, b.to), `${b.type} ${b.from}->${b.to}`).toBe(true);
    }
  });

  it('emits every tie after both of its end nodes', () => {
    const seen = new Map<NodeLabel, Set<string>>();
    const problems: string[] = [];
    for (const b of batches) {
      if (b.kind === 'node') {
        const ids = seen.get(b.label) ?? new Set<string>();
        for (const row of b.rows) ids.add(row.id as string);
        seen.set(b.label, ids);
        continue;
      }
      for (const row of b.rows) {
        if (!seen.get(b.from)?.has(row.from)) problems.push(`${b.type} from ${row.from}`);
        if (!seen.get(b.to)?.has(row.to)) problems.push(`${b.type} to ${row.to}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps batches within the batch size', () => {
    for (const b of batches) expect(b.rows.length).toBeLessThanOrEqual(5000);
    const small = [...generateGraph({ people: 50, batchSize: 7 })];
    for (const b of small) expect(b.rows.length).toBeLessThanOrEqual(7);
  });

  it('gives every node and tie a unique valid ULID and the common properties', () => {
    const sourceId = nodesOf('Source')[0]?.id;
    const ids = new Set<string>();
    const problems: string[] = [];
    const checkId = (where: string, id: unknown) => {
      if (typeof id !== 'string' || !isValid(id)) problems.push(`${where}: bad id ${String(id)}`);
      else if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`);
      else ids.add(id);
    };
    for (const [label, rows] of nodes) {
      for (const row of rows) {
        checkId(label, row.id);
        // A stage move is an outreach record: an id, a stage and a time, no common properties.
        if (label === 'StageMove') {
          if (Number.isNaN(Date.parse(row.at as string)) || typeof row.to !== 'string')
            problems.push(`${label} ${JSON.stringify(row)}`);
          continue;
        }
        const created = Date.parse(row.createdAt as string);
        const ok =
          typeof row.name === 'string' &&
          Array.isArray(row.aliases) &&
          typeof row.searchText === 'string' &&
          row.searchText === row.searchText.toLowerCase() &&
          row.sourceId === sourceId &&
          typeof row.verified === 'boolean' &&
          row.deleted === false &&
          !Number.isNaN(created) &&
          Date.parse(row.updatedAt as string) >= created;
        if (!ok) problems.push(`${label} ${JSON.stringify(row)}`);
      }
    }
    for (const [type, rows] of ties) {
      for (const { props } of rows) {
        checkId(type, props.id);
        const ok =
          !Number.isNaN(Date.parse(props.recordedAt as string)) &&
          typeof props.verified === 'boolean' &&
          props.deleted === false &&
          props.sourceId === sourceId;
        if (!ok) problems.push(`${type} ${JSON.stringify(props)}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('stores only primitives and arrays of primitives, never null', () => {
    const problems: string[] = [];
    const primitive = (v: unknown) =>
      typeof v === 'string' ||
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v));
    const check = (where: string, row: Row) => {
      for (const key in row) {
        const value = row[key];
        const ok = Array.isArray(value) ? value.every(primitive) : primitive(value);
        if (!ok) problems.push(`${where}.${key} = ${String(value)}`);
      }
    };
    for (const [label, rows] of nodes) for (const row of rows) check(label, row);
    for (const [type, rows] of ties) for (const { props } of rows) check(type, props);
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('uses the enum values of the model', () => {
    const problems: string[] = [];
    const within = (
      where: string,
      rows: Row[],
      key: string,
      values: readonly unknown[],
      optional = false,
    ) => {
      for (const row of rows) {
        if (optional && row[key] === undefined) continue;
        if (!values.includes(row[key])) problems.push(`${where}.${key} = ${String(row[key])}`);
      }
    };
    const props = (type: string) => tiesOf(type).map((t) => t.props);
    within('Person', nodesOf('Person'), 'gender', GENDERS);
    within('Person', nodesOf('Person'), 'level', TALENT_LEVELS, true);
    within('Person', nodesOf('Person'), 'consentStatus', CONSENT_STATUSES);
    for (const p of nodesOf('Person')) {
      for (const c of p.categories as string[]) {
        if (!(PERSON_CATEGORIES as readonly string[]).includes(c)) problems.push(`category ${c}`);
      }
    }
    within('Organization', nodesOf('Organization'), 'type', ORGANIZATION_TYPES);
    within('Place', nodesOf('Place'), 'kind', PLACE_KINDS);
    within('Project', nodesOf('Project'), 'kind', PROJECT_KINDS);
    within('Project', nodesOf('Project'), 'status', PROJECT_STATUSES);
    within('Event', nodesOf('Event'), 'kind', EVENT_KINDS);
    within('Event', nodesOf('Event'), 'status', EVENT_STATUSES);
    within('Introduction', nodesOf('Introduction'), 'stage', INTRODUCTION_STAGES);
    within('Contact', nodesOf('Contact'), 'kind', ['phone', 'email', 'wechat']);
    within('STUDIED_AT', props('STUDIED_AT'), 'degree', DEGREES);
    within('KNOWS', props('KNOWS'), 'kind', KNOWS_KINDS);
    within('INVITED_TO', props('INVITED_TO'), 'status', INVITATION_STATUSES);
    within('EXPERT_IN', props('EXPERT_IN'), 'level', [1, 2, 3, 4, 5]);
    for (const p of props('KNOWS')) {
      const strength = p.strength as number;
      if (!(strength >= 0 && strength <= 1)) problems.push(`KNOWS.strength = ${strength}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('has realistic proportions', () => {
    const people = nodesOf('Person');
    const share = (category: string) =>
      people.filter((p) => (p.categories as string[]).includes(category)).length / people.length;
    expect(share('academician')).toBeGreaterThan(0);
    expect(share('academician')).toBeLessThan(0.01);
    expect(share('alumnus') + share('native_elsewhere')).toBeGreaterThan(0.8);
    expect(share('returnee')).toBeGreaterThan(0.05);
    const knows = tiesOf('KNOWS').length;
    expect((2 * knows) / people.length).toBeGreaterThan(5);
    expect((2 * knows) / people.length).toBeLessThan(14);
    for (const type of [
      'STUDIED_AT',
      'WORKED_AT',
      'EXPERT_IN',
      'MEMBER_OF',
      'LEADS',
      'INVITED_TO',
      'HELD_IN',
      'ORGANIZED_BY',
      'HOSTED_BY',
      'LANDED_IN',
      'INTRODUCER',
      'TALENT',
      'TARGET',
      'HAS_CONTACT',
      'GAVE_CONSENT',
    ]) {
      expect(tiesOf(type).length, type).toBeGreaterThan(0);
    }
  });

  it('keeps years consistent', () => {
    const birth = new Map(nodesOf('Person').map((p) => [p.id as string, p.birthYear as number]));
    for (const p of nodesOf('Person')) {
      expect(p.birthYear).toBeGreaterThanOrEqual(1950);
      expect(p.birthYear).toBeLessThanOrEqual(2000);
    }
    for (const type of ['STUDIED_AT', 'WORKED_AT', 'LIVES_IN', 'MEMBER_OF']) {
      for (const { props } of tiesOf(type)) {
        const { from, to } = props as { from?: number; to?: number };
        if (from !== undefined) expect(from, type).toBeLessThanOrEqual(NOW_YEAR);
        if (from !== undefined && to !== undefined) expect(from, type).toBeLessThanOrEqual(to);
        if (props.current === true) expect(to, type).toBeUndefined();
      }
    }
    const studies = new Map<string, { degree: string; from: number; to?: number }[]>();
    for (const t of tiesOf('STUDIED_AT')) {
      studies.set(t.from, [
        ...(studies.get(t.from) ?? []),
        t.props as { degree: string; from: number; to?: number },
      ]);
    }
    const jobs = new Map<string, { from: number; to?: number; current: boolean }[]>();
    for (const t of tiesOf('WORKED_AT')) {
      jobs.set(t.from, [
        ...(jobs.get(t.from) ?? []),
        t.props as { from: number; to?: number; current: boolean },
      ]);
    }
    for (const [person, list] of studies) {
      const born = birth.get(person) as number;
      expect(list[0]?.degree).toBe('bachelor');
      expect((list[0]?.from ?? 0) - born).toBeGreaterThanOrEqual(17);
      expect((list[0]?.from ?? 0) - born).toBeLessThanOrEqual(20);
      expect(list.length).toBeLessThanOrEqual(3);
      for (let i = 1; i < list.length; i++) {
        expect(list[i]?.from).toBeGreaterThanOrEqual(list[i - 1]?.to ?? Number.POSITIVE_INFINITY);
      }
      const studyEnd = list[list.length - 1]?.to;
      const work = jobs.get(person) ?? [];
      if (studyEnd === undefined) expect(work).toHaveLength(0);
      for (const job of work) expect(job.from).toBeGreaterThanOrEqual(studyEnd ?? 0);
      expect(work.filter((j) => j.current).length).toBeLessThanOrEqual(1);
    }
    for (const { props } of tiesOf('KNOWS')) expect(props.since).toBeLessThanOrEqual(NOW_YEAR);
  });

  it('keeps contact data out of Person rows', () => {
    const contactLike = /@example\.|\b1990\d{7}\b|wxid_/;
    for (const p of nodesOf('Person')) {
      for (const key of ['phone', 'email', 'wechat', 'value', 'contacts', 'idNumber'])
        expect(p).not.toHaveProperty(key);
      expect(JSON.stringify(p)).not.toMatch(contactLike);
    }
    const contacts = nodesOf('Contact');
    expect(contacts.length).toBeGreaterThan(3000);
    for (const c of contacts) {
      expect(c.searchText).not.toContain(c.value as string);
      if (c.kind === 'email') expect(c.value).toMatch(/@example\.(com|org|net)$/);
      if (c.kind === 'phone') expect(c.value).toMatch(/^19900\d{6}$/);
    }
    expect(tiesOf('HAS_CONTACT')).toHaveLength(contacts.length);
  });

  it('never names a real person from the blocklist', () => {
    for (const p of nodesOf('Person'))
      expect(REAL_NAMES_TO_AVOID.has(p.name as string)).toBe(false);
  });

  it('generates 100,000 people in reasonable time', () => {
    const started = performance.now();
    let people = 0;
    let rows = 0;
    for (const b of generateGraph({ people: 100_000 })) {
      rows += b.rows.length;
      if (b.kind === 'node' && b.label === 'Person') people += b.rows.length;
    }
    const ms = performance.now() - started;
    console.log(
      `generateGraph: 100k people, ${rows.toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s`,
    );
    expect(people).toBe(100_000);
  }, 300_000);
});
