import { toLuceneQuery } from '../../../schema/search/lucene-query.ts';
import { exactNameCypher, fullTextCypher } from '../../../schema/search/search-cypher.ts';
import { entityKinds } from '../../../schema/shared/entity-kinds.ts';
import { normalizeQuery } from '../../../schema/shared/search-keys.ts';
import type { Samples } from '../samples.ts';
import { type Operation, pick } from './operation.ts';

const first = 20;

const query = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score matchedBy entity { __typename id name } }
}`;

// The resolver's own Cypher, run directly.
const exactCypher = exactNameCypher(entityKinds);

/** The i-th search text: exact Chinese name, full pinyin, pinyin initials, organisation name. */
export function searchText(samples: Samples, i: number): string {
  const person = pick(samples.people, Math.floor(i / 4), 'people');
  switch (i % 4) {
    case 0:
      return person.name;
    case 1:
      return person.pinyin;
    case 2:
      return person.initials;
    default:
      return pick(samples.organizations, Math.floor(i / 4), 'organisations').name;
  }
}

/** `search(text, first: 20)` over a mix of name forms; baseline: exact-name and full-text Cypher. */
export const searchOperation: Operation = {
  name: 'search',
  baseline: 'exact-name UNION over the kinds + full-text queryNodes, side by side',
  prepare: ({ graphql, cypher, samples }) => ({
    graphql: (i) => graphql(query, { text: searchText(samples, i), first }),
    baseline: (i) => {
      const text = searchText(samples, i);
      const lucene = toLuceneQuery(text);
      if (!lucene) throw new Error(`no lucene query for ${text}`);
      return Promise.all([
        cypher(exactCypher, { variants: [...normalizeQuery(text), text.trim()] }),
        cypher(fullTextCypher, { lucene, limit: Math.max(first * 5, 50), kinds: entityKinds }),
      ]);
    },
  }),
};
