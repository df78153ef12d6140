/**
 * Duplicate detection over the graph: a paged read (Db.readAll) of every person's (or organisation's)
 * features, blocking in memory (pinyin name key, initials key, contact value; within a block only
 * people born within a year of each other are compared), scoring, and the proposed pairs saved as
 * `(:DuplicatePair)` nodes for the review queue. Pairs judged before are never proposed again.
 */

import type { Db } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import {
  blockPairs,
  commonNameReason,
  type NameKeys,
  normalizeContact,
  type OrganizationFeatures,
  organizationNameKeys,
  type PersonFeatures,
  personBlockKeys,
  personNameKeys,
  proposeThreshold,
  type Reason,
  scoreOf,
  scoreOrganizations,
  scorePeople,
} from './dedupe-score.ts';

export type DuplicateKind = 'Person' | 'Organization';

export interface Candidate {
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
}

export interface ScanResult {
  kind: DuplicateKind;
  records: number;
  compared: number;
  candidates: Candidate[];
  ms: number;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Pairs already judged (same, not_same, unsure, merged): not proposed again. */
async function judgedPairs(db: Db, kind: DuplicateKind): Promise<Set<string>> {
  const rows = await db.read<{ key: string }>(
    "MATCH (d:DuplicatePair {kind: $kind}) WHERE d.status <> 'open' RETURN d.key AS key",
    { kind },
  );
  return new Set(rows.map((r) => r.key));
}

/** Adds the pair (ids in order) when its score reaches `minScore`. */
function propose(
  out: Candidate[],
  a: string,
  b: string,
  reasons: Reason[],
  minScore: number,
): void {
  const score = scoreOf(reasons);
  if (score < minScore) return;
  const [x, y] = a < b ? [a, b] : [b, a];
  out.push({ a: x, b: y, score, reasons });
}

function addTo(blocks: Map<string, number[]>, key: string, i: number): void {
  const block = blocks.get(key);
  if (block) block.push(i);
  else blocks.set(key, [i]);
}

export async function scanPeople(
  db: Db,
  minScore = proposeThreshold,
  onPhase?: (phase: string, ms: number) => void,
): Promise<ScanResult> {
  const started = performance.now();
  const phase = (name: string) => onPhase?.(name, performance.now() - started);
  const judged = await judgedPairs(db, 'Person');
  const rows = await db.readAll<
    PersonFeatures & { rawContacts: { kind: string; value: string }[] }
  >(
    `MATCH (p:Person) WHERE NOT p.deleted AND p.id > $after
     WITH p ORDER BY p.id LIMIT $limit
     RETURN p.id AS id, p.name AS name, p.latinName AS latinName, p.aliases AS aliases,
            p.birthYear AS birthYear, p.gender AS gender,
            COLLECT { MATCH (p)-[r:BORN_IN]->(h) WHERE NOT r.deleted RETURN h.id } AS hometowns,
            COLLECT { MATCH (p)-[r:WORKED_AT]->(o) WHERE NOT r.deleted RETURN {g: o.id, from: r.from, to: r.to} } AS jobs,
            COLLECT { MATCH (p)-[r:STUDIED_AT]->(o) WHERE NOT r.deleted RETURN {g: o.id, from: r.from, to: r.to} } AS schools,
            COLLECT { MATCH (p)-[:HAS_CONTACT]->(c:Contact) RETURN {kind: c.kind, value: c.value} } AS rawContacts`,
  );
  const people: PersonFeatures[] = rows.map(({ rawContacts, ...p }) => ({
    ...p,
    contacts: rawContacts.map((c) => normalizeContact(c.kind, c.value)),
  }));
  phase('read');
  const { compared, candidates } = personCandidates(people, judged, minScore);
  return {
    kind: 'Person',
    records: people.length,
    compared,
    candidates,
    ms: performance.now() - started,
  };
}

/**
 * The pure part of the people scan: blocking and scoring of features already read (the duplicate
 * benchmark runs it on generated features too, to tune weights without a database).
 */
export function personCandidates(
  people: readonly PersonFeatures[],
  judged: ReadonlySet<string> = new Set(),
  minScore = proposeThreshold,
): { compared: number; candidates: Candidate[] } {
  const keys: NameKeys[] = people.map((p) => personNameKeys(p));
  const nameBlocks = new Map<string, number[]>();
  const initialsBlocks = new Map<string, number[]>();
  const contactBlocks = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const key of personBlockKeys(keys[i] as NameKeys, p.contacts)) {
      addTo(
        key.startsWith('c:') ? contactBlocks : key.startsWith('i:') ? initialsBlocks : nameBlocks,
        key,
        i,
      );
    }
  });
  const birthYear = (i: number) => (people[i] as PersonFeatures).birthYear;
  const namesakes = namesakeCounter(keys, birthYear);
  const notJudged = (i: number, j: number) =>
    !judged.has(pairKey((people[i] as PersonFeatures).id, (people[j] as PersonFeatures).id));
  const pairs = [
    ...blockPairs(nameBlocks.values(), birthYear, notJudged),
    // Same surname and initials: only worth comparing when one of the two is written with initials
    // ("W. M. Zhang"); otherwise their full names would have met in a name block. Without this
    // limit the initials blocks of common surnames grow with the square of the population.
    ...blockPairs(initialsBlocks.values(), birthYear, notJudged, {
      anchor: (i) => (keys[i] as NameKeys).abbreviated,
    }),
    // Same contact detail: compared whatever the birth years say.
    ...blockPairs(contactBlocks.values(), birthYear, notJudged, { window: 1000, smallBlock: 1000 }),
  ];
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const [i, j] of pairs) {
    const a = people[i] as PersonFeatures;
    const b = people[j] as PersonFeatures;
    const key = pairKey(a.id, b.id);
    if (seen.has(key)) continue;
    seen.add(key);
    const reasons = scorePeople(a, keys[i] as NameKeys, b, keys[j] as NameKeys);
    // A homophone too: 王伟/王巍 born the same year say little when a 王薇 was born then. Only
    // namesakes written in characters count against it: a Latin-only "Wei Wang" may be either.
    const name = reasons.find((r) => sharedNameCodes.has(r.code));
    const homophone = name?.code === 'same_pinyin_other_characters';
    const common =
      name &&
      commonNameReason(
        name.detail,
        namesakes(name.detail, a.birthYear, b.birthYear, { inCharacters: homophone }),
      );
    if (common) reasons.push(common);
    propose(candidates, a.id, b.id, reasons, minScore);
  }
  return { compared: seen.size, candidates };
}

