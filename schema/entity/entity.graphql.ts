import type { Context } from '../../server/context.ts';
import { builder } from '../builder.ts';
import { outreachText } from '../outreach/outreach-text.ts';
import { viewerParams, visibleTo } from '../outreach/visibility.ts';
import { readFirst } from '../shared/connection.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { type ChangeFacts, type FieldSource, fieldSources } from '../shared/field-provenance.ts';
import { encodeGlobalId } from '../shared/global-id.ts';
import { loaderFor } from '../shared/loaders.ts';
import { loadTies } from '../tie/tie.loaders.ts';
import type { Tie, TieProps } from '../tie/tie.model.ts';
import { encodeTieId } from '../tie/tie.model.ts';
import { type TieKind, tieKindNames, tieKinds } from '../tie/tie-kinds.ts';
import type { Entity } from './entity.model.ts';

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'The kinds of thing in the graph.',
  values: entityKinds,
});

export const TieKindEnum = builder.enumType('TieKind', {
  description: 'The kinds of tie between things.',
  values: Object.fromEntries(
    tieKindNames.map((k) => [k, { value: k, description: tieKinds[k].description }]),
  ) as Record<TieKind, { value: TieKind; description: string }>,
});

interface SourceRow {
  id: string;
  kind: string;
  title: string | null;
  url: string | null;
  createdAt: string;
  createdBy: string | null;
}

export function loadSource(ctx: Context, id: string): Promise<SourceRow | null> {
  return loaderFor<SourceRow | null>(ctx, 'source', async (ids) => {
    const rows = await ctx.db.read<{ s: SourceRow }>(
      'UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s {.*, createdAt: toString(s.createdAt)} AS s',
      { ids },
    );
    const byId = new Map(rows.map((r) => [r.s.id, r.s]));
    return ids.map((id) => byId.get(id) ?? null);
  }).load(id);
}

const SourceRef = builder.objectRef<SourceRow>('Source').implement({
  description: 'Where facts came from: a roster, an import, an article, or a staff member.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalId('Source', s.id) }),
    kind: t.exposeString('kind'),
    title: t.exposeString('title', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    createdAt: t.exposeString('createdAt'),
    createdBy: t.exposeString('createdBy', { nullable: true }),
  }),
});

interface ProvenanceShape {
  sourceId: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  verified: boolean;
  confidence: number | null;
  /** The entity whose fields `fields` lists; absent for a tie (a tie is one fact with one source). */
  entity?: { kind: EntityKind; id: string };
}

/** Each field's source for entities of one kind, batched per request (see field-provenance.ts). */
function loadFieldSources(ctx: Context, kind: EntityKind, id: string): Promise<FieldSource[]> {
  return loaderFor<FieldSource[]>(ctx, `fieldSources:${kind}`, async (ids) => {
    const rows = await ctx.db.read<{
      id: string;
      props: Record<string, unknown>;
      changes: ChangeFacts[];
    }>(
      `UNWIND $ids AS id
       MATCH (n:${kind} {id: id})
       CALL (n) {
         OPTIONAL MATCH (c:Change {entityId: n.id}) WHERE c.tieId IS NULL
         WITH c ORDER BY c.at, c.id
         RETURN collect(c {at: toString(c.at), .actor, .op, .sourceId, .changes}) AS changes
       }
       RETURN id, n {.*, createdAt: toString(n.createdAt)} AS props, changes`,
      { ids },
    );
    const byId = new Map(rows.map((r) => [r.id, fieldSources(r.props, r.changes)]));
    return ids.map((i) => byId.get(i) ?? []);
  }).load(id);
}

const FieldProvenanceRef = builder.objectRef<FieldSource>('FieldProvenance').implement({
  description: 'Where the current value of one field came from.',
  fields: (t) => ({
    field: t.exposeString('field'),
    source: t.field({
      type: SourceRef,
      nullable: true,
      resolve: (f, _args, ctx) => (f.sourceId ? loadSource(ctx, f.sourceId) : null),
    }),
    unsourced: t.boolean({
      description: 'True when the value was entered without a source.',
      resolve: (f) => !f.sourceId,
    }),
    recordedAt: t.exposeString('recordedAt', { nullable: true }),
    recordedBy: t.exposeString('recordedBy', { nullable: true }),
  }),
});

