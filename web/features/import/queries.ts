import { MutationErrorFields } from '../../api/fragments.ts';
import { graphql, type ResultOf, type SchemaType } from '../../api/graphql.ts';

export type ImportPreset = SchemaType<'ImportPreset'>;

const ImportJobFields = graphql(`
  fragment ImportJobFields on ImportJob {
    id status fileName dryRun totalRows doneRows rejected created updated unchanged
    newOrganizations newFields error problems { reason code params { name value enum } }
    preview {
      line name action
      ties { kind name isNew under }
      problems { column reason code params { name value enum } }
    }
    rejectedRows(first: 500) { line column reason name code params { name value enum } }
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

export const datasetMappingsQuery = graphql(`
  query DatasetMappings { datasetMappings { name dataset description files } }
`);
export type DatasetMapping = ResultOf<typeof datasetMappingsQuery>['datasetMappings'][number];

const DatasetJobFields = graphql(`
  fragment DatasetJobFields on Job { id status phase done total percent error result }
`);
export type DatasetJob = ResultOf<typeof DatasetJobFields>;

/** Sent as a multipart upload: each `files.N` (and `mappingFile`) travels as a file part. */
export const startDatasetImportMutation = graphql(
  `
  mutation StartDatasetImport($mapping: String, $mappingFile: File, $files: [File!]!, $dryRun: Boolean,
                              $keepGoodRows: Boolean, $scanDuplicates: Boolean) {
    startDatasetImport(mapping: $mapping, mappingFile: $mappingFile, files: $files, dryRun: $dryRun,
                       keepGoodRows: $keepGoodRows, scanDuplicates: $scanDuplicates) {
      ...MutationErrorFields
      ... on MutationStartDatasetImportSuccess { data { ...DatasetJobFields } }
    }
  }
`,
  [MutationErrorFields, DatasetJobFields],
);

export const datasetJobQuery = graphql(
  `
  query DatasetJob($id: ID!) { job(id: $id) { ...DatasetJobFields } }
`,
  [DatasetJobFields],
);
