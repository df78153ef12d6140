import { operation } from './graphql-client.ts';

export type EntityType = 'Person' | 'Organization' | 'Place' | 'Field' | 'Project';

export interface EntitySummary {
  __typename: EntityType;
  id: string;
  name: string;
  latinName: string | null;
}

export interface SearchHit {
  entity: EntitySummary;
  matchedBy: string[];
  score: number;
}

export const searchQuery = operation<{ search: SearchHit[] }, { text: string; first: number }>(`
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      entity { __typename id name latinName }
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
}

export interface Neighborhood {
  nodes: EntitySummary[];
  edges: GraphEdge[];
  truncated: boolean;
  omittedNodes: number;
  omittedByKind: { kind: string; count: number }[];
}

export const neighborhoodQuery = operation<
  { neighborhood: Neighborhood },
  { ids: string[]; depth: number; limit: number }
>(`
  query Neighborhood($ids: [ID!]!, $depth: Int!, $limit: Int!) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit) {
      nodes { __typename id name latinName }
      edges { id source target kind label derived current strength }
      truncated
      omittedNodes
      omittedByKind { kind count }
    }
  }
`);

interface Named {
  name: string;
}

export interface PersonDetails extends EntitySummary {
  __typename: 'Person';
  title: string | null;
  categories: string[];
  hometown: Named | null;
  location: Named | null;
  positions: { title: string | null; current: boolean | null; other: Named }[];
}

export interface OrganizationDetails extends EntitySummary {
  __typename: 'Organization';
  type: string;
  place: Named | null;
}

export interface PlaceDetails extends EntitySummary {
  __typename: 'Place';
  placeKind: string;
}

export interface ProjectDetails extends EntitySummary {
  __typename: 'Project';
  projectKind: string;
  status: string;
}

export interface FieldDetails extends EntitySummary {
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
      ... on Entity { name latinName }
      ... on Person {
        title
        categories
        hometown { name }
        location { name }
        positions { title current other { name } }
      }
      ... on Organization { type place { name } }
      ... on Place { placeKind: kind }
      ... on Field { parent { name } }
      ... on Project { projectKind: kind status }
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
