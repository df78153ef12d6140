import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from './print-schema.ts';

describe('schema/schema.graphql', () => {
  it('is up to date with the code (run `npm run schema:print` after a schema change)', () => {
    const committed = readFileSync(
      join(dirname(fileURLToPath(import.meta.url)), 'schema.graphql'),
      'utf8',
    );
    expect(printSchemaFile()).toBe(committed);
  });
});
