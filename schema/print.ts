// Writes schema/schema.graphql and web/graphql-env.d.ts (both committed, so API changes show up as a
// reviewed diff, and the web app's documents are type-checked against the schema).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaFile, printWebSchemaTypes } from './print-schema.ts';

for (const [path, text] of [
  ['./schema.graphql', printSchemaFile()],
  ['../web/graphql-env.d.ts', printWebSchemaTypes()],
] as const) {
  const file = fileURLToPath(new URL(path, import.meta.url));
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
