import type { Attribution, FunnelReport, StageStat } from '../../schema/outreach/funnel.ts';
import { operation } from './graphql-client.ts';

/**
 * Every query the web app sends, with the types of its variables and data written beside it.
 * `operations.test.ts` validates each one against schema/schema.graphql, so a renamed field or a
 * wrong argument type fails the unit tests rather than the page.
 */

export type EntityType = 'Person' | 'Organization' | 'Place' | 'Field' | 'Project';

export interface EntitySummary {
  __typename: EntityType;
  id: string;
  name: string;
  latinName: string | null;
}

const summary = '__typename id name latinName';

export interface SearchHit {
  entity: EntitySummary;
  matchedBy: string[];
  score: number;
}

export const searchQuery = operation<
  { search: SearchHit[] },
  { text: string; first: number; types?: EntityType[] | null }
>(`
  query Search($text: String!, $first: Int!, $types: [EntityKind!]) {
    search(text: $text, first: $first, types: $types) {
      entity { ${summary} }
      matchedBy
      score
    }
  }
`);

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** A TieKind, or DERIVED_TIE. */
  kind: string;
  label: string | null;
  derived: boolean;
  current: boolean | null;
  strength: number | null;
  startYear?: number | null;
  endYear?: number | null;
}

export interface Neighborhood {
  nodes: EntitySummary[];
  edges: GraphEdge[];
  truncated: boolean;
  omittedNodes: number;
  omittedByKind: { kind: string; count: number }[];
}

export interface NeighborhoodFilter {
  kinds?: EntityType[];
  tieKinds?: string[];
  categories?: string[];
  derived?: boolean;
}

export const neighborhoodQuery = operation<
  { neighborhood: Neighborhood },
  { ids: string[]; depth: number; limit: number; filter?: NeighborhoodFilter | null }
>(`
  query Neighborhood($ids: [ID!]!, $depth: Int!, $limit: Int!, $filter: NeighborhoodFilter) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: $filter) {
      nodes { ${summary} }
      edges { id source target kind label derived current strength startYear endYear }
      truncated
      omittedNodes
      omittedByKind { kind count }
    }
  }
`);

export interface Provenance {
  unsourced: boolean;
  verified: boolean;
  confidence: number | null;
  source: { kind: string; title: string | null; url: string | null } | null;
}

const provenance = 'provenance { unsourced verified confidence source { kind title url } }';

export interface Tie {
  id: string;
  kind: string;
  direction: string;
  current: boolean | null;
  startYear: number | null;
  endYear: number | null;
  title: string | null;
  role: string | null;
  degree: string | null;
  major: string | null;
  knowsKind: string | null;
  strength: number | null;
  other: EntitySummary;
  provenance: Provenance;
}

const tie = `id kind direction current startYear endYear title role degree major knowsKind strength
  other { ${summary} } ${provenance}`;

interface Named {
  id: string;
  name: string;
}

interface DetailsBase extends EntitySummary {
  aliases: string[];
  updatedAt: string;
  provenance: Provenance;
  ties: Tie[];
}

export interface PersonDetails extends DetailsBase {
  __typename: 'Person';
  title: string | null;
  categories: string[];
  level: string | null;
  birthYear: number | null;
  honours: string[];
  hometown: Named | null;
  location: Named | null;
  positions: Tie[];
  education: Tie[];
  personalData: {
    visible: boolean;
    reason: string | null;
    contacts: { id: string; kind: string; value: string }[] | null;
  };
}

export interface OrganizationDetails extends DetailsBase {
  __typename: 'Organization';
  type: string;
  place: Named | null;
}

export interface PlaceDetails extends DetailsBase {
  __typename: 'Place';
  placeKind: string;
}

export interface ProjectDetails extends DetailsBase {
  __typename: 'Project';
  projectKind: string;
  status: string;
}

export interface FieldDetails extends DetailsBase {
  __typename: 'Field';
  parent: Named | null;
}

export type EntityDetails =
  | PersonDetails
  | OrganizationDetails
  | PlaceDetails
  | ProjectDetails
  | FieldDetails;

export const detailsQuery = operation<{ node: EntityDetails | null }, { id: string }>(`
  query Details($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name latinName aliases updatedAt ${provenance}
        ties(first: 200) { ${tie} }
      }
      ... on Person {
        title categories level birthYear honours
        hometown { id name }
        location { id name }
        positions { ${tie} }
        education { ${tie} }
        personalData { visible reason contacts { id kind value } }
      }
      ... on Organization { type place { id name } }
      ... on Place { placeKind: kind }
      ... on Field { parent { id name } }
      ... on Project { projectKind: kind status }
    }
  }
`);

export interface PathHop {
  from: EntitySummary;
  to: EntitySummary;
  kind: string;
  via: string | null;
  derived: boolean;
  startYear: number | null;
  endYear: number | null;
  strength: number | null;
  explanation: string;
  provenance: Provenance;
}

export interface IntroductionPath {
  score: { score: number; hops: number; strength: number; recency: number; verification: number };
  people: EntitySummary[];
  hops: PathHop[];
}

