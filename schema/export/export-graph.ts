/**
 * Export of the graph (or the part whose names start with a prefix) as JSON Lines or CSV: one file per
 * node label (`nodes-Person.jsonl`) and per tie type (`ties-WORKED_AT.jsonl`), with the Sources the
 * data came from (their DESCRIBES links included), plus `manifest.json` (format, files, counts, column
 * types). Contact details are exported only when asked (`contacts: true`, for admins). Derived ties
 * are not exported: they are recomputed after import. `importGraph` reads such a folder back
 * (idempotent: nodes are matched by id or a natural key, ties by id or by their two ends).
 */
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import neo4j from 'neo4j-driver';
import type { Db } from '../../server/db/run.ts';
import { rebuildIntroductionFacts } from '../outreach/funnel-facts.ts';
import {
  expertiseKeyProperties,
  factProperties,
  refreshPeopleFactsInBatches,
} from '../person/current-facts.ts';
import { fromCsvCell, toCsv } from '../shared/csv.ts';
import { isEntityKind } from '../shared/entity-kinds.ts';
import { type EntityNames, searchKeys } from '../shared/search-keys.ts';
import { adoptByNaturalKey } from './natural-keys.ts';

export type ExportFormat = 'jsonl' | 'csv';

/** Labels of the graph's data, in import order; Contact only on request. */
export const exportLabels = [
  'Place',
  'Field',
  'Organization',
  'Person',
  'Project',
  'Event',
  'Introduction',
  'Need',
  'Source',
  'Consent',
  'Contact',
] as const;
export type ExportLabel = (typeof exportLabels)[number];

/**
 * The rest of what the app keeps, added by a full backup (`backup: true`, unfiltered): outreach
 * records, accounts and teams, history, audit, duplicate review, job records. Left out on purpose:
 * `Session` and `ExportLink` (secrets that only grant access; a restore signs everyone out),
 * `Migration` (the restored database records its own), and `Account.passwordHash` (restored accounts
 * get a new password from an admin).
 */
const backupLabels = [
  'Team',
  'Account',
  'Segment',
  'PersonList',
  'InvitationBatch',
  'Claim',
  'Interaction',
  'FollowUp',
  'Note',
  'StageMove',
  'SavedView',
  'Watch',
  'Notification',
  'Change',
  'AuditEntry',
  'DuplicatePair',
  'Merge',
  'ImportJob',
  'ImportRejection',
  'ExportJob',
] as const;
/** Properties never exported nor imported. */
const secretProps: ReadonlySet<string> = new Set(['passwordHash', 'tokenHash']);
const personalLabels: ReadonlySet<string> = new Set(['Contact']);
const skippedTypes: ReadonlySet<string> = new Set(['DERIVED_TIE']);

type ColumnType = 'string' | 'int' | 'float' | 'boolean' | 'list' | 'datetime';

export interface Manifest {
  format: ExportFormat;
  exportedAt: string;
  prefix: string | null;
  /** The labels chosen, when not all. */
  labels?: readonly string[] | null;
  /** How many people a people filter or segment chose, when one did. */
  people?: number | null;
  /** A full backup (every label in `backupLabels` too). */
  backup?: boolean;
  contacts: boolean;
  files: {
    file: string;
    kind: 'nodes' | 'ties';
    name: string;
    count: number;
    columns: Record<string, ColumnType>;
  }[];
}

export interface ExportOptions {
  format: ExportFormat;
  out: string;
  /** Only nodes whose name (or title) starts with this, and the ties among them. */
  prefix?: string | null;
  /** Only these labels (default: all of `exportLabels`). */
  labels?: readonly ExportLabel[] | null;
  /** Only these people (a people filter or a segment, resolved by the caller). */
  personIds?: readonly string[] | null;
  contacts?: boolean;
  /** With `contacts`: only the contact details of these people (those the caller may read). */
  contactPersonIds?: readonly string[] | null;
  /** A full backup: `backupLabels` too. Only unfiltered (no prefix, labels or people). */
  backup?: boolean;
}

function typeOf(value: unknown): ColumnType {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (value !== null && typeof value === 'object' && neo4j.isDateTime(value as object))
    return 'datetime';
  return 'string';
}

/** A property value as exported: date-times as ISO strings with full precision. */
function plainValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return String(value);
  return value;
}

/**
 * The keys holding FLOATs: JS has one number type, so 1.0 would read back as an INTEGER unless the
 * column says float (and the import turns it back with toFloat).
 */
