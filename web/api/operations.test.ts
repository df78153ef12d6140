import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from './operations.ts';

/** Each operation the web app sends must be valid against the printed schema. */
const schema = buildSchema(
  readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'),
);

const all = Object.entries(operations).filter(
  (entry): entry is [string, { query: string }] =>
    typeof entry[1] === 'object' && entry[1] !== null && 'query' in entry[1],
);

describe('web operations against schema/schema.graphql', () => {
  it('has operations to check', () => {
    expect(all.length).toBeGreaterThanOrEqual(9);
  });

  it.each(all)('%s is valid', (_name, op) => {
    const errors = validate(schema, parse(op.query)).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('catches a field the schema does not have', () => {
    const errors = validate(schema, parse('{ search(text: "x") { entity { nickname } } }'));
    expect(errors.length).toBeGreaterThan(0);
  });
});
