import { ExportFileFields } from '../../api/fragments.ts';
import { graphql, type SchemaType } from '../../api/graphql.ts';

export type ExportFormat = SchemaType<'ExportFormat'>;

/** A list's, a segment's or an event's people as a CSV or XLSX file. */
export const exportPeopleQuery = graphql(
  `
  query ExportPeople($list: ID, $segment: ID, $event: ID, $format: ExportFormat!) {
    exportPeople(list: $list, segment: $segment, event: $event, format: $format) {
      ...ExportFileFields
    }
  }
`,
  [ExportFileFields],
);