export const introductionPathsQuery = operation<
  { introductionPaths: { maxHops: number; reason: string | null; paths: IntroductionPath[] } },
  { from: string[]; to: string; first: number; lang: 'ZH' | 'EN' }
>(`
  query IntroductionPaths($from: [ID!]!, $to: ID!, $first: Int!, $lang: Lang!) {
    introductionPaths(from: $from, to: $to, first: $first) {
      maxHops
      reason
      paths {
        score { score hops strength recency verification }
        people { ${summary} }
        hops {
          from { ${summary} }
          to { ${summary} }
          kind via derived startYear endYear strength
          explanation(lang: $lang)
          ${provenance}
        }
      }
    }
  }
`);

export interface CommonConnection {
  count: number;
  entity: EntitySummary;
  ties: {
    kind: string;
    label: string | null;
    of: string;
    startYear: number | null;
    endYear: number | null;
  }[];
}

export const commonConnectionsQuery = operation<
  { commonConnections: CommonConnection[] },
  { ids: string[]; first: number }
>(`
  query CommonConnections($ids: [ID!]!, $first: Int!) {
    commonConnections(ids: $ids, first: $first) {
      count
      entity { ${summary} }
      ties { kind label of startYear endYear }
    }
  }
`);

export type MapGrouping =
  | 'COUNTRY'
  | 'PROVINCE'
  | 'CITY'
  | 'EMPLOYER'
  | 'FIELD'
  | 'DECADE'
  | 'CATEGORY';

export interface MapGroup {
  key: string | null;
  label: string;
  count: number;
}

export interface PeopleMap {
  total: number;
  groups: MapGroup[];
}

const mapGroups = 'total groups { key label count }';

export const alumniMapQuery = operation<
  { map: PeopleMap },
  { organization: string; groupBy: MapGrouping }
>(`
  query AlumniMap($organization: ID!, $groupBy: MapGrouping!) {
    map: alumniMap(organization: $organization, groupBy: $groupBy) { ${mapGroups} }
  }
`);

export const nativesMapQuery = operation<
  { map: PeopleMap },
  { place: string; groupBy: MapGrouping }
>(`
  query NativesMap($place: ID!, $groupBy: MapGrouping!) {
    map: nativesMap(place: $place, groupBy: $groupBy) { ${mapGroups} }
  }
`);

export interface PersonRow extends EntitySummary {
  title: string | null;
  birthYear: number | null;
  categories: string[];
  location: { name: string } | null;
}

/** A PersonFilter (see schema): only the conditions the web app sets. */
export interface PersonFilter {
  almaMater?: string[];
  hometown?: string[];
  livesIn?: string[];
  livesOutside?: string[];
  employers?: string[];
  fields?: string[];
  categories?: string[];
  graduationYearFrom?: number;
  graduationYearTo?: number;
  birthYearFrom?: number;
  birthYearTo?: number;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export const peopleQuery = operation<
  {
    people: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: PersonRow }[];
    };
    peopleFacets: {
      categories: FacetCount[];
      cities: FacetCount[];
      fields: FacetCount[];
      levels: FacetCount[];
    };
  },
  { filter: PersonFilter; first: number; after?: string | null }
>(`
  query People($filter: PersonFilter!, $first: Int!, $after: String) {
    people(filter: $filter, first: $first, after: $after, orderBy: NAME) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${summary} title birthYear categories location { name } } }
    }
    peopleFacets(filter: $filter) {
      categories { value label count }
      cities { value label count }
      fields { value label count }
      levels { value label count }
    }
  }
`);

/** An organisation's people (current and former staff), as "our side" for the path finder. */
export const staffOfQuery = operation<
  { people: { totalCount: number; edges: { node: EntitySummary }[] } },
  { organization: string; first: number }
>(`
  query StaffOf($organization: ID!, $first: Int!) {
    people(filter: { employers: [$organization], employerEver: true }, first: $first) {
      totalCount
      edges { node { ${summary} } }
    }
  }
`);

export interface SignedInAccount {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'staff' | 'consultant' | 'viewer';
}

export const meQuery = operation<{ me: SignedInAccount | null }, Record<string, never>>(`
  query Me { me { id name email role } }
`);

export const loginMutation = operation<
  { login: { __typename: string; message?: string; data?: { account: SignedInAccount } } },
  { email: string; password: string }
>(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on Error { message }
      ... on MutationLoginSuccess { data { account { id name email role } } }
    }
  }
`);

export const logoutMutation = operation<{ logout: boolean }, Record<string, never>>(`
  mutation Logout { logout }
