/**
 * One roster row -> a checked person record, or the reasons it is rejected. Pure: names of places,
 * organisations and fields are resolved later (schema/import/resolve-names.ts).
 */
import type { z } from 'zod';
import { contactRules } from '../personal-data/contact-rules.ts';
import { personCategories } from '../shared/entity-kinds.ts';
import { birthYear, requiredText, text, year } from '../shared/rules.ts';
import { codeOf } from '../shared/validate.ts';
import { valueHash } from '../shared/value-hash.ts';
import type { IssueCode, Params } from '../shared/words/words.ts';
import type { ColumnMap, ImportField, Preset } from './columns.ts';
import { nameKey } from './name-key.ts';

/** A cell as the readers give it: text, a number, a date, or a formula / error marker. */
export type Cell =
  | string
  | number
  | boolean
  | Date
  | { formula: string }
  | { error: string }
  | null
  | undefined;

/** A row as read from the file: its 1-based line (CSV line or sheet row) and raw cells. */
export interface RawRow {
  line: number;
  cells: readonly Cell[];
  /** Problems the reader found with the row as a whole (merged cells, undecodable bytes). */
  problems?: readonly { code: IssueCode; reason: string; params?: Params }[];
}

export interface ContactValue {
  kind: 'phone' | 'email' | 'wechat' | 'id_number';
  value: string;
}

/** A row that passed every rule; names still to be matched to places, organisations, fields. */
export interface ParsedRow {
  line: number;
  /** Identifies the row across imports of the same dataset. */
  key: string;
  /**
   * Hash of every value: equal hashes mean a re-import has nothing to change (write-batch.ts
   * `isUnchanged`). The job's options act on a row only through these values (mapping, encoding, the
   * preset's categories) or through its key (dataset, the preset's key fields), so they are covered.
   */
  hash: string;
  person: {
    name: string;
    latinName: string | null;
    gender: 'male' | 'female' | 'unknown';
    birthYear: number | null;
    categories: string[];
    tags: string[];
  };
  hometown: string | null;
  currentCity: string | null;
  employer: { name: string; title: string | null } | null;
  almaMater: {
    name: string;
    degree: string | null;
    major: string | null;
    from: number | null;
    to: number | null;
  } | null;
  fields: string[];
  contacts: ContactValue[];
}

export interface Rejection {
  line: number;
  /** The column (field) at fault, when one is. */
  column: string | null;
  /** Why, in English (and as it was written before codes: the CLI and scripts read it). */
  reason: string;
  /** Why, as a code and its values, for a client to say in its language (issue-words.ts). */
  code: IssueCode;
  params?: Params;
  /** The name in the row, to help find it. */
  name: string | null;
}

export type RowResult = { ok: true; row: ParsedRow } | { ok: false; rejections: Rejection[] };

/** Longest cell we read; anything longer is a pasted document, not a roster value. */
const maxCellLength = 2000;

// Rules built once: building a zod schema per row costs far more than checking a value with it.
const nameRule = requiredText(200);
const optionalText = text(200).nullable();

const listSeparators = /[,，、;；/|｜\n]+/;

// biome-ignore format: lookup tables
const genderWords: Record<string, 'male' | 'female' | 'unknown'> = {
  男: 'male', m: 'male', male: 'male', 男性: 'male', 女: 'female', f: 'female', female: 'female', 女性: 'female',
  未知: 'unknown', unknown: 'unknown',
};
// biome-ignore format: lookup tables
const degreeWords: Record<string, string> = {
  学士: 'bachelor', 本科: 'bachelor', bachelor: 'bachelor', bsc: 'bachelor', ba: 'bachelor', bs: 'bachelor',
  硕士: 'master', 研究生: 'master', master: 'master', msc: 'master', ma: 'master', ms: 'master', mba: 'master',
  博士: 'phd', 博士研究生: 'phd', phd: 'phd', doctor: 'phd', 博士后: 'postdoc', postdoc: 'postdoc',
  专科: 'other', 大专: 'other', other: 'other', 其他: 'other',
};
// biome-ignore format: lookup tables
const categoryWords: Record<string, string> = {
  院士: 'academician', 战略科学家: 'strategic_scientist', 领军人才: 'leading_talent', 青年人才: 'young_talent',
  海归: 'returnee', 留学归国: 'returnee', 归国人才: 'returnee', 校友: 'alumnus', 在外人才: 'native_elsewhere',
  在外乡贤: 'native_elsewhere', 乡贤: 'native_elsewhere', 本地专家: 'local_expert', 企业家: 'entrepreneur',
  创业者: 'entrepreneur',
};

