import { type EnumKind, enumKinds, enumWords } from './enum-words.ts';
import { fieldWords } from './field-words.ts';
import { type IssueCode, issueWords } from './issue-words.ts';

/**
 * The words both ends share: coded values, field names and problems, in Chinese and English. The web
 * app joins `catalogue(lang)` into its messages (web/app/catalogue.ts); the server writes files in the
 * requester's language with the functions below (the language of a request: server/lang.ts).
 */
export type Lang = 'zh' | 'en';

const column = { zh: 0, en: 1 } as const;

type Pairs = Record<string, readonly [string, string]>;
type Flat<P extends string, T extends Pairs> = { [V in keyof T & string as `${P}.${V}`]: string };
type EnumCatalogue = {
  [K in EnumKind]: Flat<K, (typeof enumWords)[K]>;
}[EnumKind];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

/** Every shared message key: `<kind>.<value>`, `field.<name>`, `issue.<code>`. */
export type SharedCatalogue = UnionToIntersection<EnumCatalogue> &
  Flat<'field', typeof fieldWords> &
  Flat<'issue', typeof issueWords>;

function flatten(prefix: string, table: Pairs, lang: Lang, out: Record<string, string>): void {
  for (const [key, pair] of Object.entries(table)) out[`${prefix}.${key}`] = pair[column[lang]];
}

/** The shared words of one language as message keys, for the web app's catalogue. */
export function catalogue(lang: Lang): SharedCatalogue {
  const out: Record<string, string> = {};
  for (const [kind, table] of Object.entries(enumWords)) flatten(kind, table, lang, out);
  flatten('field', fieldWords, lang, out);
  flatten('issue', issueWords, lang, out);
  return out as SharedCatalogue;
}

/** A coded value in words (the value itself when it has none, so a gap shows). */
export function enumWord(lang: Lang, kind: EnumKind, value: string): string {
  const pair = (enumWords[kind] as Pairs)[value];
  return pair ? pair[column[lang]] : value;
}

/** A field's name in words (the name itself when it has none). */
export function fieldWord(lang: Lang, name: string): string {
  const pair = (fieldWords as Pairs)[name];
  return pair ? pair[column[lang]] : name;
}

/** A parameter of a problem: text, a number, or a coded value of a GraphQL enum (put in words). */
export type Param = string | number | { enum: string; value: string };
export type Params = Record<string, Param>;

/** A coded value of the GraphQL enum `name` (or `field`: a field's name), as a problem's parameter. */
export const enumParam = (name: string, value: string): Param => ({ enum: name, value });

/** A parameter's value in words: coded values of known enums, and field names, translated. */
function paramWord(lang: Lang, param: Param): string {
  if (typeof param !== 'object') return String(param);
  if (param.enum === 'field') return fieldWord(lang, param.value);
  const kind = enumKinds[param.enum];
  return kind ? enumWord(lang, kind, param.value) : param.value;
}

/** `{name}` placeholders filled from `params` (a missing one stays as it is). */
function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => params[name] ?? all);
}

/** A problem in words: "field: what is wrong" (the field is the last named step of `path`). */
export function issueText(
  lang: Lang,
  issue: { code: IssueCode; params?: Params; path?: readonly string[] },
): string {
  const params = Object.fromEntries(
    Object.entries(issue.params ?? {}).map(([k, v]) => [k, paramWord(lang, v)]),
  );
  const text = fill(issueWords[issue.code][column[lang]], params);
  const field = fieldOfPath(issue.path ?? []);
  return field ? `${fieldWord(lang, field)}${lang === 'zh' ? '：' : ': '}${text}` : text;
}

/** The field a path names: its last step that is not a list index or the `input` wrapper. */
export function fieldOfPath(path: readonly string[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i] as string;
    if (!/^\d+$/.test(step) && step !== 'input') return step;
  }
  return null;
}

export type { EnumKind, IssueCode };
