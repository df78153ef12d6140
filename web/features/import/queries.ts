import { MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

export type ImportPreset = SchemaType<'ImportPreset'>;

const ImportJobFields = graphql(`
  fragment ImportJobFields on ImportJob {
    id status fileName dryRun totalRows doneRows rejected created updated unchanged
    newOrganizations newFields error preview { line name action links reasons }
    rejectedRows(first: 500) { line column reason name }
  }
`);
export type ImportJob = ResultOf<typeof ImportJobFields>;

/** Sent as a multipart upload: the `file` variable travels as the file part (see uploadRequest). */
export const startImportMutation = graphql(
  `
  mutation StartImport($file: File!, $preset: ImportPreset!, $dryRun: Boolean, $keepGoodRows: Boolean,
                       $dataset: String, $mapping: [ImportColumnMapping!]) {
    startImport(file: $file, preset: $preset, dryRun: $dryRun, keepGoodRows: $keepGoodRows,
                dataset: $dataset, mapping: $mapping) {
      ...MutationErrorFields
      ... on MutationStartImportSuccess { data { ...ImportJobFields } }
    }
  }
`,
  [MutationErrorFields, ImportJobFields],
);

export const importJobQuery = graphql(
  `
  query ImportJob($id: ID!) { importJob(id: $id) { ...ImportJobFields } }
`,
  [ImportJobFields],
);

export const importRejectedCsvQuery = graphql(`
  query ImportRejectedCsv($id: ID!) { importJob(id: $id) { rejectedCsv } }
`);
