import { EntitySummaryFields, MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf } from '../../api/graphql.ts';

const SegmentFields = graphql(`
  fragment SegmentFields on Segment { id name filter createdByName createdAt memberCount }
`);

const PersonListFields = graphql(`
  fragment PersonListFields on PersonList {
    id name segmentId createdByName createdAt memberCount
  }
`);

const MemberFields = graphql(
  `
  fragment MemberFields on Person { ...EntitySummaryFields title }
`,
  [EntitySummaryFields],
);
export type MemberRow = ResultOf<typeof MemberFields>;

export const segmentsQuery = graphql(
  `
  query Segments($first: Int!) {
    segments(first: $first) { ...SegmentFields }
    personLists(first: $first) { ...PersonListFields }
  }
`,
  [SegmentFields, PersonListFields],
);

export const segmentQuery = graphql(
  `
  query Segment($id: ID!, $first: Int!) {
    segment(id: $id) {
      ...SegmentFields
      members(first: $first) { ...MemberFields }
      cities(first: 5) { city { name } total }
    }
  }
`,
  [SegmentFields, MemberFields],
);

export const personListQuery = graphql(
  `
  query PersonList($id: ID!, $first: Int!) {
    personList(id: $id) { ...PersonListFields members(first: $first) { ...MemberFields } }
  }
`,
  [PersonListFields, MemberFields],
);

export const freezeSegmentMutation = graphql(
  `
  mutation FreezeSegment($segment: ID!, $name: String!) {
    freezeSegment(segment: $segment, name: $name) {
      ...MutationErrorFields
      ... on MutationFreezeSegmentSuccess { data { ...PersonListFields } }
    }
  }
`,
  [MutationErrorFields, PersonListFields],
);

export const editPersonListMutation = graphql(
  `
  mutation EditPersonList($list: ID!, $add: [ID!], $remove: [ID!]) {
    editPersonList(list: $list, add: $add, remove: $remove) {
      ...MutationErrorFields
      ... on MutationEditPersonListSuccess { data { ...PersonListFields } }
    }
  }
`,
  [MutationErrorFields, PersonListFields],
);