`);

// ---- Tool screens: saved views, import, duplicates, accounts and audit (admin) ----

export interface Viewport {
  zoom: number;
  x: number;
  y: number;
}

export interface Annotation {
  text: string;
  nodeIds: string[];
  viewport?: Viewport | null;
}

export interface SavedViewSummary {
  id: string;
  title: string;
  notes: string;
  mine: boolean;
  ownerName: string;
  sharedWithTeam: boolean;
  sharedWith: { email: string; name: string }[];
  createdAt: string;
  updatedAt: string;
  annotations: Annotation[];
}

export interface SavedViewFull extends SavedViewSummary {
  graph: string;
  entities: EntitySummary[];
  missingIds: string[];
}

const viewSummary = `id title notes mine ownerName sharedWithTeam sharedWith { email name }
  createdAt updatedAt annotations { text nodeIds viewport { zoom x y } }`;

const errorFields = `__typename
  ... on Error { message }
  ... on ValidationError { issues { path message } }
  ... on ConflictError { path }
  ... on NotFoundError { path }`;

export const savedViewsQuery = operation<
  { savedViews: SavedViewSummary[] },
  { scope?: 'mine' | 'shared' | 'all' }
>(`
  query SavedViews($scope: SavedViewScope) { savedViews(scope: $scope) { ${viewSummary} } }
`);

export const savedViewQuery = operation<{ savedView: SavedViewFull | null }, { id: string }>(`
  query SavedView($id: ID!) {
    savedView(id: $id) { ${viewSummary} graph missingIds entities { ${summary} } }
  }
`);

export interface SavedViewInput {
  title: string;
  notes?: string | null;
  graph: string;
  annotations?: Annotation[] | null;
}

export const saveViewMutation = operation<
  { saveView: MutationResult<SavedViewSummary> },
  { input: SavedViewInput }
>(`
  mutation SaveView($input: SavedViewInput!) {
    saveView(input: $input) {
      __typename ${errorFields}
      ... on MutationSaveViewSuccess { data { ${viewSummary} } }
    }
  }
`);

export const updateSavedViewMutation = operation<
  { updateSavedView: MutationResult<SavedViewSummary> },
  { id: string; input: Partial<SavedViewInput> }
>(`
  mutation UpdateSavedView($id: ID!, $input: SavedViewPatch!) {
    updateSavedView(id: $id, input: $input) {
      __typename ${errorFields}
      ... on MutationUpdateSavedViewSuccess { data { ${viewSummary} } }
    }
  }
`);

export const deleteSavedViewMutation = operation<
  { deleteSavedView: MutationResult<string> },
  { id: string }
>(`
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id) {
      __typename ${errorFields}
      ... on MutationDeleteSavedViewSuccess { data }
    }
  }
`);

export const shareSavedViewMutation = operation<
  { shareSavedView: MutationResult<SavedViewSummary> },
  { id: string; emails?: string[]; team?: boolean }
>(`
  mutation ShareSavedView($id: ID!, $emails: [String!], $team: Boolean) {
    shareSavedView(id: $id, emails: $emails, team: $team) {
      __typename ${errorFields}
      ... on MutationShareSavedViewSuccess { data { ${viewSummary} } }
    }
  }
`);

export const unshareSavedViewMutation = operation<
  { unshareSavedView: MutationResult<SavedViewSummary> },
  { id: string; emails?: string[]; team?: boolean }
>(`
  mutation UnshareSavedView($id: ID!, $emails: [String!], $team: Boolean) {
    unshareSavedView(id: $id, emails: $emails, team: $team) {
      __typename ${errorFields}
      ... on MutationUnshareSavedViewSuccess { data { ${viewSummary} } }
    }
  }
`);

export interface ImportPreviewRow {
  line: number;
  name: string | null;
  action: string;
  links: string[];
  reasons: string[];
}

export interface ImportJob {
  id: string;
  status: string;
  fileName: string;
  dryRun: boolean;
  totalRows: number;
  doneRows: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  newOrganizations: number;
  newFields: number;
  error: string | null;
  preview: ImportPreviewRow[];
  rejectedRows: { line: number; column: string | null; reason: string; name: string | null }[];
}

const importJob = `id status fileName dryRun totalRows doneRows rejected created updated unchanged
  newOrganizations newFields error preview { line name action links reasons }
  rejectedRows(first: 500) { line column reason name }`;

export type ImportPreset = 'alumni' | 'talent';

/** Sent as a multipart upload: the `file` variable travels as the file part (see uploadRequest). */
export const startImportMutation = operation<
  { startImport: MutationResult<ImportJob> },
  {
    file: null;
    preset: ImportPreset;
    dryRun: boolean;
    keepGoodRows?: boolean;
    dataset?: string | null;
    mapping?: { column: string; field: string }[] | null;
  }
>(`
  mutation StartImport($file: File!, $preset: ImportPreset!, $dryRun: Boolean, $keepGoodRows: Boolean,
                       $dataset: String, $mapping: [ImportColumnMapping!]) {
    startImport(file: $file, preset: $preset, dryRun: $dryRun, keepGoodRows: $keepGoodRows,
                dataset: $dataset, mapping: $mapping) {
      __typename ${errorFields}
      ... on MutationStartImportSuccess { data { ${importJob} } }
    }
  }
`);

export const importJobQuery = operation<{ importJob: ImportJob | null }, { id: string }>(`
  query ImportJob($id: ID!) { importJob(id: $id) { ${importJob} } }
`);

export const importRejectedCsvQuery = operation<
  { importJob: { rejectedCsv: string } | null },
  { id: string }
>(`
  query ImportRejectedCsv($id: ID!) { importJob(id: $id) { rejectedCsv } }
