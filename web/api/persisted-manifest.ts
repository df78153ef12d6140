import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Plugin, runnerImport } from 'vite';
import type { WebOperation } from './all-operations.ts';

/** Where the built web app keeps the manifest; the server reads it at start (production). */
const manifestFileName = 'persisted-operations.json';

/** SHA-256 of an operation's text → the text: the persisted-documents format. */
export function persistedManifest(operations: readonly WebOperation[]): Record<string, string> {
  return Object.fromEntries(
    operations.map((op) => [createHash('sha256').update(op.query).digest('hex'), op.query]),
  );
}

/**
 * Writes web/dist/persisted-operations.json during `vite build`: every operation of
 * web/api/all-operations.ts, loaded through Vite's module runner (so the build needs no other
 * tool). In production the server lets browser sessions send only these.
 */
export function persistedOperationsPlugin(): Plugin {
  const list = fileURLToPath(new URL('./all-operations.ts', import.meta.url));
  return {
    name: 'talentgraph-persisted-operations',
    apply: 'build',
    async generateBundle() {
      const { module } = await runnerImport<typeof import('./all-operations.ts')>(list, {
        configFile: false,
        logLevel: 'error',
      });
      this.emitFile({
        type: 'asset',
        fileName: manifestFileName,
        source: `${JSON.stringify(persistedManifest(module.allOperations), null, 2)}\n`,
      });
    },
  };
}
