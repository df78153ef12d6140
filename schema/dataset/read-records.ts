/**
 * The check pass of a dataset import: reads each file of a mapping and turns its rows into records
 * (external id, checked properties, references), or rejections with file, line and reason. Pure of
 * the database. A mapping field that the label or tie type does not have is a warning and is ignored,
 * never written as a property.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Cell, RawRow, Rejection as RowRejection } from '../import/parse-row.ts';
import { openRoster } from '../import/read-rows.ts';
import {
  genders,
  organizationTypes,
  placeKinds,
  projectKinds,
  projectStatuses,
} from '../shared/entity-kinds.ts';
import { birthYear, requiredText, text } from '../shared/rules.ts';
import { codeOf } from '../shared/validate.ts';
import type { IssueCode, Params } from '../shared/words/words.ts';
import { tieKinds } from '../tie/tie-kinds.ts';
import type { EdgeFile, FieldSpec, NodeFile, NodeLabel } from './mapping.ts';
import { columnIndex, columnsOf, readField, type Value } from './transforms.ts';

/** The properties each label takes from a dataset, with their rules. */
const nodeRules: Record<NodeLabel, Record<string, z.ZodType>> = {
  Person: {
    name: requiredText(200),
    latinName: text(200).nullish(),
    gender: z.enum(genders).nullish(),
    birthYear: birthYear.nullish(),
    title: text(200).nullish(),
    bio: text(2000).nullish(),
  },
  Organization: {
    name: requiredText(200),
    latinName: text(200).nullish(),
    type: z.enum(organizationTypes),
  },
  Place: { name: requiredText(200), latinName: text(200).nullish(), kind: z.enum(placeKinds) },
  Project: {
    name: requiredText(200),
    kind: z.enum(projectKinds),
    status: z.enum(projectStatuses).nullish(),
  },
  Field: { name: requiredText(200), latinName: text(200).nullish() },
};

/** A rejected row: a roster's rejection (line, column at fault, why) and the file it is in. */
export interface Rejection extends RowRejection {
  file: string;
}

/** One problem with a row, before it is tied to its file and line. */
type Problem = Pick<Rejection, 'column' | 'reason' | 'code' | 'params'>;

const problem = (column: string, code: IssueCode, reason: string, params?: Params): Problem => ({
  column,
  code,
  reason: `${column}: ${reason}`,
  params,
});

export interface NodeRecord {
  line: number;
  id: string;
  props: Record<string, Value>;
  /** External id of the place it is in (organisations) or of its parent (places). */
  place: string | null;
  parent: string | null;
}

export interface EdgeRecord {
  line: number;
  from: string;
  to: string;
  props: Record<string, Value>;
}

export interface FileCheck<R> {
  path: string;
  rows: number;
  skipped: number;
  records: R[];
  rejections: Rejection[];
  warnings: string[];
}

function fieldValue(
  spec: FieldSpec,
  cells: readonly Cell[],
  columns: Map<string, number>,
  name: string,
  errors: Problem[],
): Value {
  const read = readField(spec, cells, columns);
  if ('error' in read) {
    errors.push(problem(name, read.code, read.error, read.params));
    return null;
  }
  return read.value;
}

async function* rowsOf(
  dir: string,
  file: { path: string; delimiter?: string; encoding?: string; sheet?: string | number },
) {
  const roster = await openRoster(resolve(dir, file.path), {
    delimiter: file.delimiter,
    encoding: file.encoding as never,
    sheet: file.sheet,
  });
  const columns = columnsOf(roster.headers);
  for await (const row of roster.rows) yield { row, columns };
}

function passes(
  where: NodeFile['where'],
  row: RawRow,
  columns: Map<string, number>,
): boolean | string {
  if (!where) return true;
  const index = columnIndex(columns, where.column);
  if (typeof index === 'string') return index;
  return where.in.includes(String(row.cells[index] ?? '').trim());
}

/** Columns of a joined file by the joined file's first-column key (e.g. an organisation's place). */
async function joinedColumns(dir: string, join: NonNullable<NodeFile['join']>) {
  const map = new Map<string, Record<string, Cell>>();
  for await (const { row, columns } of rowsOf(dir, join)) {
    const on = columnIndex(columns, join.on);
    if (typeof on === 'string') throw new Error(`${join.path}: ${on}`);
    const out: Record<string, Cell> = {};
    for (const [name, ref] of Object.entries(join.columns)) {
      const index = columnIndex(columns, ref);
      if (typeof index === 'string') throw new Error(`${join.path}: ${index}`);
      out[name] = row.cells[index];
    }
    map.set(String(row.cells[on] ?? '').trim(), out);
  }
  return map;
}

/**
 * An empty check of `file`, and the mapping fields `owner` has (`has`): the others are warned of
 * and ignored, never written as properties.
 */
function startCheck<R>(
  file: { path: string; fields: Record<string, FieldSpec> },
  owner: string,
  has: (name: string) => boolean,
) {
  const check: FileCheck<R> = {
    path: file.path,
    rows: 0,
    skipped: 0,
    records: [],
    rejections: [],
    warnings: [],
  };
  const fields = Object.entries(file.fields).filter(([name]) => {
    if (has(name)) return true;
    check.warnings.push(
      `field "${name}" is not a property of ${owner}; ignored / ${owner}无此字段，已忽略`,
    );
    return false;
  });
  return { check, fields };
}