/** The reasons that rest on a shared name, weaker when others of that name were born in those years. */
const sharedNameCodes: ReadonlySet<string> = new Set([
  'same_chinese_name',
  'same_pinyin_name',
  'same_pinyin_other_characters',
]);

/**
 * How many other records carry a name and were born within a year of a pair (`yearless` records and
 * pairs without birth years count against the whole name); `inCharacters`: only records with a name
 * in Chinese characters (the pair's two have one).
 */
function namesakeCounter(
  keys: readonly NameKeys[],
  birthYear: (i: number) => number | null,
): (
  name: string,
  a: number | null,
  b: number | null,
  options?: { inCharacters?: boolean },
) => number {
  type Years = Map<string, Map<number | null, number>>;
  const byYear: Years = new Map();
  /** The same counts for records with Latin names only (few), to take away. */
  const latinOnly: Years = new Map();
  const add = (to: Years, name: string, year: number | null) => {
    const years = to.get(name) ?? new Map<number | null, number>();
    years.set(year, (years.get(year) ?? 0) + 1);
    to.set(name, years);
  };
  keys.forEach((k, i) => {
    const year = birthYear(i);
    for (const name of new Set([...k.han, ...k.full])) add(byYear, name, year);
    if (k.han.size === 0) for (const name of k.full) add(latinOnly, name, year);
  });
  const count = (
    years: Map<number | null, number> | undefined,
    a: number | null,
    b: number | null,
  ) => {
    if (!years) return 0;
    let n = 0;
    if (a == null || b == null) for (const c of years.values()) n += c;
    else {
      for (let y = Math.min(a, b) - 1; y <= Math.max(a, b) + 1; y++) n += years.get(y) ?? 0;
      n += years.get(null) ?? 0;
    }
    return n;
  };
  return (name, a, b, options = {}) => {
    const n = count(byYear.get(name), a, b);
    const latin = options.inCharacters ? count(latinOnly.get(name), a, b) : 0;
    return Math.max(0, n - latin - 2);
  };
}

