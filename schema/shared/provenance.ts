import { z } from 'zod';
import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { NotFoundError } from './errors.ts';
import { idOf } from './global-id.ts';
import { text, url } from './rules.ts';
import { parseInput } from './validate.ts';

export const sourceKinds = ['roster', 'import', 'article', 'user', 'seed'] as const;

/** Where a fact came from: an existing Source by id, or a new one described here. */
export interface SourceInput {
  id?: string | null;
  kind?: (typeof sourceKinds)[number] | null;
  title?: string | null;
  url?: string | null;
}

const newSource = z
  .object({
    kind: z.enum(sourceKinds).nullish(),
    title: text(300).nullish(),
    url: url.nullish(),
  })
  .refine((s) => s.title || s.url, { message: 'needs an id, a title or a url', path: ['title'] });

/**
 * The Source id for a write: the given existing source, a new Source node made from the description
 * (recorded as entered by `actor`), or null when no source was given (the fact is then "unsourced").
 */
export async function resolveSourceId(
  tx: Tx,
  input: SourceInput | null | undefined,
  actor: string,
  path: string[] = ['source'],
): Promise<string | null> {
  if (!input) return null;
  if (input.id) {
    const { id } = idOf(input.id, ['Source'], [...path, 'id']);
    const found = await tx.run('MATCH (s:Source {id: $id}) RETURN s.id AS id', { id });
    if (!found.length) throw new NotFoundError('Source', input.id, [...path, 'id']);
    return id;
  }
  const source = parseInput(newSource, input, path);
  const id = ulid();
  await tx.run(
    `CREATE (:Source {id: $id, kind: $kind, title: $title, url: $url, createdAt: datetime(), createdBy: $actor})`,
    {
      id,
      kind: source.kind ?? 'user',
      title: source.title ?? null,
      url: source.url ?? null,
      actor,
    },
  );
  return id;
}
