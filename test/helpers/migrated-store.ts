import { cpSync } from 'node:fs';
import { inject } from 'vitest';

/**
 * Copies the run's migrated, empty Neo4j store (made once by test/setup/global-setup.ts) into `home`,
 * for a test file that runs a local Neo4j of its own: started there, it has the app's schema and
 * reference places without the migrations of an empty database (~20 s on 2 cores). Not for a test of
 * a restore into an empty database: every copy has the reference places under the same ids.
 */
export function copyMigratedStore(home: string): void {
  cpSync(inject('migratedStore'), home, { recursive: true });
}