`);

export type DuplicateKind = 'Person' | 'Organization';
export type DuplicateVerdict = 'same' | 'not_same' | 'unsure';

export interface DuplicateRecord {
  id: string;
  name: string;
  latinName: string | null;
  aliases: string[];
  birthYear: number | null;
}

export interface DuplicatePair {
  id: string;
  kind: DuplicateKind;
  score: number;
  status: string;
  reasons: { code: string; weight: number; detail: string }[];
  a: DuplicateRecord;
  b: DuplicateRecord;
  mergeId: string | null;
  note: string | null;
}

const pair = `id kind score status note mergeId reasons { code weight detail }
  a { id name latinName aliases birthYear } b { id name latinName aliases birthYear }`;

export const duplicateCandidatesQuery = operation<
  { duplicateCandidates: { totalCount: number; pairs: DuplicatePair[] } },
  { kind: DuplicateKind; status?: string; first?: number; offset?: number }
>(`
  query DuplicateCandidates($kind: DuplicateKind!, $status: DuplicateStatus, $first: Int, $offset: Int) {
    duplicateCandidates(kind: $kind, status: $status, first: $first, offset: $offset) {
      totalCount pairs { ${pair} }
    }
  }
`);

export const findDuplicatesMutation = operation<
  { findDuplicates: MutationResult<{ proposed: number; compared: number; records: number }> },
  { kind: DuplicateKind }
>(`
  mutation FindDuplicates($kind: DuplicateKind!) {
    findDuplicates(kind: $kind) {
      __typename ${errorFields}
      ... on MutationFindDuplicatesSuccess { data { proposed compared records } }
    }
  }
`);

export const judgeDuplicateMutation = operation<
  { judgeDuplicate: MutationResult<DuplicatePair> },
  { id: string; verdict: DuplicateVerdict; note?: string | null }
>(`
  mutation JudgeDuplicate($id: ID!, $verdict: DuplicateVerdict!, $note: String) {
    judgeDuplicate(id: $id, verdict: $verdict, note: $note) {
      __typename ${errorFields}
      ... on MutationJudgeDuplicateSuccess { data { ${pair} } }
    }
  }
`);

export interface MergeOutcome {
  id: string;
  kept: string;
  merged: string;
  movedTies: number;
}

export const mergePeopleMutation = operation<
  { merge: MutationResult<MergeOutcome> },
  { keep: string; merge: string; reason?: string | null }
>(`
  mutation MergePeople($keep: ID!, $merge: ID!, $reason: String) {
    merge: mergePeople(keep: $keep, merge: $merge, reason: $reason) {
      __typename ${errorFields}
      ... on MutationMergePeopleSuccess { data { id kept merged movedTies } }
    }
  }
`);

export const mergeOrganizationsMutation = operation<
  { merge: MutationResult<MergeOutcome> },
  { keep: string; merge: string; reason?: string | null }
>(`
  mutation MergeOrganizations($keep: ID!, $merge: ID!, $reason: String) {
    merge: mergeOrganizations(keep: $keep, merge: $merge, reason: $reason) {
      __typename ${errorFields}
      ... on MutationMergeOrganizationsSuccess { data { id kept merged movedTies } }
    }
  }
`);

export const undoMergeMutation = operation<
  { undoMerge: MutationResult<{ id: string; restored: string; movedBack: number }> },
  { id: string }
>(`
  mutation UndoMerge($id: ID!) {
    undoMerge(id: $id) {
      __typename ${errorFields}
      ... on MutationUndoMergeSuccess { data { id restored movedBack } }
    }
  }
`);

export type Role = 'admin' | 'staff' | 'consultant' | 'viewer';

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  teamId: string | null;
  createdAt: string;
}

export interface TeamRow {
  id: string;
  name: string;
  kind: string;
  outreachVisibility: 'team' | 'deployment';
  scopePlaceId: string | null;
}

const accountRow = 'id email name role disabled teamId createdAt';
const teamRow = 'id name kind outreachVisibility scopePlaceId';

export const accountsQuery = operation<
  { accounts: AccountRow[]; teams: TeamRow[] },
  Record<string, never>
>(`
  query Accounts { accounts { ${accountRow} } teams { ${teamRow} } }
`);

export const createAccountMutation = operation<
  { createAccount: MutationResult<AccountRow> },
  {
    input: { email: string; name: string; password: string; role: Role; team?: string | null };
  }
>(`
  mutation CreateAccount($input: NewAccountInput!) {
    createAccount(input: $input) {
      __typename ${errorFields}
      ... on MutationCreateAccountSuccess { data { ${accountRow} } }
    }
  }
`);

export const updateAccountMutation = operation<
  { updateAccount: MutationResult<AccountRow> },
  {
    id: string;
    input: { role?: Role; team?: string | null; disabled?: boolean; name?: string };
  }
>(`
  mutation UpdateAccount($id: ID!, $input: AccountUpdateInput!) {
    updateAccount(id: $id, input: $input) {
      __typename ${errorFields}
      ... on MutationUpdateAccountSuccess { data { ${accountRow} } }
    }
  }