const floatKeys = (v: string) => `[k IN keys(${v}) WHERE valueType(${v}[k]) STARTS WITH 'FLOAT']`;

function plainProps(
  props: Record<string, unknown>,
  columns: Record<string, ColumnType>,
  floats: readonly string[] = [],
) {
  for (const key of floats) columns[key] = 'float';
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props).sort()) {
    const value = props[key];
    if (value === null || value === undefined || secretProps.has(key)) continue;
    columns[key] ??= typeOf(value);
    out[key] = plainValue(value);
  }
  return out;
}

/** Parses an ISO date-time (as Neo4j prints it) into a driver DateTime, keeping nanoseconds. */
function parseDateTime(text: string): unknown {
  const m =
    /^(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d(?::\d\d)?)(?:\[(.+)\])?$/.exec(
      text,
    );
  if (!m) return text;
  const [, y, mo, d, h, mi, s, frac, zone, zoneId] = m;
  const nanos = Number((frac ?? '').padEnd(9, '0'));
  let offset = 0;
  if (zone && zone !== 'Z') {
    const [zh, zm, zs] = zone.slice(1).split(':').map(Number);
    offset = (zone.startsWith('-') ? -1 : 1) * ((zh ?? 0) * 3600 + (zm ?? 0) * 60 + (zs ?? 0));
  }
  return new neo4j.DateTime(
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    nanos,
    zoneId ? undefined : offset,
    zoneId ?? undefined,
  );
}

/** A cell read back as its column's type. CSV cannot tell an empty string from none: both are null. */
function typedValue(value: unknown, type: ColumnType | undefined, format: ExportFormat): unknown {
  if (value === null || value === undefined) return null;
  if (value === '') return format === 'jsonl' && (type ?? 'string') === 'string' ? '' : null;
  switch (type) {
    case 'datetime':
      return parseDateTime(String(value));
    case 'int':
      return typeof value === 'number' ? value : Number.parseInt(String(value), 10);
    case 'float':
      return typeof value === 'number' ? value : Number.parseFloat(String(value));
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true';
    case 'list':
      return Array.isArray(value) ? value : JSON.parse(String(value));
    default:
      return String(value);
  }
}

class FileWriter {
  readonly lines: string[] = [];
  count = 0;
  readonly columns: Record<string, ColumnType> = {};
  constructor(
    readonly file: string,
    readonly kind: 'nodes' | 'ties',
    readonly name: string,
  ) {}
  add(record: Record<string, unknown>): void {
    this.lines.push(JSON.stringify(record));
    this.count++;
  }
}

function nodeFilter(alias: string): string {
  return `($prefix IS NULL OR ${alias}.name STARTS WITH $prefix OR ${alias}.title STARTS WITH $prefix)`;
}

interface TieRow {
  type: string;
  fromLabel: string;
  fromId: string;
  toLabel: string;
  toId: string;
  props: Record<string, unknown>;
  floats: string[];
}