export async function scanOrganizations(db: Db, minScore = proposeThreshold): Promise<ScanResult> {
  const started = performance.now();
  const judged = await judgedPairs(db, 'Organization');
  const orgs = await db.readAll<OrganizationFeatures>(
    `MATCH (o:Organization) WHERE NOT o.deleted AND o.id > $after
     WITH o ORDER BY o.id LIMIT $limit
     RETURN o.id AS id, o.name AS name, o.latinName AS latinName, o.aliases AS aliases, o.type AS type,
            COLLECT { MATCH (o)-[r:LOCATED_IN]->(pl) WHERE NOT r.deleted RETURN pl.id } AS places`,
  );
  const keys = orgs.map((o) => organizationNameKeys(o));
  const blocks = new Map<string, number[]>();
  keys.forEach((ks, i) => {
    for (const k of ks) addTo(blocks, k, i);
  });
  const pairs = blockPairs(
    blocks.values(),
    () => 0,
    (i, j) =>
      !judged.has(
        pairKey((orgs[i] as OrganizationFeatures).id, (orgs[j] as OrganizationFeatures).id),
      ),
    { window: 0, smallBlock: 0 },
  );
  const candidates: Candidate[] = [];
  for (const [i, j] of pairs) {
    const a = orgs[i] as OrganizationFeatures;
    const b = orgs[j] as OrganizationFeatures;
    const reasons = scoreOrganizations(a, keys[i] as Set<string>, b, keys[j] as Set<string>);
    propose(candidates, a.id, b.id, reasons, minScore);
  }
  return {
    kind: 'Organization',
    records: orgs.length,
    compared: pairs.length,
    candidates,
    ms: performance.now() - started,
  };
}

/**
 * Saves a scan's candidates as open `(:DuplicatePair)`s (score and reasons refreshed on re-scan); open
 * pairs the scan no longer finds are removed. Judged pairs are left as they are.
 */
export async function saveCandidates(db: Db, scan: ScanResult): Promise<number> {
  const run = ulid();
  const batchSize = 5000;
  for (let i = 0; i < scan.candidates.length; i += batchSize) {
    const rows = scan.candidates.slice(i, i + batchSize).map((c) => ({
      key: pairKey(c.a, c.b),
      a: c.a,
      b: c.b,
      score: c.score,
      reasons: JSON.stringify(c.reasons),
      id: ulid(),
    }));
    await db.writeTx((tx) =>
      tx.run(
        `UNWIND $rows AS row
         MERGE (d:DuplicatePair {key: row.key})
         ON CREATE SET d.id = row.id, d.kind = $kind, d.a = row.a, d.b = row.b, d.status = 'open',
                       d.proposedAt = datetime()
         WITH d, row WHERE d.status = 'open'
         SET d.score = row.score, d.reasons = row.reasons, d.run = $run`,
        { rows, kind: scan.kind, run },
      ),
    );
  }
  await db.writeTx((tx) =>
    tx.run(
      "MATCH (d:DuplicatePair {kind: $kind, status: 'open'}) WHERE d.run <> $run DETACH DELETE d",
      { kind: scan.kind, run },
    ),
  );
  return scan.candidates.length;
}
