import type { InputObjectRef, ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { builder } from '../builder.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { mutationErrors } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { resolveSourceId } from '../shared/provenance.ts';
import { SourceInputRef } from '../shared/source-input.graphql.ts';
import { parseInput } from '../shared/validate.ts';
import { loadEntity } from './entity.loaders.ts';
import type { EntityOf } from './entity.model.ts';
import { createEntity, type EntityProps, updateEntity } from './entity-write.ts';

type Types = typeof builder.$inferSchemaTypes;

export interface CrudOptions<K extends EntityKind, S extends z.ZodObject> {
  kind: K;
  ref: ObjectRef<Types, EntityOf<K>>;
  createInput: InputObjectRef<Types, Record<string, unknown>>;
  patchInput: InputObjectRef<Types, Record<string, unknown>>;
  /** The rules for every input field; the patch uses the same rules with every field optional. */
  rules: S;
  /**
   * Splits a parsed input into stored properties and ties kept with the entity (a place's parent, an
   * organisation's location), which `writeLinks` sets in the same transaction.
   */
  links?: readonly (keyof z.output<S> & string)[];
  writeLinks?: (tx: Tx, id: string, links: Record<string, unknown>, ctx: Context) => Promise<void>;
  /** Values stored when a create leaves a field out, and when an update clears it (null). */
  defaults?: EntityProps;
}

/**
 * Registers `create<Kind>` and `update<Kind>` for an entity kind: validate, then one write transaction
 * (source, entity, its links, history), then read back. Every failure is a typed error and changes
 * nothing.
 */
export function defineCreateUpdate<K extends EntityKind, S extends z.ZodObject>(
  options: CrudOptions<K, S>,
): void {
  const { kind, ref, rules, links = [], writeLinks, defaults = {} } = options;
  const patchRules = rules.partial();

  const split = (parsed: Record<string, unknown>, create: boolean) => {
    const props: EntityProps = {};
    for (const [key, value] of Object.entries(defaults)) {
      if (create ? parsed[key] == null : parsed[key] === null) props[key] = value;
    }
    const linked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if ((links as readonly string[]).includes(key)) linked[key] = value;
      else if (!(key in props)) props[key] = value;
    }
    return { props, linked };
  };

  const write = async (
    ctx: Context,
    source: Parameters<typeof resolveSourceId>[1],
    work: (tx: Tx, sourceId: string | null) => Promise<string>,
  ) => {
    const id = await ctx.db.writeTx(async (tx) =>
      work(tx, await resolveSourceId(tx, source, ctx.actor)),
    );
    const entity = await loadEntity(ctx, kind, id);
    if (!entity) throw new Error(`${kind} ${id} could not be read back after a write`);
    return entity;
  };

  builder.mutationField(`create${kind}`, (t) =>
    t.field({
      type: ref,
      authScopes: { editor: true },
      errors: { types: mutationErrors },
      args: {
        input: t.arg({ type: options.createInput, required: true }),
        source: t.arg({ type: SourceInputRef, required: false }),
      },
      resolve: (_root, args, ctx) => {
        const { props, linked } = split(parseInput(rules, args.input, ['input']), true);
        return write(ctx, args.source, async (tx, sourceId) => {
          const id = await createEntity(tx, kind, props, { actor: ctx.actor, sourceId });
          if (writeLinks) await writeLinks(tx, id, linked, ctx);
          return id;
        }) as never; // generic over K: Pothos cannot narrow EntityOf<K> here
      },
    }),
  );

  builder.mutationField(`update${kind}`, (t) =>
    t.field({
      type: ref,
      authScopes: { editor: true },
      errors: { types: mutationErrors },
      args: {
        id: t.arg.id({ required: true }),
        input: t.arg({ type: options.patchInput, required: true }),
        source: t.arg({ type: SourceInputRef, required: false }),
      },
      resolve: (_root, args, ctx) => {
        const { id } = idOf(args.id, [kind], ['id']);
        const { props, linked } = split(parseInput(patchRules, args.input, ['input']), false);
        return write(ctx, args.source, async (tx, sourceId) => {
          await updateEntity(tx, kind, id, props, { actor: ctx.actor, sourceId });
          if (writeLinks) await writeLinks(tx, id, linked, ctx);
          return id;
        }) as never;
      },
    }),
  );
}
