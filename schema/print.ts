// Writes schema/schema.graphql (committed, so API changes show up as a reviewed diff).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from './print-schema.ts';

const file = join(dirname(fileURLToPath(import.meta.url)), 'schema.graphql');
writeFileSync(file, printSchemaFile());
console.log(`wrote ${file}`);