/** Writes the export to `out`; returns the manifest. */
export async function exportGraph(db: Db, options: ExportOptions): Promise<Manifest> {
  const prefix = options.prefix ?? null;
  const personIds = options.personIds ?? null;
  const filtered = prefix !== null || personIds !== null;
  const contacts = options.contacts ?? false;
  const contactPersonIds = options.contactPersonIds ?? null;
  if (options.backup && (filtered || options.labels)) {
    throw new Error('a full backup takes no prefix, labels or people');
  }
  const labels: string[] = [
    ...exportLabels.filter(
      (l) =>
        (contacts || !personalLabels.has(l)) && (!options.labels || options.labels.includes(l)),
    ),
    ...(options.backup ? backupLabels : []),
  ];
  mkdirSync(options.out, { recursive: true });
  const writers: FileWriter[] = [];
  const ids = new Set<string>();
  const sourceIds = new Set<string>();
  const add = (label: string, rows: { props: Record<string, unknown>; floats: string[] }[]) => {
    if (!rows.length) return;
    const w = new FileWriter(`nodes-${label}.${options.format}`, 'nodes', label);
    for (const r of rows) {
      w.add(plainProps(r.props, w.columns, r.floats));
      ids.add(String(r.props.id));
      if (typeof r.props.sourceId === 'string') sourceIds.add(r.props.sourceId);
    }
    writers.push(w);
  };
  // Named nodes first (all, or those whose name starts with the prefix) ...
  const attachedLabels = new Set(['Source', 'Consent', 'Contact']);
  for (const label of labels.filter((l) => !attachedLabels.has(l))) {
    const chosen = label === 'Person' && personIds !== null ? 's.id IN $personIds AND ' : '';
    add(
      label,
      await db.read<{ props: Record<string, unknown>; floats: string[] }>(
        `MATCH (s:${label}) WHERE ${chosen}${nodeFilter('s')} RETURN properties(s) AS props, ${floatKeys('s')} AS floats ORDER BY s.id`,
        { prefix, personIds },
      ),
    );
  }
  // ... then the ties among them (read per label, so each start node is found by its indexed id) ...
  const labelSet = new Set<string>(labels);
  const tieRows: TieRow[] = [];
  const readTies = async (label: string, from: string[]) => {
    for (let i = 0; i < from.length; i += 10_000) {
      tieRows.push(
        ...(await db.read<TieRow>(
          `MATCH (a:${label})-[r]->(b) WHERE a.id IN $from AND b.id IN $ids AND NOT type(r) IN $skipped
           RETURN type(r) AS type, $label AS fromLabel, a.id AS fromId,
                  [l IN labels(b) WHERE l IN $labels][0] AS toLabel, b.id AS toId, properties(r) AS props,
                  ${floatKeys('r')} AS floats`,
          {
            from: from.slice(i, i + 10_000),
            ids: [...ids],
            skipped: [...skippedTypes],
            labels: [...labelSet],
            label,
          },
        )),
      );
    }
  };
  // ... then the sources, consents and contacts attached to them, and the sources ties cite.
  const exportedPeople =
    writers.find((w) => w.name === 'Person')?.lines.map((l) => JSON.parse(l).id) ?? [];
  const mayShare = new Set(contactPersonIds);
  for (const label of labels.filter((l) => attachedLabels.has(l))) {
    const owners =
      label === 'Contact' && contactPersonIds !== null
        ? exportedPeople.filter((id) => mayShare.has(id))
        : exportedPeople;
    const rows =
      !filtered && (label !== 'Contact' || contactPersonIds === null)
        ? await db.read<{ props: Record<string, unknown>; floats: string[] }>(
            `MATCH (s:${label}) RETURN properties(s) AS props, ${floatKeys('s')} AS floats ORDER BY s.id`,
          )
        : label === 'Source'
          ? null
          : await db.read<{ props: Record<string, unknown>; floats: string[] }>(
              `MATCH (p:Person)-[:GAVE_CONSENT|HAS_CONTACT]->(s:${label}) WHERE p.id IN $owners
               RETURN DISTINCT properties(s) AS props, ${floatKeys('s')} AS floats ORDER BY props.id`,
              { owners },
            );
    if (rows) add(label, rows);
  }
  for (const label of labels.filter((l) => l !== 'Source')) {
    const from = (writers.find((w) => w.name === label)?.lines ?? [])
      .map((l) => JSON.parse(l).id)
      .filter((id): id is string => typeof id === 'string');
    if (from.length) await readTies(label, from);
  }
  if (filtered && labels.includes('Source')) {
    for (const t of tieRows)
      if (typeof t.props.sourceId === 'string') sourceIds.add(t.props.sourceId);
    add(
      'Source',
      await db.read<{ props: Record<string, unknown>; floats: string[] }>(
        `MATCH (s:Source) WHERE s.id IN $sourceIds OR s.title STARTS WITH $prefix
            OR EXISTS { MATCH (s)-[:DESCRIBES]->(p:Person) WHERE p.id IN $personIds }
         RETURN properties(s) AS props, ${floatKeys('s')} AS floats ORDER BY s.id`,
        { sourceIds: [...sourceIds], prefix, personIds: exportedPeople },
      ),
    );
  }
  const sources =
    writers.find((w) => w.name === 'Source')?.lines.map((l) => JSON.parse(l).id) ?? [];
  if (sources.length) await readTies('Source', sources);
  tieRows.sort(
    (x, y) =>
      x.type.localeCompare(y.type) ||
      x.fromId.localeCompare(y.fromId) ||
      x.toId.localeCompare(y.toId) ||
      String(x.props.id ?? '').localeCompare(String(y.props.id ?? '')),
  );
  const ties = tieRows;
  const tieWriters = new Map<string, FileWriter>();
  for (const t of ties) {
    if (!t.fromLabel || !t.toLabel) continue;
    let w = tieWriters.get(t.type);
    if (!w) {
      w = new FileWriter(`ties-${t.type}.${options.format}`, 'ties', t.type);
      tieWriters.set(t.type, w);
    }
    w.columns.fromLabel = 'string';
    w.columns.fromId = 'string';
    w.columns.toLabel = 'string';
    w.columns.toId = 'string';
    // Maintained keys are derived: a restore rebuilds them with the people's facts.
    for (const key of expertiseKeyProperties) delete t.props[key];
    const props = plainProps(t.props, w.columns, t.floats);
    w.add({ fromLabel: t.fromLabel, fromId: t.fromId, toLabel: t.toLabel, toId: t.toId, ...props });
  }
  writers.push(...tieWriters.values());
  for (const w of writers) writeFile(join(options.out, w.file), options.format, w);
  const manifest: Manifest = {
    format: options.format,
    exportedAt: new Date().toISOString(),
    prefix,
    labels: options.backup || labels.length === exportLabels.length ? null : labels,
    backup: options.backup ?? false,
    people: personIds === null ? null : personIds.length,
    contacts,
    files: writers.map((w) => ({
      file: w.file,
      kind: w.kind,
      name: w.name,
      count: w.count,
      columns: w.columns,
    })),
  };
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  });
  return manifest;
}

