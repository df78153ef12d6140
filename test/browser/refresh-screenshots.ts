/**
 * `npm run screenshots`: copies the screenshots the README shows (web/screenshots/*.png, as linked
 * from README.md) from the last browser test run (test/.artifacts/screenshots/) into web/screenshots/.
 * The tests never write into the tracked folder; refreshing the README's pictures is a choice.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenshots } from '../helpers/browser-app.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const shown = [
  ...new Set([...readme.matchAll(/web\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1])),
];
const missing: string[] = [];
for (const name of shown as string[]) {
  const from = join(screenshots, name);
  if (!existsSync(from)) {
    missing.push(name);
    continue;
  }
  copyFileSync(from, join(root, 'web', 'screenshots', name));
  console.log(`web/screenshots/${name}`);
}
if (missing.length) {
  console.error(
    `not in test/.artifacts/screenshots (run the browser tests first: npx vitest run test/browser): ${missing.join(', ')}`,
  );
  process.exit(1);
}
