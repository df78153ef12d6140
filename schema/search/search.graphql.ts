import { builder } from '../builder.ts';
import { EntityKindEnum, EntityRef } from '../entity/entity.graphql.ts';
import { type Entity, toEntity } from '../entity/entity.model.ts';
import { readFirst } from '../shared/connection.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { type MatchReason, searchCypher, searchParams } from './search-cypher.ts';

interface SearchHit {
  entity: Entity;
  score: number;
  matchedBy: MatchReason[];
}

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result, with why it matched.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (h) => h.entity }),
    score: t.exposeFloat('score'),
    matchedBy: t.exposeStringList('matchedBy', {
      description:
        'exact_name, exact_alias, name, traditional_form, alias, latin_name, pinyin, initials, full_text or fuzzy (a spelling 1-2 letters away, ranked below every other hit); best first.',
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: [SearchHitRef],
    description:
      'One box over people, organisations, places, fields and projects: Chinese (simplified or traditional), pinyin (with or without tone marks), initials, English names, aliases and short forms (华科); Latin words of 4+ letters with a typo (1-2 letters off) when the text as typed finds fewer than 3 entities. Exact names first, then names the text covers most of.',
    args: {
      text: t.arg.string({ required: true }),
      types: t.arg({ type: [EntityKindEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 20, description: '1-100' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = readFirst(args.first, { fallback: 20, max: 100 });
      const kinds = args.types?.length ? args.types : entityKinds;
      const params = searchParams(args.text.slice(0, 200), kinds, first);
      if (!params) return [];
      const rows = await ctx.db.read<{
        kind: EntityKind;
        e: Record<string, unknown>;
        score: number;
        reasons: MatchReason[];
      }>(searchCypher(kinds), { ...params });
      return rows.map((row) => ({
        entity: toEntity(row.kind, row.e),
        score: row.score,
        matchedBy: row.reasons,
      }));
    },
  }),
);
