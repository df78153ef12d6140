import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../server/db/run.ts';

/** The sheets of a base64 .xlsx file: name and rows of cell values (numbers stay numbers, empty is null). */
export async function xlsxSheets(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => v ?? null)));
    return { name: sheet.name, rows };
  });
}

/** Counts per file and a checksum of every exported file except the manifest (it has a timestamp). */
export function exportDigest(dir: string) {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const file of readdirSync(dir).sort()) {
    if (file === 'manifest.json') continue;
    const text = readFileSync(join(dir, file), 'utf8');
    counts[file] = text.split('\n').filter((l) => l.trim()).length;
    hash.update(file).update(text);
  }
  return { counts, checksum: hash.digest('hex') };
}

/** Temporary folders for a test file: `make()` creates one, `removeAll()` deletes them. */
export function tempFolders(prefix: string) {
  const dirs: string[] = [];
  return {
    make(): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    removeAll(): void {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Labels a full backup leaves out on purpose (secrets, and the target's own migration records). */
export const notBackedUp = ['Session', 'ExportLink', 'Migration'];

/**
 * Counts per label and relationship type, and a checksum of every node (labels, properties with their
 * Cypher types) and relationship (type, end ids, properties), as one database holds them now. Derived
 * ties are compared as undirected (they are recomputed, and either end may be stored first).
 */
export async function graphDigest(db: Db) {
  const nodes = await db.read<{
    labels: string[];
    props: Record<string, unknown>;
    types: string[][];
  }>(
    `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $skip)
     RETURN labels(n) AS labels, properties(n) AS props,
            [k IN keys(n) | [k, valueType(n[k])]] AS types`,
    { skip: notBackedUp },
  );
  const ties = await db.read<{
    type: string;
    a: string;
    b: string;
    props: Record<string, unknown>;
    types: string[][];
  }>(
    `MATCH (x)-[r]->(y) WHERE none(l IN labels(x) + labels(y) WHERE l IN $skip)
     RETURN type(r) AS type, x.id AS a, y.id AS b, properties(r) AS props,
            [k IN keys(r) | [k, valueType(r[k])]] AS types`,
    { skip: notBackedUp },
  );
  const canonical = (props: Record<string, unknown>, types: string[][]) =>
    JSON.stringify(
      types
        .filter(([k]) => k !== 'passwordHash')
        .sort(([a], [b]) => String(a).localeCompare(String(b)))
        .map(([k, t]) => {
          const v = props[k as string];
          return [k, t, v !== null && typeof v === 'object' && !Array.isArray(v) ? String(v) : v];
        }),
    );
  const counts: Record<string, number> = {};
  const lines: string[] = [];
  for (const n of nodes) {
    const label = [...n.labels].sort().join(':');
    counts[label] = (counts[label] ?? 0) + 1;
    lines.push(`${label} ${canonical(n.props, n.types)}`);
  }
  for (const t of ties) {
    counts[`-${t.type}-`] = (counts[`-${t.type}-`] ?? 0) + 1;
    const ends = t.type === 'DERIVED_TIE' ? [t.a, t.b].sort().join('~') : `${t.a}>${t.b}`;
    lines.push(`-${t.type}- ${ends} ${canonical(t.props, t.types)}`);
  }
  lines.sort();
  return {
    counts,
    lines,
    checksum: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}
