import { ValidationError } from './errors.ts';

/**
 * Global ids read as `Person:01J…` (typename, colon, our ULID): opaque to clients by contract, but
 * readable in logs, exports and URLs.
 */
export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return `${typename}:${id}`;
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const at = globalId.indexOf(':');
  return at < 0
    ? { typename: '', id: globalId }
    : { typename: globalId.slice(0, at), id: globalId.slice(at + 1) };
}

/**
 * Our id from a global id of one of the `expected` types; a ValidationError naming `path` otherwise.
 */
export function idOf<K extends string>(
  globalId: string,
  expected: readonly K[],
  path: string[],
): { kind: K; id: string } {
  const { typename, id } = decodeGlobalId(globalId);
  if (!(expected as readonly string[]).includes(typename) || !/^[0-9A-Za-z_-]{1,64}$/.test(id)) {
    throw new ValidationError([
      {
        path,
        code: 'wrong_id',
        message: `must be the id of a ${expected.join(' or ')} (got "${globalId.slice(0, 80)}")`,
      },
    ]);
  }
  return { kind: typename as K, id };
}
