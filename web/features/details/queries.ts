import { EntitySummaryFields, ProvenanceFields, TieFields } from '../../api/fragments.ts';
import { graphql, type ResultOf } from '../../api/graphql.ts';

export const detailsQuery = graphql(
  `
  query Details($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        ...EntitySummaryFields
        aliases updatedAt
        provenance { ...ProvenanceFields }
        ties(first: 200) { ...TieFields }
      }
      ... on Person {
        title categories level birthYear honours
        hometown { id name }
        location { id name }
        positions { ...TieFields }
        education { ...TieFields }
        personalData { visible reason reasonCode contacts { id kind value } }
      }
      ... on Organization { type place { id name } }
      ... on Place { placeKind: kind }
      ... on Field { parent { id name } }
      ... on Project { projectKind: kind status }
    }
  }
`,
  [EntitySummaryFields, ProvenanceFields, TieFields],
);
type DetailsNode = ResultOf<typeof detailsQuery>['node'];
/** The details of an entity (the node query also answers for events and other nodes: not shown). */
export type EntityDetails = Extract<NonNullable<DetailsNode>, { name: string }>;

/** The node if it is an entity the panel shows, else null. */
export const entityOf = (node: DetailsNode): EntityDetails | null =>
  node && 'name' in node ? node : null;
export type PersonDetails = Extract<EntityDetails, { __typename: 'Person' }>;
