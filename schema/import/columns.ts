/**
 * Roster columns: the fields a row can carry, the ready-made presets, and recognition of common
 * Chinese and English headers (姓名, 单位, 职务, 毕业院校, 籍贯 ...). Pure.
 */

import type { IssueCode, Params } from '../shared/words/words.ts';

/** What a column can hold. Contacts go to personal-data nodes, never onto the Person. */
export const importFields = [
  'externalId',
  'name',
  'latinName',
  'gender',
  'birthYear',
  'hometown',
  'currentCity',
  'employer',
  'title',
  'almaMater',
  'degree',
  'major',
  'studyFrom',
  'studyTo',
  'fields',
  'categories',
  'tags',
  'phone',
  'email',
  'wechat',
  'idNumber',
] as const;
export type ImportField = (typeof importFields)[number];

export function isImportField(value: string): value is ImportField {
  return (importFields as readonly string[]).includes(value);
}

// biome-ignore format: one field per line reads best
const headerWords: Record<ImportField, readonly string[]> = {
  externalId: ['编号', '学号', '工号', '人员编号', '人才编号', 'id', 'record id', 'student id', 'external id'],
  name: ['姓名', '名字', '中文名', '中文姓名', '人才姓名', '校友姓名', 'name', 'full name', 'chinese name'],
  latinName: ['英文名', '拼音', '英文姓名', '姓名拼音', 'latin name', 'english name', 'pinyin', 'name (english)'],
  gender: ['性别', 'gender', 'sex'],
  birthYear: ['出生年份', '出生年', '出生年月', '出生日期', '生年', 'birth year', 'year of birth', 'born', 'birthday', 'date of birth'],
  hometown: ['籍贯', '家乡', '出生地', '祖籍', 'hometown', 'native place', 'birthplace', 'place of origin'],
  currentCity: ['现居城市', '所在城市', '现居地', '工作城市', '常住地', '所在地', '城市', 'current city', 'city', 'location', 'lives in'],
  employer: ['单位', '工作单位', '现工作单位', '任职单位', '现单位', '所在单位', '公司', '工作单位名称', 'employer', 'organization', 'organisation', 'company', 'workplace', 'affiliation'],
  title: ['职务', '职称', '职位', '现任职务', '职务职称', 'title', 'position', 'job title', 'role'],
  almaMater: ['毕业院校', '毕业学校', '院校', '学校', '母校', 'alma mater', 'university', 'school', 'college'],
  degree: ['学历', '学位', '最高学历', '最高学位', 'degree', 'education'],
  major: ['专业', '院系', '所学专业', '学院', 'major', 'department', 'faculty'],
  studyFrom: ['入学年份', '入学年', '入学时间', '入校年份', 'enrolled', 'start year', 'enrolment year', 'enrollment year'],
  studyTo: ['毕业年份', '毕业年', '毕业时间', '届别', '届', 'graduation year', 'class of', 'graduated'],
  fields: ['领域', '研究领域', '专业领域', '行业', '研究方向', '擅长领域', 'fields', 'field', 'expertise', 'research area', 'industry'],
  categories: ['类别', '人才类别', '分类', '人才类型', 'category', 'categories', 'talent category'],
  tags: ['标签', 'tags', 'tag', 'labels'],
  phone: ['手机', '电话', '手机号', '手机号码', '联系电话', '联系方式', 'phone', 'mobile', 'tel', 'telephone'],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', 'email', 'e-mail', 'mail'],
  wechat: ['微信', '微信号', 'wechat', 'wechat id', 'weixin'],
  idNumber: ['身份证号', '身份证', '身份证号码', '证件号', '证件号码', 'id number', 'id card', 'passport'],
};

/** Header text as compared: NFKC (full-width to half-width), lower case, no spaces or punctuation. */
function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_:：*()（）[\]【】]+/g, '')
    .trim();
}

const byHeader = new Map<string, ImportField>();
for (const field of importFields) {
  for (const word of headerWords[field]) byHeader.set(headerKey(word), field);
}

/** The field a header names, or null when it is not a known header. */
export function recognizeHeader(header: string): ImportField | null {
  return byHeader.get(headerKey(header)) ?? null;
}

/** A preset: how to read a kind of roster. */
export interface Preset {
  description: string;
  /** Fields a row must have (besides the name). */
  required: readonly ImportField[];
  /**
   * The fields whose values identify a row across imports when there is no `externalId` column: a
   * re-import with other values in the remaining columns updates the same person.
   */
  key: readonly ImportField[];
  /** Categories every imported person gets. */
  categories: readonly string[];
}

export const presets = {
  alumni: {
    description: 'alumni roster (校友名录): name, alma mater, degree, years, employer, city',
    required: ['almaMater'],
    key: ['name', 'almaMater', 'studyTo', 'birthYear'],
    categories: ['alumnus'],
  },
  talent: {
    description:
      'talent database (人才库 / 在外人才): name, birth year, hometown, employer, fields',
    required: [],
    key: ['name', 'birthYear', 'hometown'],
    categories: [],
  },
} as const satisfies Record<string, Preset>;
export type PresetName = keyof typeof presets;
export const presetNames = Object.keys(presets) as PresetName[];

/** Column index -> field. */
export type ColumnMap = Map<number, ImportField>;

export interface MappingResult {
  columns: ColumnMap;
  /** Headers we could not place (ignored, reported in the preview). */
  ignored: string[];
  /** Problems that stop the whole file (no name column, a field mapped twice). */
  problems: FileProblem[];
}

/** A problem with a whole file: in English (`reason`), and as a code with its values. */
export interface FileProblem {
  reason: string;
  code: IssueCode;
  params?: Params;
}

/**
 * Maps the header row to fields: an explicit `overrides` entry (header text or 1-based column number
 * -> field, or '' to ignore a column) wins over recognition.
 */
export function mapColumns(
  headers: readonly string[],
  preset: Preset,
  overrides: Readonly<Record<string, string>> = {},
): MappingResult {
  const columns: ColumnMap = new Map();
  const ignored: string[] = [];
  const problems: FileProblem[] = [];
  const overrideByKey = new Map(Object.entries(overrides).map(([k, v]) => [headerKey(k), v]));
  const seen = new Map<ImportField, string>();
  headers.forEach((header, index) => {
    const explicit = overrideByKey.get(String(index + 1)) ?? overrideByKey.get(headerKey(header));
    if (explicit !== undefined && explicit !== '' && !isImportField(explicit)) {
      problems.push({
        reason: `column "${header}": unknown field "${explicit}"`,
        code: 'column_unknown_field',
        params: { column: header, field: explicit },
      });
      return;
    }
    const field = explicit === undefined ? recognizeHeader(header) : explicit || null;
    if (!field) {
      if (header.trim()) ignored.push(header);
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      problems.push({
        reason: `columns "${earlier}" and "${header}" both map to ${field}`,
        code: 'columns_same_field',
        params: { first: earlier, second: header, field: { enum: 'field', value: field } },
      });
      return;
    }
    seen.set(field, header);
    columns.set(index, field as ImportField);
  });
  for (const field of ['name', ...preset.required] as ImportField[]) {
    if (!seen.has(field)) {
      problems.push({
        reason: `no column for ${field} / 缺少"${headerWords[field][0]}"列`,
        code: 'missing_column',
        params: { field: { enum: 'field', value: field } },
      });
    }
  }
  return { columns, ignored, problems };
}