export const ProvenanceRef = builder.objectRef<ProvenanceShape>('Provenance').implement({
  description: 'How we know a fact: its source, who recorded it and when, whether it was checked.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      nullable: true,
      resolve: (p, _args, ctx) => (p.sourceId ? loadSource(ctx, p.sourceId) : null),
    }),
    unsourced: t.boolean({
      description: 'True when no source was given: treat as a rumour until checked.',
      resolve: (p) => !p.sourceId,
    }),
    recordedAt: t.exposeString('recordedAt', { nullable: true }),
    recordedBy: t.exposeString('recordedBy', { nullable: true }),
    verified: t.exposeBoolean('verified'),
    confidence: t.exposeFloat('confidence', { nullable: true }),
    fields: t.field({
      type: [FieldProvenanceRef],
      nullable: true,
      description:
        'Of an entity: the source of each field it holds, from its change history (a sourced edit relabels only the fields it changed). Null for a tie, which is one fact with one source.',
      resolve: (p, _args, ctx) =>
        p.entity ? loadFieldSources(ctx, p.entity.kind, p.entity.id) : null,
    }),
  }),
});

interface ChangeRow {
  at: string;
  actor: string;
  op: string;
  tieId: string | null;
  changes: string;
  /** An outreach record's entry (claim, interaction, note): its values are outreach free text. */
  outreach: boolean;
}

const FieldChangeRef = builder
  .objectRef<{ field: string; before: unknown; after: unknown }>('FieldChange')
  .implement({
    fields: (t) => ({
      field: t.exposeString('field'),
      before: t.string({
        nullable: true,
        description: 'JSON',
        resolve: (c) => JSON.stringify(c.before),
      }),
      after: t.string({
        nullable: true,
        description: 'JSON',
        resolve: (c) => JSON.stringify(c.after),
      }),
    }),
  });

const ChangeRef = builder.objectRef<ChangeRow>('Change').implement({
  description: 'One recorded change to an entity or one of its ties.',
  fields: (t) => ({
    at: t.exposeString('at'),
    actor: t.exposeString('actor'),
    op: t.exposeString('op'),
    tieId: t.string({ nullable: true, resolve: (c) => c.tieId }),
    changes: t.field({
      type: [FieldChangeRef],
      resolve: (c, _a, ctx) =>
        Object.entries(
          JSON.parse(c.outreach ? outreachText(ctx, c.changes) : c.changes) as Record<
            string,
            [unknown, unknown]
          >,
        ).map(([field, [before, after]]) => ({ field, before, after })),
    }),
  }),
});

export const EntityRef = builder.interfaceRef<Entity>('Entity');

export const TieRef = builder.objectRef<Tie>('Tie').implement({
  description: 'A tie between two entities, seen from one of them, with its valid time and source.',
  fields: (t) => {
    const prop =
      <K extends keyof TieProps>(key: K) =>
      (tie: Tie) =>
        tie.props[key] ?? null;
    return {
      id: t.id({ resolve: (tie) => encodeTieId(tie.kind, tie.id) }),
      kind: t.field({ type: TieKindEnum, resolve: (tie) => tie.kind }),
      direction: t.string({
        description: 'OUT when stored from this end, IN when from the other end.',
        resolve: (tie) => tie.direction,
      }),
      other: t.field({ type: EntityRef, resolve: (tie) => tie.other }),
      startYear: t.int({ nullable: true, resolve: prop('from') }),
      endYear: t.int({ nullable: true, resolve: prop('to') }),
      current: t.boolean({ nullable: true, resolve: prop('current') }),
      degree: t.string({ nullable: true, resolve: prop('degree') }),
      major: t.string({ nullable: true, resolve: prop('major') }),
      title: t.string({ nullable: true, resolve: prop('title') }),
      role: t.string({ nullable: true, resolve: prop('role') }),
      level: t.int({ nullable: true, resolve: prop('level') }),
      knowsKind: t.string({ nullable: true, resolve: prop('kind') }),
      strength: t.float({ nullable: true, resolve: prop('strength') }),
      since: t.int({ nullable: true, resolve: prop('since') }),
      landedYear: t.int({ nullable: true, resolve: prop('at') }),
      provenance: t.field({
        type: ProvenanceRef,
        resolve: (tie) => ({
          sourceId: tie.props.sourceId ?? null,
          recordedAt: tie.props.recordedAt ?? null,
          recordedBy: tie.props.recordedBy ?? null,
          verified: tie.props.verified ?? false,
          confidence: tie.props.confidence ?? null,
        }),
      }),
    };
  },
});