function writeFile(path: string, format: ExportFormat, w: FileWriter): void {
  const lines = w.lines;
  if (format === 'jsonl') {
    writeFileSync(path, lines.length ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
    return;
  }
  const columns = Object.keys(w.columns);
  const records = lines.map((l) => {
    const r = JSON.parse(l) as Record<string, unknown>;
    return columns.map((c) => {
      const v = r[c];
      if (v === undefined || v === null) return '';
      return Array.isArray(v) ? JSON.stringify(v) : v;
    });
  });
  writeFileSync(path, toCsv(columns, records as (string | number | boolean)[][]), {
    mode: 0o600,
  });
}

async function readRecords(path: string, format: ExportFormat): Promise<Record<string, unknown>[]> {
  if (format === 'jsonl') {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  const out: Record<string, unknown>[] = [];
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true }));
  for await (const record of parser) {
    out.push(
      Object.fromEntries(
        Object.entries(record as Record<string, string>).map(([k, v]) => [k, fromCsvCell(v)]),
      ),
    );
  }
  return out;
}

const propertyName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `, n.k = toFloat(row.k)` for each float column, so whole-number floats stay FLOAT. */
function asFloats(target: string, source: string, columns: Record<string, ColumnType>): string {
  return Object.entries(columns)
    .filter(([key, type]) => type === 'float' && propertyName.test(key))
    .map(([key]) => `, ${target}.\`${key}\` = toFloat(${source}.\`${key}\`)`)
    .join('');
}

const allowedLabels: ReadonlySet<string> = new Set([...exportLabels, ...backupLabels]);
const typeName = /^[A-Z][A-Z_]{1,40}$/;

/**
 * An entity exported before it had search keys (an export older than migration 0062) gets them as
 * every other write path makes them; one that has them keeps them as exported.
 */
function withSearchKeys(label: string, row: Record<string, unknown>): Record<string, unknown> {
  if (!isEntityKind(label) || row.namePinyin != null || typeof row.name !== 'string') return row;
  return { ...row, ...searchKeys(label, row as unknown as EntityNames) };
}

/**
 * Imports an export folder: nodes MERGEd by id (properties replaced), ties MERGEd by id or, without
 * one, by their two ends. Nodes the target's migrations wrote under other ids (reference places and
 * their Source) are matched by natural key first, and the ties between them by their ends
 * (natural-keys.ts). Labels come from the allow-list; tie types must look like our types.
 */