`);

export const revokeSessionsMutation = operation<
  { revokeSessions: MutationResult<number> },
  { account: string }
>(`
  mutation RevokeSessions($account: ID!) {
    revokeSessions(account: $account) {
      __typename ${errorFields}
      ... on MutationRevokeSessionsSuccess { data }
    }
  }
`);

export const createTeamMutation = operation<
  { createTeam: MutationResult<TeamRow> },
  {
    input: {
      name: string;
      kind: string;
      outreachVisibility?: 'team' | 'deployment';
      scopePlace?: string | null;
    };
  }
>(`
  mutation CreateTeam($input: NewTeamInput!) {
    createTeam(input: $input) {
      __typename ${errorFields}
      ... on MutationCreateTeamSuccess { data { ${teamRow} } }
    }
  }
`);

export interface AuditFilter {
  actor?: string | null;
  subject?: string | null;
  actions?: string[] | null;
  from?: string | null;
  to?: string | null;
}

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  subjectId: string | null;
  fields: string[];
  changes: string | null;
}

export const auditLogQuery = operation<
  {
    auditLog: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: AuditRow }[];
    };
  },
  { filter?: AuditFilter | null; first: number; after?: string | null }
>(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id at actor action subjectId fields changes } }
    }
  }
`);

export const auditLogCsvQuery = operation<
  { auditLogCsv: string },
  { filter?: AuditFilter | null }
>(`
  query AuditLogCsv($filter: AuditFilter) { auditLogCsv(filter: $filter) }
`);

// ---------------------------------------------------------------------------------------------
// Outreach (issue #8): people with claims, segments and lists, events and invitations, the
// introductions pipeline, follow-ups, the outcome report and exports.

/** A typed error a mutation returns as data (see schema/shared/errors.graphql.ts). */
export type MutationError =
  | {
      __typename: 'ValidationError';
      message: string;
      issues: { path: string[]; message: string }[];
    }
  | { __typename: 'NotFoundError'; message: string; path: string[] }
  | { __typename: 'ConflictError'; message: string; path: string[] };

/** A mutation's result: `{ data }` on success, or one of the typed errors. */
export type MutationResult<T> = { __typename: `Mutation${string}Success`; data: T } | MutationError;

export type IntroductionStage =
  | 'proposed'
  | 'contacted'
  | 'interested'
  | 'visited'
  | 'negotiating'
  | 'signed'
  | 'landed'
  | 'declined'
  | 'dormant';
export type EventKind = 'special_session' | 'forum' | 'fair' | 'visit' | 'online';
export type EventStatus = 'planned' | 'open' | 'held' | 'cancelled';
export type InvitationStatus =
  | 'invited'
  | 'waitlisted'
  | 'accepted'
  | 'declined'
  | 'attended'
  | 'no_show'
  | 'cancelled';
export type ExportFormat = 'CSV' | 'XLSX';

/** The people filter the outreach list sets (a PersonFilter of the schema). */
export interface OutreachFilter extends PersonFilter {
  text?: string;
  levels?: string[];
}

export interface ClaimSummary {
  id: string;
  claimant: string;
  since: string;
  teamName: string | null;
}

export interface OutreachPersonRow extends EntitySummary {
  title: string | null;
  level: string | null;
  categories: string[];
  location: { name: string } | null;
  claims: ClaimSummary[];
}

export const outreachPeopleQuery = operation<
  {
    people: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: OutreachPersonRow }[];
    };
  },
  { filter: OutreachFilter; first: number; after?: string | null }
>(`
  query OutreachPeople($filter: PersonFilter!, $first: Int!, $after: String) {
    people(filter: $filter, first: $first, after: $after, orderBy: NAME) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          ${summary} title level categories location { name }
          claims(activeOnly: true) { id claimant since teamName }
        }
      }
    }
  }
`);

export interface PeopleFacets {
  categories: FacetCount[];
  levels: FacetCount[];
  cities: FacetCount[];
  fields: FacetCount[];
}

export const peopleFacetsQuery = operation<
  { peopleFacets: PeopleFacets },
  { filter: OutreachFilter }
>(`
  query PeopleFacets($filter: PersonFilter!) {
    peopleFacets(filter: $filter) {
      categories { value label count }
      levels { value label count }
      cities { value label count }
      fields { value label count }
    }
  }
`);

export interface SegmentSummary {
  id: string;
  name: string;
  filter: string;
  createdByName: string | null;
  createdAt: string;
  memberCount: number;
}

export interface PersonListSummary {
  id: string;
  name: string;
  segmentId: string | null;
  createdByName: string | null;
  createdAt: string;
  memberCount: number;
}

const segmentFields = 'id name filter createdByName createdAt memberCount';
const listFields = 'id name segmentId createdByName createdAt memberCount';

export const segmentsQuery = operation<
  { segments: SegmentSummary[]; personLists: PersonListSummary[] },
  { first: number }
>(`
  query Segments($first: Int!) {
    segments(first: $first) { ${segmentFields} }
    personLists(first: $first) { ${listFields} }
  }
`);

