import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { degrees } from '../../tie/tie-kinds.ts';
import { enumKinds, enumWords } from './enum-words.ts';
import { fieldWords } from './field-words.ts';
import { issueWords } from './issue-words.ts';
import { catalogue, issueText } from './words.ts';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the shared words', () => {
  it('have words in both languages for every value of each enum the API shows', () => {
    for (const [name, kind] of Object.entries(enumKinds)) {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
      const values = type.getValues().map((v) => v.name);
      expect(Object.keys(enumWords[kind]).sort(), name).toEqual(values.sort());
    }
    expect(Object.keys(enumWords.degree).sort()).toEqual([...degrees].sort());
  });

  it('name every input field and mutation argument of the schema', () => {
    const names = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (isInputObjectType(type)) for (const f of Object.keys(type.getFields())) names.add(f);
    }
    for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
      for (const arg of field.args) names.add(arg.name);
    }
    expect([...names].filter((n) => !(n in fieldWords))).toEqual([]);
  });

  it('say each problem with the same placeholders in both languages', () => {
    for (const [code, [zh, en]] of Object.entries(issueWords)) {
      expect(placeholders(en), code).toEqual(placeholders(zh));
      // Chinese words with no English in them but placeholders and file names (.csv, UTF-8 …).
      const rest = zh.replace(/\{\w+\}|JSON|UTF-8|GB18030|https?|\.csv|\.xlsx/g, '');
      expect(rest, code).not.toMatch(/[A-Za-z]{2,}/);
    }
    for (const lang of ['zh', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogue(lang))) expect(text, key).not.toBe('');
    }
  });

  it('put a problem in words, field first and coded values translated', () => {
    const issue = {
      code: 'stage_move' as const,
      path: ['input', 'stage'],
      params: {
        from: { enum: 'IntroductionStage', value: 'contacted' },
        to: { enum: 'IntroductionStage', value: 'landed' },
      },
    };
    expect(issueText('zh', issue)).toBe('阶段：不能从「已联系」直接移到「已落地」');
    expect(issueText('en', issue)).toBe(
      'Stage: an introduction cannot move from Contacted to Landed',
    );
    expect(
      issueText('zh', { code: 'too_long', path: ['aliases', '3'], params: { max: 200 } }),
    ).toBe('别名：最多 200 个字符');
  });
});
