// Outreach (issue #6): each file registers its types, queries and mutations.
import './introductions.graphql.ts';
import './claims.graphql.ts';
import './follow-ups.graphql.ts';
import './segments.graphql.ts';
import './events.graphql.ts';
import './invitations.graphql.ts';
import './invitation-statuses.graphql.ts';
import './interactions.graphql.ts';
import './reports.graphql.ts';
import './exports.graphql.ts';
import './watches.graphql.ts';
import './consultants.graphql.ts';
import './export-links.ts';
import './delivery/delivery.graphql.ts';
import './delivery/event-change.graphql.ts';
