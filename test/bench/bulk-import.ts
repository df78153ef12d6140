import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import {
  type DerivedKind,
  derivedKinds,
  derivedStrength,
  type Membership,
  pairsInGroup,
} from '../../schema/connections/derived-ties.ts';
import { generateGraph } from '../../seed/generate.ts';
import {
  DATETIME_PROPERTIES,
  INTEGER_PROPERTIES,
  type NodeLabel,
  type SeedBatch,
  type TieType,
} from '../../seed/model.ts';
import { runNeo4jAdmin } from '../../server/neo4j/admin-tool.ts';

const arrayDelimiter = ';';

export interface BulkImportResult {
  nodes: number;
  ties: number;
  derivedTies: number;
  /** Generating and writing the CSV files (derived ties included). */
  csvMs: number;
  /** The offline importer. */
  importMs: number;
}

/** The CSV type suffix of a property: from the model for datetimes and integers, else by value. */
function columnType(key: NodeLabel | TieType, prop: string, value: unknown): string {
  if (DATETIME_PROPERTIES[key].includes(prop)) return ':datetime';
  if (INTEGER_PROPERTIES[key].includes(prop)) return ':long';
  if (typeof value === 'number') return ':double';
  if (typeof value === 'boolean') return ':boolean';
  if (Array.isArray(value)) {
    const first = value.find((v) => v != null);
    return typeof first === 'number' ? ':double[]' : ':string[]';
  }
  return '';
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    for (const v of value)
      if (String(v).includes(arrayDelimiter))
        throw new Error(`array value ${JSON.stringify(v)} contains the array delimiter`);
    return cell(value.join(arrayDelimiter));
  }
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  return String(value);
}

/** CSV files keyed by label or type and their columns: every row of a file has the same header. */
class CsvFiles {
  private readonly files = new Map<string, { stream: WriteStream; columns: string[] }>();
  readonly nodeArgs: string[] = [];
  readonly tieArgs: string[] = [];

  constructor(private readonly dir: string) {}

  private file(group: string, header: string[], columns: string[], isNode: boolean) {
    const key = `${group}|${header.join(',')}`;
    let file = this.files.get(key);
    if (!file) {
      const path = join(this.dir, `${group}-${this.files.size}.csv`);
      const stream = createWriteStream(path);
      stream.write(`${header.join(',')}\n`);
      file = { stream, columns };
      this.files.set(key, file);
      (isNode ? this.nodeArgs : this.tieArgs).push(
        `--${isNode ? 'nodes' : 'relationships'}=${group}=${path}`,
      );
    }
    return file;
  }

  /** Writes rows; resolves once the stream has room again (backpressure). */
  async write(
    group: string,
    key: NodeLabel | TieType,
    fixed: { header: string[]; values: (row: never) => unknown[] },
    rows: readonly Record<string, unknown>[],
    props: (row: never) => Record<string, unknown>,
    isNode: boolean,
  ): Promise<void> {
    const samples = new Map<string, unknown>();
    for (const row of rows)
      for (const [k, v] of Object.entries(props(row as never)))
        if (v !== undefined && v !== null && !samples.has(k)) samples.set(k, v);
    const columns = [...samples.keys()].sort();
    const header = [
      ...fixed.header,
      ...columns.map((c) => `${c}${columnType(key, c, samples.get(c))}`),
    ];
    const file = this.file(group, header, columns, isNode);
    let chunk = '';
    for (const row of rows) {
      const p = props(row as never);
      chunk += `${[...fixed.values(row as never), ...file.columns.map((c) => p[c])].map(cell).join(',')}\n`;
    }
    if (!file.stream.write(chunk))
      await new Promise<void>((resolve) => file.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.files.values()].map(
        (f) =>
          new Promise<void>((resolve, reject) =>
            f.stream.end((e?: Error) => (e ? reject(e) : resolve())),
          ),
      ),
    );
  }
}

const groupTie: Record<string, DerivedKind> = Object.fromEntries(
  Object.entries(derivedKinds).map(([kind, spec]) => [spec.tie, kind as DerivedKind]),
);
const associationTypes = new Set(['alumni_association', 'overseas_association', 'alliance']);

/**
 * Generates `people` people into CSV files under `<home>/import`, runs the offline importer into
 * `<home>/data`, and deletes the CSV files. The store must not exist yet.
 */