export interface MemberRow extends EntitySummary {
  title: string | null;
}

const memberFields = `${summary} title`;

export const segmentQuery = operation<
  {
    segment: SegmentSummary & {
      members: MemberRow[];
      cities: { city: { name: string } | null; total: number }[];
    };
  },
  { id: string; first: number }
>(`
  query Segment($id: ID!, $first: Int!) {
    segment(id: $id) {
      ${segmentFields}
      members(first: $first) { ${memberFields} }
      cities(first: 5) { city { name } total }
    }
  }
`);

export const personListQuery = operation<
  { personList: PersonListSummary & { members: MemberRow[] } },
  { id: string; first: number }
>(`
  query PersonList($id: ID!, $first: Int!) {
    personList(id: $id) { ${listFields} members(first: $first) { ${memberFields} } }
  }
`);

export const createSegmentMutation = operation<
  { createSegment: MutationResult<SegmentSummary> },
  { name: string; filter: OutreachFilter }
>(`
  mutation CreateSegment($name: String!, $filter: PersonFilter!) {
    createSegment(name: $name, filter: $filter) {
      ${errorFields}
      ... on MutationCreateSegmentSuccess { data { ${segmentFields} } }
    }
  }
`);

export const freezeSegmentMutation = operation<
  { freezeSegment: MutationResult<PersonListSummary> },
  { segment: string; name: string }
>(`
  mutation FreezeSegment($segment: ID!, $name: String!) {
    freezeSegment(segment: $segment, name: $name) {
      ${errorFields}
      ... on MutationFreezeSegmentSuccess { data { ${listFields} } }
    }
  }
`);

export const editPersonListMutation = operation<
  { editPersonList: MutationResult<PersonListSummary> },
  { list: string; add?: string[]; remove?: string[] }
>(`
  mutation EditPersonList($list: ID!, $add: [ID!], $remove: [ID!]) {
    editPersonList(list: $list, add: $add, remove: $remove) {
      ${errorFields}
      ... on MutationEditPersonListSuccess { data { ${listFields} } }
    }
  }
`);

export interface EventRow {
  id: string;
  name: string;
  kind: EventKind;
  status: EventStatus;
  startsAt: string | null;
  timeZone: string | null;
  venue: string | null;
  capacity: number | null;
  seatsTaken: number;
  city: { id: string; name: string } | null;
}

const eventFields =
  'id name kind status startsAt timeZone venue capacity seatsTaken city { id name }';

export const eventsQuery = operation<{ events: EventRow[] }, { first: number }>(`
  query Events($first: Int!) { events(first: $first) { ${eventFields} } }
`);

export interface InvitationRow {
  id: string;
  status: InvitationStatus;
  invitedAt: string;
  person: EntitySummary | null;
}

export const eventQuery = operation<
  {
    node:
      | (EventRow & {
          __typename: 'Event';
          organiser: { id: string; name: string } | null;
          invitations: InvitationRow[];
        })
      | { __typename: string }
      | null;
  },
  { id: string }
>(`
  query EventPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Event {
        ${eventFields}
        organiser { id name }
        invitations(first: 500) { id status invitedAt person { ${summary} } }
      }
    }
  }
`);

export interface EventInput {
  name: string;
  kind: EventKind;
  startsAt: string;
  timeZone: string;
  city?: string | null;
  venue?: string | null;
  capacity?: number | null;
}

export const createEventMutation = operation<
  { createEvent: MutationResult<EventRow> },
  { input: EventInput }
>(`
  mutation CreateEvent($input: EventInput!) {
    createEvent(input: $input) {
      ${errorFields}
      ... on MutationCreateEventSuccess { data { ${eventFields} } }
    }
  }
`);

export const setEventStatusMutation = operation<
  { setEventStatus: MutationResult<EventRow> },
  { id: string; status: EventStatus }
>(`
  mutation SetEventStatus($id: ID!, $status: EventStatus!) {
    setEventStatus(id: $id, status: $status) {
      ${errorFields}
      ... on MutationSetEventStatusSuccess { data { ${eventFields} } }
    }
  }
`);

export const inviteToEventMutation = operation<
  {
    inviteToEvent: MutationResult<{
      invited: number;
      alreadyInvited: number;
      doNotContact: number;
    }>;
  },
  { input: { event: string; segment?: string; list?: string; people?: string[] } }
>(`
  mutation InviteToEvent($input: InviteInput!) {
    inviteToEvent(input: $input) {
      ${errorFields}
      ... on MutationInviteToEventSuccess { data { invited alreadyInvited doNotContact } }
    }
  }
`);

export const setInvitationStatusMutation = operation<
  { setInvitationStatus: MutationResult<{ id: string; status: InvitationStatus }> },
  { id: string; status: InvitationStatus; note?: string | null }
>(`
  mutation SetInvitationStatus($id: ID!, $status: InvitationStatus!, $note: String) {
    setInvitationStatus(id: $id, status: $status, note: $note) {
      ${errorFields}
      ... on MutationSetInvitationStatusSuccess { data { id status } }
    }
  }
`);

