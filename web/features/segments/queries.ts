import { EntitySummaryFields, MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf } from '../../api/graphql.ts';

const SegmentFields = graphql(`
  fragment SegmentFields on Segment { id name filter createdByName createdAt memberCount }
`);

const PersonListFields = graphql(`
  fragment PersonListFields on PersonList {
    id name segmentId segment { id name } createdByName createdAt memberCount
  }
`);

/** A segment's filter as conditions in words (names of what its ids name). */
const ConditionFields = graphql(
  `
  fragment ConditionFields on FilterCondition {
    field values enum missing entities { ...EntitySummaryFields }
  }
`,
  [EntitySummaryFields],
);
export type Condition = ResultOf<typeof ConditionFields>;

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
      conditions { ...ConditionFields }
      members(first: $first) { ...MemberFields }
      cities(first: 5) { city { name } total }
    }
  }
`,
  [SegmentFields, MemberFields, ConditionFields],
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