/** The rows of a file to check: blank rows left out, the others counted, those `where` drops skipped. */
async function* rowsToCheck(dir: string, file: NodeFile | EdgeFile, check: FileCheck<unknown>) {
  for await (const { row, columns } of rowsOf(dir, file)) {
    if (!row.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) continue;
    check.rows++;
    const ok = passes(file.where, row, columns);
    if (typeof ok === 'string') throw new Error(`${file.path}: where: ${ok}`);
    if (!ok) {
      check.skipped++;
      continue;
    }
    yield { row, columns };
  }
}

/** Checks a node file: one record per good row. */
export async function checkNodeFile(dir: string, file: NodeFile): Promise<FileCheck<NodeRecord>> {
  const rules = nodeRules[file.label];
  const { check, fields } = startCheck<NodeRecord>(file, file.label, (name) => name in rules);
  if (!('name' in file.fields)) check.warnings.push('no "name" field: every row will be rejected');
  const joined = file.join ? await joinedColumns(dir, file.join) : null;
  const seen = new Map<string, number>();
  for await (const { row, columns } of rowsToCheck(dir, file, check)) {
    const errors: Problem[] = [];
    // Joined columns read as extra columns of the row.
    let cells: readonly Cell[] = row.cells;
    let allColumns = columns;
    const id = fieldValue(file.id, cells, columns, 'id', errors);
    if (joined) {
      const extra = joined.get(String(id ?? '')) ?? {};
      allColumns = new Map(columns);
      const more = [...row.cells];
      for (const [name, value] of Object.entries(extra)) {
        allColumns.set(name, more.length);
        more.push(value);
      }
      cells = more;
    }
    const props: Record<string, Value> = {};
    for (const [name, spec] of fields) {
      const value = fieldValue(spec, cells, allColumns, name, errors);
      const parsed = (rules[name] as z.ZodType).safeParse(value ?? undefined);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        errors.push(
          problem(
            name,
            issue ? codeOf(issue).code : 'invalid',
            issue?.message ?? 'invalid',
            issue ? codeOf(issue).params : undefined,
          ),
        );
      } else props[name] = (parsed.data as Value | undefined) ?? null;
    }
    for (const [name, rule] of Object.entries(rules)) {
      if (!(name in props) && !rule.safeParse(undefined).success) {
        errors.push(problem(name, 'missing', 'missing'));
      }
    }
    const place = file.place ? fieldValue(file.place.id, cells, allColumns, 'place', errors) : null;
    const parent = file.parent
      ? fieldValue(file.parent.id, cells, allColumns, 'parent', errors)
      : null;
    const key = String(id ?? '');
    if (!key) errors.push(problem('id', 'missing', 'missing'));
    else if (seen.has(key)) {
      const line = seen.get(key) ?? 0;
      errors.push(problem('id', 'id_repeats', `"${key}" repeats line ${line}`, { id: key, line }));
    }
    if (errors.length) {
      for (const error of errors) {
        check.rejections.push({
          file: file.path,
          line: row.line,
          ...error,
          name: typeof props.name === 'string' ? props.name.slice(0, 60) : null,
        });
      }
      continue;
    }
    seen.set(key, row.line);
    check.records.push({
      line: row.line,
      id: key,
      props,
      place: place === null ? null : String(place),
      parent: parent === null ? null : String(parent),
    });
  }
  return check;
}

/** Checks an edge file: its ends must be known to `exists` (this dataset's nodes, by label). */
export async function checkEdgeFile(
  dir: string,
  file: EdgeFile,
  exists: (label: NodeLabel, id: string) => boolean,
): Promise<FileCheck<EdgeRecord>> {
  const spec = (tieKinds as Record<string, { props: z.ZodObject }>)[file.type];
  const known = spec ? Object.keys(spec.props.shape) : [];
  const { check, fields } = startCheck<EdgeRecord>(file, file.type, (name) => known.includes(name));
  for await (const { row, columns } of rowsToCheck(dir, file, check)) {
    const errors: Problem[] = [];
    const from = String(fieldValue(file.from.id, row.cells, columns, 'from', errors) ?? '');
    const to = String(fieldValue(file.to.id, row.cells, columns, 'to', errors) ?? '');
    const props: Record<string, Value> = {};
    for (const [name, fieldSpec] of fields) {
      const value = fieldValue(fieldSpec, row.cells, columns, name, errors);
      if (value !== null) props[name] = value;
    }
    if (spec) {
      const parsed = spec.props.safeParse(props);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const { code, params } = codeOf(issue);
          errors.push(problem(issue.path.join('.') || 'value', code, issue.message, params));
        }
      }
    }
    const endMissing = (end: 'from' | 'to', label: NodeLabel, id: string) =>
      problem(end, 'end_not_in_dataset', `no ${label} "${id}" in the dataset`, {
        label: { enum: 'EntityKind', value: label },
        id,
      });
    const missing = [
      ...(exists(file.from.label, from) ? [] : [endMissing('from', file.from.label, from)]),
      ...(exists(file.to.label, to) ? [] : [endMissing('to', file.to.label, to)]),
    ];
    if (missing.length && file.missing === 'skip' && !errors.length) {
      check.skipped++;
      continue;
    }
    errors.push(...missing);
    if (errors.length) {
      for (const error of errors) {
        check.rejections.push({ file: file.path, line: row.line, ...error, name: null });
      }
      continue;
    }
    check.records.push({ line: row.line, from, to, props });
  }
  return check;
}
