import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
