import type { Page } from 'playwright-core';
import { importFields } from '../../schema/import/columns.ts';
import { enumWords } from '../../schema/shared/words/enum-words.ts';
import { fieldWords } from '../../schema/shared/words/field-words.ts';
import { issueWords } from '../../schema/shared/words/issue-words.ts';
import type { Db } from '../../server/db/run.ts';
import type { TestServer } from './test-server.ts';

/**
 * Finds words a screen shows untranslated: enum values and field codes of the API, and (in Chinese)
 * any run of Latin letters that is not data, an address or a known abbreviation. Used by the browser
 * test that walks every screen in both languages (test/browser/words.browser.test.ts).
 */

/**
 * Latin words a Chinese screen may show, each for a reason (kept short: every entry hides a class of
 * text from the check).
 */
const allowedInChinese = new Set([
  'TalentGraph', // the product's Latin name, beside 人才图谱 in the top bar
  'English', // the language switch names the other language in that language
  'CSV', // file formats, on export buttons and in import hints …
  'Excel',
  'PNG',
  'SVG',
  'JSON',
  'xlsx',
  'csv',
  'UTF', // … and encodings, in the advice for a badly encoded roster (UTF-8, GB18030)
  'GB',
  'GMT', // time-zone offsets (GMT+8) and UTC, written so in Chinese too
  'UTC',
  'Shift', // a key on the keyboard (按住 Shift 点选)
]);

/** Upper-case words an English screen may show that are not codes (abbreviations). */
const allowedUpper = new Set(['CSV', 'PNG', 'SVG', 'JSON', 'XLSX', 'GMT', 'UTC', 'ID', 'PDF']);

const snake = /^[A-Za-z][a-z0-9]*(?:_[A-Za-z0-9]+)+$/;
const upper = /^[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)*$/;
const camel = /^[a-z]+[A-Z][A-Za-z0-9]*$/;
const structured = (w: string) => snake.test(w) || upper.test(w) || camel.test(w);

export interface Vocabulary {
  /** Codes the API or the app use (enum values, field and argument names, problem codes). */
  codes: Set<string>;
  /** Latin words in the data (names, titles, notes, file names of dataset mappings). */
  data: Set<string>;
}

interface IntrospectionType {
  kind: string;
  name: string;
  enumValues: { name: string }[] | null;
  inputFields: { name: string }[] | null;
  fields: { name: string; args: { name: string }[] }[] | null;
}

/** The codes, read from the schema by introspection, and the words of the data, read from the graph. */
export async function vocabulary(server: TestServer): Promise<Vocabulary> {
  const res = await server.gql<{ __schema: { types: IntrospectionType[] } }>(
    `{ __schema { types { kind name enumValues { name } inputFields { name }
         fields { name args { name } } } } }`,
    {},
    { role: 'admin' },
  );
  const codes = new Set<string>();
  for (const type of res.data?.__schema.types ?? []) {
    if (type.name.startsWith('__')) continue;
    for (const v of type.enumValues ?? []) codes.add(v.name);
    for (const f of type.inputFields ?? []) codes.add(f.name);
    for (const f of type.fields ?? []) {
      codes.add(f.name);
      for (const a of f.args) codes.add(a.name);
    }
  }
  // Coded values that are strings in the schema, and the app's own codes.
  for (const table of Object.values(enumWords)) for (const v of Object.keys(table)) codes.add(v);
  for (const name of [...Object.keys(fieldWords), ...Object.keys(issueWords), ...importFields]) {
    codes.add(name);
  }
  for (const kind of ['DERIVED_TIE', 'PART_OF', 'SUBFIELD_OF', 'INVITED_TO']) codes.add(kind);
  return { codes, data: await dataWords(server) };
}

/** Every Latin word in the text of the graph and the outreach records (what screens show as data). */
async function dataWords(server: TestServer): Promise<Set<string>> {
  const words = new Set<string>();
  const add = (text: unknown) => {
    if (typeof text === 'string') for (const w of latinWords(text)) words.add(w);
    else if (Array.isArray(text)) for (const t of text) add(t);
  };
  const rows = await (server.db as Db).read<{ texts: unknown[] }>(
    `MATCH (n) WHERE n:Person OR n:Organization OR n:Place OR n:Field OR n:Project OR n:Event
       OR n:Segment OR n:PersonList OR n:Account OR n:Team OR n:Source OR n:SavedView
       OR n:Introduction OR n:FollowUp OR n:Contact OR n:Need OR n:StageMove
     RETURN [n.name, n.latinName, n.aliases, n.title, n.venue, n.note, n.bio, n.honours,
             n.description, n.url, n.value, n.email, n.fileName] AS texts
     UNION ALL
     MATCH ()-[r:WORKED_AT|STUDIED_AT|MEMBER_OF|LEADS]->()
     RETURN [r.title, r.major, r.role] AS texts`,
  );
  for (const r of rows) add(r.texts);
  const mappings = await server.gql<{
    datasetMappings: { name: string; dataset: string; files: string[]; description: string }[];
  }>('{ datasetMappings { name dataset files description } }', {}, { role: 'admin' });
  for (const m of mappings.data?.datasetMappings ?? [])
    add([m.name, m.dataset, m.files, m.description]);
  return words;
}

/** The Latin words of a text, once e-mail addresses, web addresses and file paths are taken out. */
function latinWords(text: string): string[] {
  const plain = text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+\.(?:csv|xlsx|json|txt)\b/gi, ' ');
  return plain.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
}

/** Everything a screen shows or says: its text, and the labels, titles and placeholders of what is visible. */
export function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll<HTMLElement>(
      '[aria-label],[title],[placeholder],[alt]',
    )) {
      if (!el.checkVisibility()) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

export interface Untranslated {
  word: string;
  why: 'code' | 'latin';
  context: string;
}

/**
 * The words of `text` that are not in the screen's language: in both languages any code of the API
 * written as a code (snake_case, UPPER_CASE, camelCase); in English also any other snake_case or
 * camelCase word that is not data; in Chinese any other Latin word that is not data or allowed.
 */
export function untranslated(text: string, lang: 'zh' | 'en', words: Vocabulary): Untranslated[] {
  const found = new Map<string, Untranslated>();
  for (const line of text.split('\n')) {
    for (const word of latinWords(line)) {
      if (found.has(word)) continue;
      const context = line.trim().slice(0, 120);
      const isCode = structured(word) && words.codes.has(word) && !allowedUpper.has(word);
      if (isCode) {
        found.set(word, { word, why: 'code', context });
      } else if (lang === 'en') {
        if ((snake.test(word) || camel.test(word)) && !words.data.has(word)) {
          found.set(word, { word, why: 'code', context });
        }
      } else if (!words.data.has(word) && !allowedInChinese.has(word)) {
        found.set(word, { word, why: 'latin', context });
      }
    }
  }
  return [...found.values()];
}
