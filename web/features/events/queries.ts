import { EntitySummaryFields, MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

export type EventKind = SchemaType<'EventKind'>;
export type EventStatus = SchemaType<'EventStatus'>;
export type InvitationStatus = SchemaType<'InvitationStatus'>;

const EventFields = graphql(`
  fragment EventFields on Event {
    id name kind status startsAt timeZone venue capacity seatsTaken city { id name }
  }
`);
export type EventRow = ResultOf<typeof EventFields>;

export const eventsQuery = graphql(
  `
  query Events($first: Int!) { events(first: $first) { ...EventFields } }
`,
  [EventFields],
);

export const eventQuery = graphql(
  `
  query EventPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Event {
        ...EventFields
        organiser { id name }
        changedAt changeNoticesOwed
        invitations(first: 500) {
          id status invitedAt withColleague person { ...EntitySummaryFields }
          delivery { status channel error sendCount }
          changeNotice { status error }
          history { channel }
        }
      }
    }
    invitationChannels { channel enabled }
  }
`,
  [EventFields, EntitySummaryFields],
);
export type EventPageData = Extract<
  NonNullable<ResultOf<typeof eventQuery>['node']>,
  { __typename: 'Event' }
>;
export type InvitationRow = EventPageData['invitations'][number];

export const createEventMutation = graphql(
  `
  mutation CreateEvent($input: EventInput!) {
    createEvent(input: $input) {
      ...MutationErrorFields
      ... on MutationCreateEventSuccess { data { ...EventFields } }
    }
  }
`,
  [MutationErrorFields, EventFields],
);

export const setEventStatusMutation = graphql(
  `
  mutation SetEventStatus($id: ID!, $status: EventStatus!) {
    setEventStatus(id: $id, status: $status) {
      ...MutationErrorFields
      ... on MutationSetEventStatusSuccess { data { ...EventFields } }
    }
  }
`,
  [MutationErrorFields, EventFields],
);

export const inviteToEventMutation = graphql(
  `
  mutation InviteToEvent($input: InviteInput!) {
    inviteToEvent(input: $input) {
      ...MutationErrorFields
      ... on MutationInviteToEventSuccess { data { invited alreadyInvited doNotContact noConsent } }
    }
  }
`,
  [MutationErrorFields],
);

export const setInvitationStatusMutation = graphql(
  `
  mutation SetInvitationStatus($id: ID!, $status: InvitationStatus!, $note: String) {
    setInvitationStatus(id: $id, status: $status, note: $note) {
      ...MutationErrorFields
      ... on MutationSetInvitationStatusSuccess { data { id status } }
    }
  }
`,
  [MutationErrorFields],
);

export const setInvitationStatusesMutation = graphql(
  `
  mutation SetInvitationStatuses($invitations: [ID!]!, $status: InvitationStatus!) {
    setInvitationStatuses(invitations: $invitations, status: $status) {
      ...MutationErrorFields
      ... on MutationSetInvitationStatusesSuccess { data { changed waitlisted unchanged } }
    }
  }
`,
  [MutationErrorFields],
);

export const sendInvitationsMutation = graphql(
  `
  mutation SendInvitations($input: SendInvitationsInput!) {
    sendInvitations(input: $input) {
      ...MutationErrorFields
      ... on MutationSendInvitationsSuccess { data { queued alreadySent job { id } } }
    }
  }
`,
  [MutationErrorFields],
);

export const markInvitationsSentMutation = graphql(
  `
  mutation MarkInvitationsSent($invitations: [ID!]!) {
    markInvitationsSent(invitations: $invitations) {
      ...MutationErrorFields
      ... on MutationMarkInvitationsSentSuccess { data }
    }
  }
`,
  [MutationErrorFields],
);

export const sendJobQuery = graphql(`
  query SendJob($id: ID!) { job(id: $id) { id status result error } }
`);

export const updateEventMutation = graphql(
  `
  mutation UpdateEvent($id: ID!, $input: EventPatch!) {
    updateEvent(id: $id, input: $input) {
      ...MutationErrorFields
      ... on MutationUpdateEventSuccess { data { ...EventFields } }
    }
  }
`,
  [MutationErrorFields, EventFields],
);

export const notifyEventChangeMutation = graphql(
  `
  mutation NotifyEventChange($event: ID!) {
    notifyEventChange(event: $event) {
      ...MutationErrorFields
      ... on MutationNotifyEventChangeSuccess { data { queued job { id } } }
    }
  }
`,
  [MutationErrorFields],
);

export const invitationPreviewQuery = graphql(`
  query InvitationPreview($id: ID!) {
    invitationPreview(id: $id) { language subject text hasAddress blockedBecause }
  }
`);