export async function bulkImport(
  home: string,
  people: number,
  heap: string,
  log: (line: string) => void,
): Promise<BulkImportResult> {
  const dir = join(home, 'import');
  mkdirSync(dir, { recursive: true });
  const csv = new CsvFiles(dir);
  const started = performance.now();
  let nodes = 0;
  let ties = 0;
  const names = new Map<string, string>();
  const associations = new Set<string>();
  const deletedPeople = new Set<string>();
  const groups: Record<DerivedKind, Map<string, Membership[]>> = {
    colleague: new Map(),
    classmate: new Map(),
    association: new Map(),
    project: new Map(),
  };
  let lastLog = 0;
  for (const batch of generateGraph({ people }) as Iterable<SeedBatch>) {
    if (!batch.rows.length) continue;
    if (batch.kind === 'node') {
      nodes += batch.rows.length;
      if (batch.label === 'Organization' || batch.label === 'Project')
        for (const row of batch.rows) {
          if (row.deleted) continue;
          names.set(row.id as string, row.name as string);
          if (associationTypes.has(row.type as string) && !row.deleted)
            associations.add(row.id as string);
        }
      if (batch.label === 'Person')
        for (const row of batch.rows) if (row.deleted) deletedPeople.add(row.id as string);
      await csv.write(
        batch.label,
        batch.label,
        { header: [`id:ID(${batch.label})`], values: (row: { id: string }) => [row.id] },
        batch.rows,
        ({ id: _id, ...rest }: Record<string, unknown>) => rest,
        true,
      );
    } else {
      ties += batch.rows.length;
      const kind = groupTie[batch.type];
      if (kind)
        for (const row of batch.rows) {
          if (row.props.deleted) continue;
          const members = groups[kind].get(row.to) ?? [];
          members.push({
            person: row.from,
            from: (row.props.from as number | undefined) ?? null,
            to: (row.props.to as number | undefined) ?? null,
          });
          groups[kind].set(row.to, members);
        }
      await csv.write(
        batch.type,
        batch.type,
        {
          header: [`:START_ID(${batch.from})`, `:END_ID(${batch.to})`],
          values: (row: { from: string; to: string }) => [row.from, row.to],
        },
        batch.rows,
        (row: { props: Record<string, unknown> }) => row.props,
        false,
      );
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  csv: ${nodes.toLocaleString('en')} nodes, ${ties.toLocaleString('en')} ties`);
    }
  }
  let derivedTies = 0;
  const derivedHeader = {
    header: [':START_ID(Person)', ':END_ID(Person)'],
    values: (row: { a: string; b: string }) => [row.a, row.b],
  };
  for (const kind of Object.keys(groups) as DerivedKind[]) {
    for (const [group, members] of groups[kind]) {
      if (!names.has(group) || (kind === 'association' && !associations.has(group))) continue;
      const alive = members.filter((m) => !deletedPeople.has(m.person));
      const rows = pairsInGroup(alive).map((pair) => ({
        ...pair,
        props: {
          kind,
          viaId: group,
          viaName: names.get(group) ?? null,
          from: pair.from,
          to: pair.to,
          strength: derivedStrength(kind, pair.from, pair.to),
        },
      }));
      if (!rows.length) continue;
      derivedTies += rows.length;
      // Typed like WORKED_AT: years are integers, as the Cypher rebuild writes them.
      await csv.write(
        'DERIVED_TIE',
        'WORKED_AT',
        derivedHeader,
        rows,
        (row: { props: Record<string, unknown> }) => row.props,
        false,
      );
    }
  }
  await csv.close();
  const csvMs = Math.round(performance.now() - started);
  log(
    `csv files written in ${(csvMs / 1000).toFixed(0)} s (${derivedTies.toLocaleString('en')} derived ties)`,
  );

  const importStarted = performance.now();
  await runNeo4jAdmin(
    home,
    [
      'database',
      'import',
      'full',
      'neo4j', // before the file lists, which take every argument after them
      '--id-type=string',
      '--multiline-fields=true',
      `--array-delimiter=${arrayDelimiter}`,
      `--report-file=${join(home, 'import.report')}`,
      ...csv.nodeArgs,
      ...csv.tieArgs,
    ],
    {
      heap,
      onLine: (line) => {
        if (
          /IMPORT DONE|Import starting|\(\d+\) Node|Relationship|%/.test(line) &&
          !/\.\.\.\.\.\./.test(line)
        )
          log(`  import: ${line.trim()}`);
      },
    },
  );
  const importMs = Math.round(performance.now() - importStarted);
  rmSync(dir, { recursive: true, force: true });
  log(`imported in ${(importMs / 1000).toFixed(0)} s`);
  return { nodes, ties, derivedTies, csvMs, importMs };
}
