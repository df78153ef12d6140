import { hash } from 'node:crypto';

/**
 * A short hash of a JSON value (SHA-1, base64url), stored with imported rows and dataset records to
 * tell an unchanged re-import. Changing it would make every stored hash differ once. The one-shot
 * `hash` costs about half of `createHash(...).update(...).digest(...)` per row.
 */
export function valueHash(value: unknown): string {
  return hash('sha1', JSON.stringify(value), 'base64url');
}
