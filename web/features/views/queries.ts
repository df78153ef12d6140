import { EntitySummaryFields, MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

/** A story step of a saved view, as saved and as read back. */
export type Annotation = SchemaType<'SavedViewAnnotationInput'>;
export type Viewport = NonNullable<Annotation['viewport']>;

const SavedViewFields = graphql(`
  fragment SavedViewFields on SavedView {
    id title notes mine ownerName sharedWithTeam sharedWith { email name }
    createdAt updatedAt annotations { text nodeIds viewport { zoom x y } }
  }
`);
export type SavedViewSummary = ResultOf<typeof SavedViewFields>;

export const savedViewsQuery = graphql(
  `
  query SavedViews($scope: SavedViewScope) { savedViews(scope: $scope) { ...SavedViewFields } }
`,
  [SavedViewFields],
);

export const savedViewQuery = graphql(
  `
  query SavedView($id: ID!) {
    savedView(id: $id) {
      ...SavedViewFields
      graph missingIds entities { ...EntitySummaryFields }
    }
  }
`,
  [SavedViewFields, EntitySummaryFields],
);

export const saveViewMutation = graphql(
  `
  mutation SaveView($input: SavedViewInput!) {
    saveView(input: $input) {
      ...MutationErrorFields
      ... on MutationSaveViewSuccess { data { ...SavedViewFields } }
    }
  }
`,
  [MutationErrorFields, SavedViewFields],
);

export const deleteSavedViewMutation = graphql(
  `
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id) {
      ...MutationErrorFields
      ... on MutationDeleteSavedViewSuccess { data }
    }
  }
`,
  [MutationErrorFields],
);

export const shareSavedViewMutation = graphql(
  `
  mutation ShareSavedView($id: ID!, $emails: [String!], $team: Boolean) {
    shareSavedView(id: $id, emails: $emails, team: $team) {
      ...MutationErrorFields
      ... on MutationShareSavedViewSuccess { data { ...SavedViewFields } }
    }
  }
`,
  [MutationErrorFields, SavedViewFields],
);

export const unshareSavedViewMutation = graphql(
  `
  mutation UnshareSavedView($id: ID!, $emails: [String!], $team: Boolean) {
    unshareSavedView(id: $id, emails: $emails, team: $team) {
      ...MutationErrorFields
      ... on MutationUnshareSavedViewSuccess { data { ...SavedViewFields } }
    }
  }
`,
  [MutationErrorFields, SavedViewFields],
);