export interface IntroductionCard {
  id: string;
  stage: IntroductionStage;
  stageAt: string;
  channel: string | null;
  note: string | null;
  introducer: EntitySummary | null;
  talent: EntitySummary | null;
  target: EntitySummary | null;
}

const cardFields = `id stage stageAt channel note
  introducer { ${summary} } talent { ${summary} } target { ${summary} }`;

export const introductionsQuery = operation<
  { introductions: IntroductionCard[] },
  { first: number; stages?: IntroductionStage[] | null }
>(`
  query Introductions($first: Int!, $stages: [IntroductionStage!]) {
    introductions(first: $first, stages: $stages) { ${cardFields} }
  }
`);

export interface StageMoveRow {
  id: string;
  from: IntroductionStage | null;
  to: IntroductionStage;
  at: string;
  by: string;
  byName: string | null;
  note: string | null;
  override: boolean;
}

export const introductionHistoryQuery = operation<
  { introduction: (IntroductionCard & { createdAt: string; history: StageMoveRow[] }) | null },
  { id: string }
>(`
  query IntroductionHistory($id: ID!) {
    introduction(id: $id) {
      ${cardFields} createdAt
      history { id from to at by byName note override }
    }
  }
`);

export const moveIntroductionMutation = operation<
  { moveIntroduction: MutationResult<IntroductionCard> },
  {
    input: { id: string; stage: IntroductionStage; note?: string | null; override?: boolean };
  }
>(`
  mutation MoveIntroduction($input: MoveIntroductionInput!) {
    moveIntroduction(input: $input) {
      ${errorFields}
      ... on MutationMoveIntroductionSuccess { data { ${cardFields} } }
    }
  }
`);

export interface FollowUpRow {
  id: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  subject: string;
  done: boolean;
}

const followUpFields = 'id title dueOn overdue subject done';

export const myFollowUpsQuery = operation<
  { myFollowUps: FollowUpRow[] },
  { due?: string | null; first: number }
>(`
  query MyFollowUps($due: String, $first: Int!) {
    myFollowUps(due: $due, first: $first) { ${followUpFields} }
  }
`);

export const createFollowUpMutation = operation<
  { createFollowUp: MutationResult<FollowUpRow> },
  { input: { title: string; dueOn: string; subject: string } }
>(`
  mutation CreateFollowUp($input: FollowUpInput!) {
    createFollowUp(input: $input) {
      ${errorFields}
      ... on MutationCreateFollowUpSuccess { data { ${followUpFields} } }
    }
  }
`);

export const completeFollowUpMutation = operation<
  { completeFollowUp: MutationResult<FollowUpRow> },
  { id: string }
>(`
  mutation CompleteFollowUp($id: ID!) {
    completeFollowUp(id: $id) {
      ${errorFields}
      ... on MutationCompleteFollowUpSuccess { data { ${followUpFields} } }
    }
  }
`);

export interface OutcomeScope {
  event?: string | null;
  introducer?: string | null;
  field?: string | null;
  city?: string | null;
}

/** The report as the API computes it (schema/outreach/funnel.ts). */
export type { Attribution, FunnelReport as OutcomeReport, StageStat };

const attribution = 'key name signed landed';

/** What the report body shows of an outcome report (a consultant's or station's report too). */
const reportFields = `total
  stages { stage current reached conversion stays meanDays medianDays }
  byIntroducer { ${attribution} }
  byEvent { ${attribution} }
  byChannel { ${attribution} }`;

export const outcomeReportQuery = operation<
  { outcomeReport: FunnelReport },
  { from: string; to: string; scope?: OutcomeScope | null }
>(`
  query OutcomeReport($from: String!, $to: String!, $scope: OutcomeScope) {
    outcomeReport(from: $from, to: $to, scope: $scope) { ${reportFields} }
  }
`);

// ---------------------------------------------------------------------------------------------
// Consultants (招才顾问) and talent service stations (schema/outreach/consultants.graphql.ts).

/** Whom they know: people one hop away by tie kind (`knows:…`, `derived:…`, MEMBER_OF …). */
export interface Reach {
  oneHop: number;
  twoHops: number;
  byKind: { kind: string; count: number }[];
}

export interface ConsultantRow {
  consultant: {
    id: string;
    name: string;
    /** Null for a consultant account that is not a person in the graph. */
    person: EntitySummary | null;
    reach: Pick<Reach, 'oneHop'> | null;
  };
  introductions: number;
  /** Introductions now signed, and now landed. */
  signed: number;
  landed: number;
}

export const consultantsQuery = operation<
  { consultants: ConsultantRow[] },
  { from: string; to: string; first: number }
>(`
  query Consultants($from: String!, $to: String!, $first: Int!) {
    consultants(from: $from, to: $to, first: $first) {
      consultant { id name person { ${summary} } reach { oneHop } }
      introductions signed landed
    }
  }
`);

export interface StationRow {
  id: string;
  name: string;
  reach: Pick<Reach, 'oneHop'>;
  report: { total: number; stages: Pick<StageStat, 'stage' | 'current'>[] };
}

