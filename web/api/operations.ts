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
