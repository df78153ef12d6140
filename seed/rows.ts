/**
 * Builders for node and tie rows carrying the common properties of schema/MODEL.md, so every
 * generator module fills them the same way.
 */
import { searchKeys } from '../schema/shared/search-keys.ts';

/** A node row or the properties of a tie. */
export type Row = Record<string, unknown>;
/** A tie row: end node ids and the tie properties. */
export interface TieRow {
  from: string;
  to: string;
  props: Row;
}

/** The year the demo data is "as of", and the same instant in epoch milliseconds. */
export const NOW_YEAR = 2024;
export const NOW_MS = Date.UTC(2024, 10, 23);

/** When the demo database "started": every record is created between this and NOW_MS. */
export const DB_START_MS = Date.UTC(2024, 0, 1);
/** The reference data (places, fields, organisations) and the seed Source predate the records. */
export const REFERENCE_MS = DB_START_MS - 3 * 86_400_000;

/** A record creation time for something that happened at `eventMs`: entered then, or at the start. */
export const recordedFor = (eventMs: number): number =>
  Math.min(NOW_MS - 86_400_000, Math.max(DB_START_MS, eventMs));

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Copies `extra` into `row`, leaving out undefined values (Neo4j has no null properties to store). */
function assignDefined(row: Row, extra: Row): Row {
  for (const key in extra) {
    const value = extra[key];
    if (value !== undefined) row[key] = value;
  }
  return row;
}

/** The common node properties of schema/MODEL.md. */
export interface EntityBase {
  id: string;
  name: string;
  latinName?: string;
  aliases?: readonly string[];
  createdAt: string;
  updatedAt?: string;
  sourceId: string;
  verified: boolean;
  confidence?: number;
  /** The label, for the search keys that depend on it (a person's surname, an organisation's short forms). */
  kind?: string;
  /** Overrides the derived searchText (Contact nodes must not index their values). */
  searchText?: string;
}

/** A node row: the common properties (searchText derived) followed by the label's own. */
export function entityRow(base: EntityBase, own: Row): Row {
  const aliases = base.aliases ?? [];
  const row: Row = {
    id: base.id,
    name: base.name,
  };
  if (base.latinName !== undefined) row.latinName = base.latinName;
  if (base.searchText !== undefined) {
    row.aliases = [...aliases];
    row.searchText = base.searchText;
  } else {
    const keys = searchKeys(base.kind ?? 'Node', {
      name: base.name,
      latinName: base.latinName,
      aliases,
    });
    row.aliases = keys.aliases;
    if (keys.generatedAliases.length) row.generatedAliases = keys.generatedAliases;
    row.searchText = keys.searchText;
    row.namePinyin = keys.namePinyin;
    row.nameInitials = keys.nameInitials;
  }
  row.createdAt = base.createdAt;
  row.updatedAt = base.updatedAt ?? base.createdAt;
  row.sourceId = base.sourceId;
  row.verified = base.verified;
  if (base.confidence !== undefined) row.confidence = base.confidence;
  row.deleted = false;
  return assignDefined(row, own);
}

/** A tie row: the common tie properties followed by the type's own. */
export function tieRow(
  from: string,
  to: string,
  common: {
    id: string;
    sourceId: string;
    recordedAt: string;
    verified: boolean;
    confidence?: number;
  },
  own: Row = {},
): TieRow {
  const props: Row = {
    id: common.id,
    sourceId: common.sourceId,
    recordedAt: common.recordedAt,
    verified: common.verified,
  };
  if (common.confidence !== undefined) props.confidence = common.confidence;
  props.deleted = false;
  return { from, to, props: assignDefined(props, own) };
}
