import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaFile, printWebSchemaTypes } from './print-schema.ts';

const committed = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the printed schema (run `npm run schema:print` after a schema change)', () => {
  it('schema/schema.graphql is up to date with the code', () => {
    expect(printSchemaFile()).toBe(committed('./schema.graphql'));
  });

  it('web/graphql-env.d.ts, which types the web app’s documents, is up to date too', () => {
    expect(printWebSchemaTypes()).toBe(committed('../web/graphql-env.d.ts'));
  });
});
