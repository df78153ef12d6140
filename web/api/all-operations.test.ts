import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allOperations } from './all-operations.ts';

/** Each operation the web app sends must be valid against the printed schema. */
const schema = buildSchema(
  readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'),
);
const webRoot = fileURLToPath(new URL('../', import.meta.url));

describe('web operations against schema/schema.graphql', () => {
  it('finds every feature’s operations', () => {
    expect(allOperations.length).toBeGreaterThan(50);
    expect(allOperations.map((op) => op.name)).toContain('Login');
  });

  it('names each operation once (the name says which screen sent it)', () => {
    const names = allOperations.map((op) => op.name);
    expect(names.filter((name) => !name)).toEqual([]);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it.each(allOperations.map((op) => [op.name, op.query]))('%s is valid', (_name, query) => {
    const errors = validate(schema, parse(query)).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('catches a field the schema does not have', () => {
    const errors = validate(schema, parse('{ search(text: "x") { entity { nickname } } }'));
    expect(errors.length).toBeGreaterThan(0);
  });

  it('keeps documents in queries.ts files (the build and these tests read only those)', () => {
    const written = readdirSync(webRoot, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !/\.(test|type-test)\.ts$/.test(file))
      .filter((file) => /\bgraphql\(\s*`/.test(readFileSync(join(webRoot, file), 'utf8')))
      .map((file) => relative(webRoot, join(webRoot, file)))
      .filter((file) => !/(^|\/)queries\.ts$/.test(file) && file !== 'api/fragments.ts');
    expect(written).toEqual([]);
  });
});
