import { EntitySummaryFields } from '../../api/fragments.ts';
import { graphql, type ResultOf } from '../../api/graphql.ts';

export const searchQuery = graphql(
  `
  query Search($text: String!, $first: Int!, $types: [EntityKind!]) {
    search(text: $text, first: $first, types: $types) {
      entity { ...EntitySummaryFields }
      matchedBy
      score
    }
  }
`,
  [EntitySummaryFields],
);
export type SearchHit = ResultOf<typeof searchQuery>['search'][number];