/** Tie kinds that can touch an entity of `kind` (at either end). */
function tieKindsAt(kind: EntityKind): TieKind[] {
  return tieKindNames.filter((k) =>
    [...tieKinds[k].from, ...tieKinds[k].to].includes(kind as never),
  );
}

EntityRef.implement({
  description: 'Anything in the graph: a person, organisation, place, field or project.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.kind,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Display name; Chinese when known.' }),
    latinName: t.exposeString('latinName', {
      nullable: true,
      description: 'Pinyin or English name.',
    }),
    aliases: t.exposeStringList('aliases', { description: 'Other spellings and former names.' }),
    generatedAliases: t.exposeStringList('generatedAliases', {
      description:
        'The aliases the system added (everyday short forms such as 华科 for 华中科技大学). They are ordinary aliases: remove or keep them with the update mutation; a removed one is not added again unless the name changes.',
    }),
    createdAt: t.exposeString('createdAt'),
    updatedAt: t.exposeString('updatedAt'),
    provenance: t.field({
      type: ProvenanceRef,
      description:
        'The source of the record (what it was created from); `fields` gives the source of each field.',
      resolve: (e) => ({
        sourceId: e.sourceId,
        recordedAt: e.createdAt,
        recordedBy: e.createdBy,
        verified: e.verified,
        confidence: e.confidence,
        entity: { kind: e.kind, id: e.id },
      }),
    }),
    ties: t.field({
      type: [TieRef],
      description:
        'Live ties of the given kinds (all kinds when omitted); with asOfYear, those that held then.',
      args: {
        kinds: t.arg({ type: [TieKindEnum], required: false }),
        asOfYear: t.arg.int({ required: false }),
        first: t.arg.int({
          required: false,
          defaultValue: 100,
          description: '1-200: the first ties, kind by kind in the order of `kinds`.',
        }),
      },
      resolve: async (entity, args, ctx) => {
        const kinds = (args.kinds ?? tieKindsAt(entity.kind)).filter((k) =>
          tieKindsAt(entity.kind).includes(k),
        );
        const limit = readFirst(args.first, { fallback: 100, max: 200 });
        const lists = await Promise.all(
          kinds.map((k) =>
            loadTies(ctx, entity.kind, entity.id, k, { asOfYear: args.asOfYear, limit }),
          ),
        );
        return lists.flat().slice(0, limit);
      },
    }),
    history: t.field({
      type: [ChangeRef],
      description:
        'What changed, who changed it and when; newest first. Entries of outreach records (claims, interactions, notes) follow those records’ visibility.',
      args: { first: t.arg.int({ required: false, defaultValue: 50, description: '1-500' }) },
      resolve: (entity, args, ctx) =>
        ctx.db.read<ChangeRow>(
          `MATCH (c:Change {entityId: $id}) WHERE c.outreach IS NULL OR ${visibleTo('c')}
           RETURN toString(c.at) AS at, c.actor AS actor, c.op AS op, c.tieId AS tieId, c.changes AS changes,
                  coalesce(c.outreach, false) AS outreach
           ORDER BY c.at DESC, c.id DESC LIMIT $first`,
          {
            id: entity.id,
            first: readFirst(args.first, { fallback: 50, max: 500 }),
            ...viewerParams(ctx),
          },
        ),
    }),
  }),
});
