import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root, found by walking up from this module to package.json: the same answer from
 * server/paths.ts under tsx and from the server bundle (server/dist/main.mjs, server/build.mjs), so
 * no module counts `../` from its own place.
 */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository, e.g. `repoPath('web', 'dist')`. */
export const repoPath = (...parts: string[]) => join(repoRoot, ...parts);
