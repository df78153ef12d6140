/**
 * Builds the web app (Vite, into web/dist) only when its sources changed: a SHA-256 of every file of
 * web/ (but dist/ and screenshots/) and of package-lock.json is kept in web/dist/.source-hash, so
 * `npm start` after an unchanged checkout skips the build (1–2 min on a busy machine). Run by npm's
 * postinstall, by the server's start (server/main.ts, while the local Neo4j starts) and by the test run's
 * global setup.
 *
 * `npm run build:web` (server/cli/build-web.ts) runs it from the command line.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repoPath } from '../paths.ts';

const webRoot = repoPath('web');
const lockFile = repoPath('package-lock.json');
const distDir = join(webRoot, 'dist');
const stampFile = join(distDir, '.source-hash');
const notSources = new Set(['dist', 'screenshots', 'node_modules']);

/** Relative imports of a module (`from '../x.ts'`, `import('./y.ts')`), resolved to paths. */
function relativeImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)];
  return specifiers.map((m) => resolve(dirname(path), m[1] as string));
}

/**
 * The content hash of the web app's sources, the modules outside web/ that they import (the shared
 * words and rules in schema/, followed import by import), and the lock file (dependency versions).
 */
function webSourceHash(): string {
  const hash = createHash('sha256');
  const outside = new Set<string>();
  const follow = (path: string) => {
    for (const target of relativeImports(path)) {
      if (target.startsWith(`${webRoot}${sep}`) || outside.has(target) || !existsSync(target))
        continue;
      outside.add(target);
      follow(target);
    }
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!notSources.has(entry.name)) walk(path);
      } else if (entry.isFile() && !entry.name.endsWith('.test.ts')) {
        hash.update(relative(webRoot, path)).update('\0').update(readFileSync(path)).update('\0');
        if (/\.tsx?$/.test(entry.name)) follow(path);
      }
    }
  };
  walk(webRoot);
  for (const path of [...outside].sort()) {
    hash.update(relative(webRoot, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  if (existsSync(lockFile)) hash.update(readFileSync(lockFile));
  return hash.digest('hex');
}

/** Builds web/dist unless it was built from these very sources; says which it did. */
export async function ensureWebBuilt(
  log: (line: string) => void = () => {},
): Promise<'built' | 'up to date'> {
  const sourceHash = webSourceHash();
  const builtFrom = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (builtFrom === sourceHash && existsSync(join(distDir, 'index.html'))) return 'up to date';
  log('web app: building (its sources changed)…');
  const started = performance.now();
  // Vite is a build tool: loaded only when there is something to build.
  const { build } = await import('vite');
  await build({ root: webRoot, logLevel: 'warn' });
  writeFileSync(stampFile, `${sourceHash}\n`);
  log(`web app: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}
