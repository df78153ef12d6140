/**
 * A dataset mapping (JSON, committed beside its data or saved in the app): which file holds which
 * nodes or ties, and how each field is read from the columns. Checked with zod, so a bad mapping is
 * refused with the path of the bad entry before anything is read.
 *
 * A field is a column (its header, or its 1-based number when headers repeat, as in "Person.id|Person.id")
 * or a transform of columns:
 *   { "concat": ["姓", "名"], "separator": "" }        join columns (empty ones left out)
 *   { "column": "names", "split": ";", "index": 0 }     one part of a column
 *   { "column": "birthday", "date": "epoch-ms" }        a year from epoch-ms, ISO, 2019年3月, 2019.03 ...
 *   { "column": "gender", "lookup": { "1": "male" } }   a value looked up (unlisted values are errors)
 *   { "column": "name", "replace": ["_", " "] }         every occurrence replaced
 *   { "value": "friend" }                               a constant
 *   { "column": "name", "prefix": "LDBC " }             text put before the value
 * and any of them may carry "default" (used when the result is empty).
 */
import { z } from 'zod';

const columnRef = z.union([z.string().min(1).max(200), z.number().int().min(1).max(1000)]);

const fieldBase = z
  .object({
    column: columnRef.optional(),
    concat: z.array(columnRef).min(1).max(10).optional(),
    separator: z.string().max(10).optional(),
    split: z.string().min(1).max(10).optional(),
    index: z.number().int().min(0).max(100).optional(),
    date: z.enum(['year', 'epoch-ms', 'iso']).optional(),
    lookup: z.record(z.string(), z.string().nullable()).optional(),
    replace: z.tuple([z.string().min(1), z.string()]).optional(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    prefix: z.string().max(50).optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .strict()
  .refine((f) => f.column !== undefined || f.concat || f.value !== undefined, {
    message: 'needs "column", "concat" or "value"',
  });

const fieldSpec = z.union([columnRef, fieldBase]);
export type FieldSpec = z.infer<typeof fieldSpec>;

const nodeLabels = ['Person', 'Organization', 'Place', 'Project', 'Field'] as const;
export type NodeLabel = (typeof nodeLabels)[number];

const edgeTypes = [
  'KNOWS',
  'STUDIED_AT',
  'WORKED_AT',
  'MEMBER_OF',
  'BORN_IN',
  'LIVES_IN',
  'LOCATED_IN',
  'PART_OF',
  'LEADS',
  'HOSTED_BY',
  'LANDED_IN',
  'IN_FIELD',
  'EXPERT_IN',
] as const;
export type EdgeType = (typeof edgeTypes)[number];

const fileBase = {
  /** The file, relative to the mapping (or the folder given on the command line). */
  path: z.string().min(1).max(500),
  /** One character; detected from the first line when not given. */
  delimiter: z.string().length(1).optional(),
  encoding: z.enum(['utf8', 'gb18030', 'utf16le', 'utf16be']).optional(),
  /** An .xlsx sheet by name or 1-based number. */
  sheet: z.union([z.string(), z.number().int().min(1)]).optional(),
  /** Only rows whose column has one of these values (others are skipped, and counted). */
  where: z
    .object({ column: columnRef, in: z.array(z.string()).min(1) })
    .strict()
    .optional(),
};

/** A reference to a node of the dataset by its external id, as a field. */
const refSpec = z.object({ label: z.enum(nodeLabels), id: fieldSpec }).strict();

const nodeFile = z
  .object({
    ...fileBase,
    label: z.enum(nodeLabels),
    /** The column holding the external id (unique within the dataset and label). */
    id: fieldSpec,
    fields: z.record(z.string(), fieldSpec),
    /** Another file joined on its first column = this file's id, bringing in more columns. */
    join: z
      .object({
        path: z.string().min(1).max(500),
        delimiter: z.string().length(1).optional(),
        on: columnRef,
        columns: z.record(z.string(), columnRef),
      })
      .strict()
      .optional(),
    /** Where the node is (organisations, events) or what it is part of (places): used for matching. */
    place: refSpec.optional(),
    parent: refSpec.optional(),
  })
  .strict();

const edgeFile = z
  .object({
    ...fileBase,
    type: z.enum(edgeTypes),
    from: refSpec,
    to: refSpec,
    fields: z.record(z.string(), fieldSpec).default({}),
    /** A row whose end is not in the dataset: skipped and counted (default: a row error). */
    missing: z.enum(['error', 'skip']).default('error'),
  })
  .strict();

export const datasetMapping = z
  .object({
    /** Names the dataset: external ids are unique within it, and a re-import matches on them. */
    dataset: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w.-]+$/),
    description: z.string().max(2000).optional(),
    nodes: z.array(nodeFile).max(50).default([]),
    edges: z.array(edgeFile).max(50).default([]),
  })
  .strict();

export type DatasetMapping = z.infer<typeof datasetMapping>;
export type NodeFile = z.infer<typeof nodeFile>;
export type EdgeFile = z.infer<typeof edgeFile>;
