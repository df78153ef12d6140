import {
  EntitySummaryFields,
  IntroductionCardFields,
  OutcomeReportFields,
} from '../../api/fragments.ts';
import { graphql, type ResultOf } from '../../api/graphql.ts';

/** Consultants (招才顾问) and talent service stations (schema/outreach/consultants.graphql.ts). */

export const consultantsQuery = graphql(
  `
  query Consultants($from: String!, $to: String!, $first: Int!) {
    consultants(from: $from, to: $to, first: $first) {
      consultant { id name person { ...EntitySummaryFields } reach { oneHop } }
      introductions signed landed
    }
  }
`,
  [EntitySummaryFields],
);
export type ConsultantRow = ResultOf<typeof consultantsQuery>['consultants'][number];

export const talentStationsQuery = graphql(`
  query TalentStations($from: String!, $to: String!, $first: Int!) {
    talentStations(first: $first) {
      id name reach { oneHop }
      report(from: $from, to: $to) { total stages { stage current } }
    }
  }
`);
export type StationRow = ResultOf<typeof talentStationsQuery>['talentStations'][number];

const ReachFields = graphql(`
  fragment ReachFields on Reach { oneHop twoHops byKind { kind count } }
`);
/** Whom they know: people one and two hops away, by tie kind (`knows:…`, `derived:…`, MEMBER_OF …). */
export type Reach = ResultOf<typeof ReachFields>;

export const consultantQuery = graphql(
  `
  query Consultant($id: ID!, $from: String!, $to: String!, $first: Int!) {
    consultant(id: $id) {
      id name reach { ...ReachFields }
      introductions(first: $first) { ...IntroductionCardFields }
      report(from: $from, to: $to) { ...OutcomeReportFields }
      projectsLanded { project { ...EntitySummaryFields } landedAt }
      person { ...EntitySummaryFields }
      roles
    }
  }
`,
  [ReachFields, IntroductionCardFields, OutcomeReportFields, EntitySummaryFields],
);

export const talentStationQuery = graphql(
  `
  query TalentStation($id: ID!, $from: String!, $to: String!, $first: Int!) {
    talentStation(id: $id) {
      id name reach { ...ReachFields }
      introductions(first: $first) { ...IntroductionCardFields }
      report(from: $from, to: $to) { ...OutcomeReportFields }
      projectsLanded { project { ...EntitySummaryFields } landedAt }
      organization { ...EntitySummaryFields }
    }
  }
`,
  [ReachFields, IntroductionCardFields, OutcomeReportFields, EntitySummaryFields],
);
/** What a consultant's and a station's pane show alike. */
export type CreditedDetails =
  | NonNullable<ResultOf<typeof consultantQuery>['consultant']>
  | NonNullable<ResultOf<typeof talentStationQuery>['talentStation']>;