/** The contact columns and the kind of contact each holds. */
const contactFields: readonly (readonly [ImportField, ContactValue['kind']])[] = [
  ['phone', 'phone'],
  ['email', 'email'],
  ['wechat', 'wechat'],
  ['idNumber', 'id_number'],
];

class RowErrors {
  readonly list: Rejection[] = [];
  constructor(
    readonly line: number,
    readonly name: string | null,
  ) {}
  add(column: string | null, code: IssueCode, reason: string, params?: Params): void {
    this.list.push({ line: this.line, column, reason, code, params, name: this.name });
  }
}

/** The text of a cell: trimmed string, or null when empty. Formulas and errors are not values. */
function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  if (typeof cell === 'object') return null;
  const s = String(cell).trim();
  return s === '' ? null : s;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the same control characters rules.ts refuses
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text that every text rule accepts as it is (cells are already trimmed): short, no control
 * characters, well-formed. Such values skip zod; anything else goes through the rule for its message.
 */
function plainText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 200 &&
    !controlCharacters.test(value) &&
    value.isWellFormed()
  );
}

function check<T>(
  errors: RowErrors,
  column: string,
  rule: z.ZodType<T>,
  value: unknown,
): T | undefined {
  const r = rule as z.ZodType<unknown>;
  const textRule = r === nameRule || r === optionalText;
  if (value === null && r === optionalText) return null as T;
  if (textRule && plainText(value) && value !== '') return value as T;
  const parsed = rule.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  errors.add(
    column,
    issue ? codeOf(issue).code : 'invalid',
    `${column}: ${issue?.message ?? 'invalid'}`,
    issue ? codeOf(issue).params : undefined,
  );
  return undefined;
}

const fourDigits = /^\d{4}$/;

/** A year from "1985", "1985-03", "1985年3月", "1985.3" or a date cell; undefined when unreadable. */
export function readYear(cell: Cell): number | null | undefined {
  if (cell instanceof Date) return cell.getUTCFullYear();
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : undefined;
  const s = cellText(cell);
  if (s === null) return null;
  if (fourDigits.test(s)) return Number(s);
  const m =
    /^(\d{4})(?:\s*(?:年|[-./])\s*\d{1,2}(?:\s*(?:月|[-./])\s*\d{1,2}\s*日?)?\s*月?)?(?:届|年)?$/.exec(
      s.normalize('NFKC'),
    );
  return m ? Number(m[1]) : undefined;
}