export async function importGraph(
  db: Db,
  dir: string,
  options: { contacts?: boolean } = {},
): Promise<{ nodes: number; ties: number }> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  let nodes = 0;
  let ties = 0;
  const batch = 2000;
  const imported: string[] = [];
  const keyed = new Set<string>();
  for (const f of manifest.files.filter((x) => x.kind === 'nodes')) {
    if (!allowedLabels.has(f.name)) throw new Error(`unknown label ${f.name} in ${f.file}`);
    if (personalLabels.has(f.name) && !options.contacts) continue;
    const rows = (await readRecords(join(dir, f.file), manifest.format)).map((r) =>
      withSearchKeys(
        f.name,
        Object.fromEntries(
          Object.entries(r)
            .filter(([k]) => !secretProps.has(k))
            .map(([k, v]) => [k, typedValue(v, f.columns[k], manifest.format)]),
        ),
      ),
    );
    for (const id of await adoptByNaturalKey(db, f.name, rows)) keyed.add(id);
    // Records with an id are matched by it (a re-import changes nothing); the few without one
    // (import rejections) are created. A person's maintained facts say what this database counted
    // for them: kept as they are, then refreshed below (current-facts.ts).
    const kept = f.name === 'Person' ? factProperties.map((p) => `.${p}`).join(', ') : '';
    for (const row of rows) for (const p of factProperties) delete row[p];
    for (let i = 0; i < rows.length; i += batch) {
      await db.writeTx((tx) =>
        tx.run(
          `UNWIND $rows AS row
           CALL (row) {
             WITH row WHERE row.id IS NOT NULL
             MERGE (n:${f.name} {id: row.id})
             WITH n, row, n {${kept}} AS kept
             SET n = row${asFloats('n', 'row', f.columns)}
             SET n += kept
             RETURN 1 AS done
           UNION
             WITH row WHERE row.id IS NULL
             CREATE (n:${f.name}) SET n = row${asFloats('n', 'row', f.columns)}
             RETURN 1 AS done
           }
           RETURN count(*) AS n`,
          { rows: rows.slice(i, i + batch) },
        ),
      );
    }
    imported.push(...rows.filter((r) => r.id != null).map((r) => String(r.id)));
    nodes += rows.length;
  }
  for (const f of manifest.files.filter((x) => x.kind === 'ties')) {
    if (!typeName.test(f.name) || skippedTypes.has(f.name))
      throw new Error(`bad tie type ${f.name}`);
    const records = await readRecords(join(dir, f.file), manifest.format);
    const groups = new Map<
      string,
      { from: string; to: string; id: unknown; byEnds: boolean; props: unknown }[]
    >();
    for (const r of records) {
      const { fromLabel, fromId, toLabel, toId, ...rest } = r;
      if (!allowedLabels.has(String(fromLabel)) || !allowedLabels.has(String(toLabel))) continue;
      const props = Object.fromEntries(
        Object.entries(rest)
          .map(([k, v]) => [k, typedValue(v, f.columns[k], manifest.format)])
          .filter(([, v]) => v !== null),
      );
      const key = `${fromLabel}|${toLabel}`;
      const group = groups.get(key) ?? [];
      groups.set(key, group);
      group.push({
        from: String(fromId),
        to: String(toId),
        id: props.id ?? null,
        byEnds: props.id == null || (keyed.has(String(fromId)) && keyed.has(String(toId))),
        props,
      });
    }
    for (const [key, rows] of groups) {
      const [fromLabel, toLabel] = key.split('|');
      if (
        !options.contacts &&
        (personalLabels.has(String(fromLabel)) || personalLabels.has(String(toLabel)))
      )
        continue;
      for (let i = 0; i < rows.length; i += batch) {
        await db.writeTx((tx) =>
          tx.run(
            `UNWIND $rows AS row
             MATCH (a:${fromLabel} {id: row.from}), (b:${toLabel} {id: row.to})
             CALL (a, b, row) {
               WITH a, b, row WHERE NOT row.byEnds
               MERGE (a)-[r:${f.name} {id: row.id}]->(b) SET r = row.props${asFloats('r', 'row.props', f.columns)}
               RETURN 1 AS done
             UNION
               WITH a, b, row WHERE row.byEnds
               MERGE (a)-[r:${f.name}]->(b) SET r = row.props${asFloats('r', 'row.props', f.columns)}
               RETURN 1 AS done
             }
             RETURN count(*) AS n`,
            { rows: rows.slice(i, i + batch) },
          ),
        );
      }
      ties += rows.length;
    }
  }
  // Maintained facts are derived: recomputed for everyone the import may have changed.
  const touched = await db.read<{ id: string }>(
    `MATCH (n) WHERE n.id IN $ids
     MATCH (n)<-[:PART_OF*0..4]-(:Place)<-[:LIVES_IN|BORN_IN]-(p:Person)
     RETURN p.id AS id
     UNION
     MATCH (n) WHERE n.id IN $ids MATCH (n)<-[:WORKED_AT|STUDIED_AT]-(p:Person) RETURN p.id AS id
     UNION
     MATCH (p:Person) WHERE p.id IN $ids RETURN p.id AS id`,
    { ids: imported },
  );
  await refreshPeopleFactsInBatches(
    db,
    touched.map((r) => r.id),
  );
  // So are the introductions' (their ties came after them) and the funnel days counted from them: all
  // of them, as an imported introduction may have moved to another day.
  if (manifest.files.some((f) => f.kind === 'nodes' && f.name === 'Introduction' && f.count > 0))
    await rebuildIntroductionFacts(db);
  return { nodes, ties };
}
