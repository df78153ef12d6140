import { ExportFileFields, OutcomeReportFields } from '../../api/fragments.ts';
import { graphql, type SchemaType } from '../../api/graphql.ts';

export type OutcomeScope = SchemaType<'OutcomeScope'>;

export const outcomeReportQuery = graphql(
  `
  query OutcomeReport($from: String!, $to: String!, $scope: OutcomeScope) {
    outcomeReport(from: $from, to: $to, scope: $scope) { ...OutcomeReportFields }
  }
`,
  [OutcomeReportFields],
);

export const exportPipelineQuery = graphql(
  `
  query ExportPipeline($from: String!, $to: String!, $scope: OutcomeScope, $format: ExportFormat!) {
    exportPipeline(from: $from, to: $to, scope: $scope, format: $format) { ...ExportFileFields }
  }
`,
  [ExportFileFields],
);