function splitList(s: string | null): string[] {
  if (!s) return [];
  return [
    ...new Set(
      s
        .split(listSeparators)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}

/** Checks one row against the mapping and the preset; never throws. */
export function parseRow(
  raw: RawRow,
  columns: ColumnMap,
  preset: Preset,
  dataset: string,
): RowResult {
  const byField = new Map<ImportField, Cell>();
  // Each cell's text, trimmed once: the rules below ask for most of them more than once.
  const texts = new Map<ImportField, string | null>();
  for (const [index, field] of columns) {
    const cell = raw.cells[index];
    byField.set(field, cell);
    texts.set(field, cellText(cell));
  }
  const get = (field: ImportField) => texts.get(field) ?? null;
  const nameCell = get('name');
  const errors = new RowErrors(raw.line, nameCell?.slice(0, 60) ?? null);
  for (const problem of raw.problems ?? []) {
    errors.add(null, problem.code, problem.reason, problem.params);
  }

  for (const [field, cell] of byField) {
    if (cell && typeof cell === 'object' && 'formula' in cell) {
      errors.add(
        field,
        'formula',
        `${field}: formula (=${cell.formula.slice(0, 40)}) — paste values instead / 公式单元格，请粘贴为数值`,
        { formula: cell.formula.slice(0, 40) },
      );
    } else if (cell && typeof cell === 'object' && 'error' in cell) {
      errors.add(field, 'sheet_error', `${field}: spreadsheet error ${cell.error}`, {
        error: cell.error,
      });
    } else if (typeof cell === 'string') {
      const first = get(field)?.[0];
      if (cell.length > maxCellLength) {
        errors.add(
          field,
          'cell_too_long',
          `${field}: ${cell.length} characters (at most ${maxCellLength}) / 内容过长`,
          { length: cell.length, max: maxCellLength },
        );
      } else if (cell.includes('\uFFFD')) {
        if (errors.list.some((e) => e.code === 'bad_encoding')) continue;
        errors.add(
          field,
          'bad_encoding',
          `${field}: undecodable characters — wrong encoding? save as UTF-8 or GB18030 / 编码错误`,
        );
      } else if ((first === '=' || first === '+' || first === '@') && field !== 'phone') {
        errors.add(
          field,
          'looks_like_formula',
          `${field}: starts with "${first}", looks like a formula / 疑似公式`,
          { char: first },
        );
      }
    }
  }
  if (errors.list.length) return { ok: false, rejections: errors.list };

  const name = check(errors, 'name', nameRule, get('name') ?? '');
  const latinName = check(errors, 'latinName', optionalText, get('latinName'));

  let gender: 'male' | 'female' | 'unknown' = 'unknown';
  const g = get('gender');
  if (g) {
    const known = genderWords[g.toLowerCase()];
    if (known) gender = known;
    else {
      errors.add('gender', 'not_gender', `gender: "${g.slice(0, 20)}" is not 男/女/male/female`, {
        value: g.slice(0, 20),
      });
    }
  }

  const years: Partial<Record<'birthYear' | 'studyFrom' | 'studyTo', number | null>> = {};
  for (const field of ['birthYear', 'studyFrom', 'studyTo'] as const) {
    const y = readYear(byField.get(field) ?? null);
    if (y === undefined) {
      const value = get(field)?.slice(0, 20) ?? '';
      errors.add(field, 'not_year', `${field}: "${value}" is not a year`, { value });
    } else if (y !== null) {
      const rule = field === 'birthYear' ? birthYear : year;
      years[field] = check(errors, field, rule, y);
    } else years[field] = null;
  }
  if (years.studyFrom != null && years.studyTo != null && years.studyTo < years.studyFrom) {
    errors.add(
      'studyTo',
      'graduated_before_enrolled',
      'studyTo: graduation before enrolment / 毕业早于入学',
    );
  }

  const categories = new Set<string>(preset.categories);
  for (const c of splitList(get('categories'))) {
    const known =
      categoryWords[c] ?? ((personCategories as readonly string[]).includes(c) ? c : undefined);
    if (known) categories.add(known);
    else {
      errors.add(
        'categories',
        'unknown_category',
        `categories: unknown category "${c.slice(0, 30)}"`,
        {
          value: c.slice(0, 30),
        },
      );
    }
  }

  let degree: string | null = null;
  const d = get('degree');
  if (d) {
    degree = degreeWords[d.toLowerCase().replace(/[\s.]/g, '')] ?? 'other';
  }

  const textField = (field: ImportField) => check(errors, field, optionalText, get(field));
  const employer = textField('employer');
  const title = textField('title');
  const almaMater = textField('almaMater');
  const major = textField('major');
  const hometown = textField('hometown');
  const currentCity = textField('currentCity');
  const fields = splitList(get('fields'));
  const tags = splitList(get('tags'));
  for (const [field, list] of [
    ['fields', fields],
    ['tags', tags],
  ] as const) {
    if (list.some((x) => x.length > 100))
      errors.add(field, 'item_too_long', `${field}: an item is over 100 characters`, { max: 100 });
  }
  if (title && !employer) {
    errors.add(
      'title',
      'title_without_employer',
      'title: given without an employer / 有职务但无单位',
    );
  }
  for (const field of preset.required) {
    if (!get(field)) errors.add(field, 'missing', `${field}: missing`);
  }

  const contacts: ContactValue[] = [];
  for (const [field, kind] of contactFields) {
    for (const value of splitList(get(field))) {
      const parsed = contactRules.safeParse({ kind, value });
      if (parsed.success) contacts.push(parsed.data as ContactValue);
      else {
        const issue = parsed.error.issues[0];
        errors.add(
          field,
          issue ? codeOf(issue).code : 'invalid',
          `${field}: ${issue?.message ?? 'invalid'}`,
        );
      }
    }
  }

  if (errors.list.length || name === undefined) return { ok: false, rejections: errors.list };

  const row: Omit<ParsedRow, 'key' | 'hash'> = {
    line: raw.line,
    person: {
      name,
      latinName: latinName ?? null,
      gender,
      birthYear: years.birthYear ?? null,
      categories: [...categories].sort(),
      tags,
    },
    hometown: hometown ?? null,
    currentCity: currentCity ?? null,
    employer: employer ? { name: employer, title: title ?? null } : null,
    almaMater: almaMater
      ? {
          name: almaMater,
          degree,
          major: major ?? null,
          from: years.studyFrom ?? null,
          to: years.studyTo ?? null,
        }
      : null,
    fields,
    contacts,
  };
  const externalId = get('externalId');
  const keyParts = externalId
    ? ['id', externalId]
    : preset.key.map((field) => {
        const v = get(field);
        return v === null
          ? ''
          : field.endsWith('Year') || field === 'studyTo'
            ? String(readYear(v))
            : nameKey(v);
      });
  const { line: _line, ...values } = row;
  return {
    ok: true,
    row: { ...row, key: `${dataset}|${keyParts.join('|')}`, hash: valueHash(values) },
  };
}