export const talentStationsQuery = operation<
  { talentStations: StationRow[] },
  { from: string; to: string; first: number }
>(`
  query TalentStations($from: String!, $to: String!, $first: Int!) {
    talentStations(first: $first) {
      id name reach { oneHop }
      report(from: $from, to: $to) { total stages { stage current } }
    }
  }
`);

/** What a consultant's and a station's pane show alike. */
export interface CreditedDetails {
  id: string;
  name: string;
  reach: Reach | null;
  introductions: IntroductionCard[];
  report: FunnelReport;
  projectsLanded: { project: EntitySummary | null; landedAt: string }[];
}

const creditedFields = `id name reach { oneHop twoHops byKind { kind count } }
  introductions(first: $first) { ${cardFields} }
  report(from: $from, to: $to) { ${reportFields} }
  projectsLanded { project { ${summary} } landedAt }`;

export const consultantQuery = operation<
  { consultant: (CreditedDetails & { person: EntitySummary | null; roles: string[] }) | null },
  { id: string; from: string; to: string; first: number }
>(`
  query Consultant($id: ID!, $from: String!, $to: String!, $first: Int!) {
    consultant(id: $id) { ${creditedFields} person { ${summary} } roles }
  }
`);

export const talentStationQuery = operation<
  { talentStation: (CreditedDetails & { organization: EntitySummary | null }) | null },
  { id: string; from: string; to: string; first: number }
>(`
  query TalentStation($id: ID!, $from: String!, $to: String!, $first: Int!) {
    talentStation(id: $id) { ${creditedFields} organization { ${summary} } }
  }
`);

export interface ExportFile {
  fileName: string;
  mimeType: string;
  rows: number;
  base64: string;
}

const fileFields = 'fileName mimeType rows base64';

export const exportPipelineQuery = operation<
  { exportPipeline: ExportFile },
  { from: string; to: string; scope?: OutcomeScope | null; format: ExportFormat }
>(`
  query ExportPipeline($from: String!, $to: String!, $scope: OutcomeScope, $format: ExportFormat!) {
    exportPipeline(from: $from, to: $to, scope: $scope, format: $format) { ${fileFields} }
  }
`);

export const exportPeopleQuery = operation<
  { exportPeople: ExportFile },
  { list?: string; segment?: string; event?: string; format: ExportFormat }
>(`
  query ExportPeople($list: ID, $segment: ID, $event: ID, $format: ExportFormat!) {
    exportPeople(list: $list, segment: $segment, event: $event, format: $format) { ${fileFields} }
  }
`);

// ---------------------------------------------------------------------------------------------
// Details panel actions on a person (issue #8): introduce, claim, log an interaction, add a tie.
// Inviting reuses inviteToEventMutation with `people`.

export type OutreachChannel = 'wechat' | 'call' | 'visit' | 'meeting' | 'email' | 'event';

export interface NewIntroductionInput {
  introducer: string;
  talent: string;
  target: string;
  channel?: OutreachChannel | null;
  note?: string | null;
}

export const createIntroductionMutation = operation<
  { createIntroduction: MutationResult<IntroductionCard> },
  { input: NewIntroductionInput }
>(`
  mutation CreateIntroduction($input: NewIntroductionInput!) {
    createIntroduction(input: $input) {
      ${errorFields}
      ... on MutationCreateIntroductionSuccess { data { ${cardFields} } }
    }
  }
`);

export const personClaimsQuery = operation<
  { node: { __typename: string; claims?: ClaimSummary[] } | null },
  { id: string }
>(`
  query PersonClaims($id: ID!) {
    node(id: $id) { __typename ... on Person { claims(activeOnly: true) { id claimant since teamName } } }
  }
`);

export const claimPersonMutation = operation<
  { claimPerson: MutationResult<ClaimSummary> },
  { input: { person: string; claimant: string; note?: string | null } }
>(`
  mutation ClaimPerson($input: ClaimInput!) {
    claimPerson(input: $input) {
      ${errorFields}
      ... on MutationClaimPersonSuccess { data { id claimant since teamName } }
    }
  }
`);

export const logInteractionMutation = operation<
  {
    logInteraction: MutationResult<{
      id: string;
      at: string;
      channel: OutreachChannel;
      note: string | null;
    }>;
  },
  { input: { person: string; channel: OutreachChannel; note?: string | null } }
>(`
  mutation LogInteraction($input: InteractionInput!) {
    logInteraction(input: $input) {
      ${errorFields}
      ... on MutationLogInteractionSuccess { data { id at channel note } }
    }
  }
`);

/** The AddTieInput fields the details panel sets. */
export interface AddTieInput {
  kind: string;
  subject: string;
  object: string;
  title?: string | null;
  role?: string | null;
  startYear?: number | null;
  endYear?: number | null;
  knowsKind?: string | null;
  strength?: number | null;
}

export const addTieMutation = operation<{ addTie: MutationResult<Tie> }, { input: AddTieInput }>(`
  mutation AddTie($input: AddTieInput!) {
    addTie(input: $input) {
      ${errorFields}
      ... on MutationAddTieSuccess { data { ${tie} } }
    }
  }
`);
