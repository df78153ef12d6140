import { MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

export type DuplicateKind = SchemaType<'DuplicateKind'>;
export type DuplicateVerdict = SchemaType<'DuplicateVerdict'>;

const DuplicatePairFields = graphql(`
  fragment DuplicatePairFields on DuplicatePair {
    id kind score status note mergeId reasons { code weight detail }
    a { id name latinName aliases birthYear } b { id name latinName aliases birthYear }
  }
`);
export type DuplicatePair = ResultOf<typeof DuplicatePairFields>;
export type DuplicateRecord = DuplicatePair['a'];

export const duplicateCandidatesQuery = graphql(
  `
  query DuplicateCandidates($kind: DuplicateKind!, $status: DuplicateStatus, $first: Int, $offset: Int) {
    duplicateCandidates(kind: $kind, status: $status, first: $first, offset: $offset) {
      totalCount pairs { ...DuplicatePairFields }
    }
  }
`,
  [DuplicatePairFields],
);

export const findDuplicatesMutation = graphql(
  `
  mutation FindDuplicates($kind: DuplicateKind!) {
    findDuplicates(kind: $kind) {
      ...MutationErrorFields
      ... on MutationFindDuplicatesSuccess { data { proposed compared records } }
    }
  }
`,
  [MutationErrorFields],
);

export const judgeDuplicateMutation = graphql(
  `
  mutation JudgeDuplicate($id: ID!, $verdict: DuplicateVerdict!, $note: String) {
    judgeDuplicate(id: $id, verdict: $verdict, note: $note) {
      ...MutationErrorFields
      ... on MutationJudgeDuplicateSuccess { data { ...DuplicatePairFields } }
    }
  }
`,
  [MutationErrorFields, DuplicatePairFields],
);

export const mergePeopleMutation = graphql(
  `
  mutation MergePeople($keep: ID!, $merge: ID!, $reason: String) {
    merge: mergePeople(keep: $keep, merge: $merge, reason: $reason) {
      ...MutationErrorFields
      ... on MutationMergePeopleSuccess { data { id kept merged movedTies } }
    }
  }
`,
  [MutationErrorFields],
);

export const mergeOrganizationsMutation = graphql(
  `
  mutation MergeOrganizations($keep: ID!, $merge: ID!, $reason: String) {
    merge: mergeOrganizations(keep: $keep, merge: $merge, reason: $reason) {
      ...MutationErrorFields
      ... on MutationMergeOrganizationsSuccess { data { id kept merged movedTies } }
    }
  }
`,
  [MutationErrorFields],
);

export const undoMergeMutation = graphql(
  `
  mutation UndoMerge($id: ID!) {
    undoMerge(id: $id) {
      ...MutationErrorFields
      ... on MutationUndoMergeSuccess { data { id restored movedBack } }
    }
  }
`,
  [MutationErrorFields],
);
