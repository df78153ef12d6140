import { graphql, type ResultOf } from './graphql.ts';

/** Fragments more than one feature selects; a feature's own fragments stay in its queries.ts. */

/** What every list and graph shows of a person, organisation, place, field or project. */
export const EntitySummaryFields = graphql(`
  fragment EntitySummaryFields on Entity { __typename id name latinName }
`);
export type EntitySummary = ResultOf<typeof EntitySummaryFields>;
export type EntityType = EntitySummary['__typename'];

export const ProvenanceFields = graphql(`
  fragment ProvenanceFields on Provenance {
    unsourced verified confidence source { kind title url }
  }
`);
export type Provenance = ResultOf<typeof ProvenanceFields>;

/** A tie as the details panel lists it, from the entity's end. */
export const TieFields = graphql(
  `
  fragment TieFields on Tie {
    id kind direction current startYear endYear title role degree major knowsKind strength
    other { ...EntitySummaryFields }
    provenance { ...ProvenanceFields }
  }
`,
  [EntitySummaryFields, ProvenanceFields],
);
export type Tie = ResultOf<typeof TieFields>;

/**
 * The typed errors a mutation returns as data (see schema/shared/errors.graphql.ts): spread into
 * each mutation's result beside its `… on Mutation…Success { data }`.
 */
export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on Error {
    __typename
    message
    code
    params { name value enum }
    ... on ValidationError { issues { path message code params { name value enum } } }
    ... on ConflictError { path }
    ... on NotFoundError { path }
  }
`);
export type MutationError = ResultOf<typeof MutationErrorFields>;

/** A mutation's result: `{ data }` on success (no typed error has `data`), or one of the typed errors. */
export type MutationResult<T> = { data: T } | MutationError;

/** An introduction as a pipeline card (the board, a consultant's pane, the details panel). */
export const IntroductionCardFields = graphql(
  `
  fragment IntroductionCardFields on Introduction {
    id stage stageAt channel note ownerName
    introducer { ...EntitySummaryFields }
    talent { ...EntitySummaryFields }
    target { ...EntitySummaryFields }
  }
`,
  [EntitySummaryFields],
);
export type IntroductionCard = ResultOf<typeof IntroductionCardFields>;

/** What the report body shows of an outcome report (the bureau's, a consultant's, a station's). */
export const OutcomeReportFields = graphql(`
  fragment OutcomeReportFields on OutcomeReport {
    total reached invited attended
    stages { stage current reached conversion stays meanDays medianDays }
    byIntroducer { key name signed landed }
    byEvent { key name signed landed }
    byChannel { key name signed landed }
    byStation { key name signed landed }
  }
`);
export type OutcomeReport = ResultOf<typeof OutcomeReportFields>;

/** A generated file (CSV or XLSX) as the export queries return it. */
export const ExportFileFields = graphql(`
  fragment ExportFileFields on ExportFile { fileName mimeType rows base64 }
`);
export type ExportFile = ResultOf<typeof ExportFileFields>;
export type StageStat = OutcomeReport['stages'][number];
export type Attribution = OutcomeReport['byEvent'][number];
