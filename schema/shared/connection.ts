import { ValidationError } from './errors.ts';

/** Most items one page may ask for; larger `first` values are refused, not silently cut. */
const maxPageSize = 200;
const defaultPageSize = 50;

/** A keyset cursor: the sort key of the last row seen (never an offset, so deep pages stay fast). */
export type CursorKey = (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, path = ['after']): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key)) return key as CursorKey;
  } catch {
    // fall through to the typed error
  }
  throw new ValidationError([
    { path, code: 'bad_cursor', message: 'is not a cursor returned by this API' },
  ]);
}

/**
 * `first` of a list: `fallback` when absent, a ValidationError naming `path` outside `min..max`. The
 * one paging rule for every list, plain or connection: out of range is refused, never silently cut.
 */
export function readFirst(
  first: number | null | undefined,
  {
    fallback,
    max,
    min = 1,
    path = ['first'],
  }: { fallback: number; max: number; min?: number; path?: string[] },
): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < min || size > max) {
    throw new ValidationError([
      {
        path,
        code: 'out_of_range',
        params: { min, max },
        message: `must be between ${min} and ${max}`,
      },
    ]);
  }
  return size;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Checks relay paging arguments; returns the page size and the decoded `after` key. */
export function readPageArgs(args: PageArgs): { size: number; after: CursorKey | null } {
  if (args.last != null || args.before != null) {
    throw new ValidationError([
      {
        path: ['last'],
        code: 'backward_paging',
        message: 'backward paging is not supported; page forward with first/after',
      },
    ]);
  }
  const size = readFirst(args.first, { fallback: defaultPageSize, max: maxPageSize, min: 0 });
  return { size, after: args.after ? decodeCursor(args.after) : null };
}

/**
 * Builds a relay connection from one more row than asked for (`rows.length > size` means there is a
 * next page) and the total.
 */
export function toConnection<T>(
  rows: T[],
  size: number,
  totalCount: number,
  keyOf: (row: T) => CursorKey,
) {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
