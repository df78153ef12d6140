// Outreach (issue #6): each file registers its types, queries and mutations.
import './introductions.graphql.ts';
