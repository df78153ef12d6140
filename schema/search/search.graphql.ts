import { builder } from '../builder.ts';
import { EntityKindEnum, EntityRef } from '../entity/entity.graphql.ts';
import { type Entity, toEntity } from '../entity/entity.model.ts';
import { readFirst } from '../shared/connection.ts';
import { type EntityKind, entityKinds } from '../shared/entity-kinds.ts';
import { normalizeQuery } from '../shared/search-keys.ts';
import { toLuceneQuery } from './lucene-query.ts';
import { explainMatch, type MatchReason } from './match-reasons.ts';
import { exactNameCypher, fullTextCypher } from './search-cypher.ts';

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
        'exact_name, exact_alias, name, traditional_form, alias, latin_name, pinyin, initials or full_text; best first.',
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    authScopes: { signedIn: true },
    type: [SearchHitRef],
    description:
      'One box over people, organisations, places, fields and projects: Chinese (simplified or traditional), pinyin, initials, English names and aliases. Exact names first.',
    args: {
      text: t.arg.string({ required: true }),
      types: t.arg({ type: [EntityKindEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 20, description: '1-100' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = readFirst(args.first, { fallback: 20, max: 100 });
      const text = args.text.slice(0, 200);
      const kinds = args.types?.length ? args.types : entityKinds;
      const lucene = toLuceneQuery(text);
      if (!lucene) return [];
      const variants = normalizeQuery(text);
      const [exact, fuzzy] = await Promise.all([
        ctx.db.read<{ kind: EntityKind; e: Record<string, unknown>; score: number }>(
          exactNameCypher(kinds),
          {
            variants: [...variants, text.trim()],
          },
        ),
        ctx.db.read<{ kind: EntityKind; e: Record<string, unknown>; score: number }>(
          fullTextCypher,
          {
            lucene,
            limit: Math.max(first * 5, 50),
            kinds,
          },
        ),
      ]);
      const hits = new Map<string, SearchHit>();
      for (const row of [...exact, ...fuzzy]) {
        const entity = toEntity(row.kind, row.e);
        const known = hits.get(entity.id);
        if (known) {
          known.score = Math.max(known.score, row.score + explainMatch(text, entity).boost);
          continue;
        }
        const { reasons, boost } = explainMatch(text, entity);
        hits.set(entity.id, { entity, score: row.score + boost, matchedBy: reasons });
      }
      return [...hits.values()]
        .sort(
          (a, b) =>
            b.score - a.score ||
            a.entity.name.localeCompare(b.entity.name) ||
            a.entity.id.localeCompare(b.entity.id),
        )
        .slice(0, first);
    },
  }),
);
