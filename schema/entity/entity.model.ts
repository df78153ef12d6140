import type { EntityKind } from '../shared/entity-kinds.ts';

/** What every entity has: names and provenance. Plain values only (no Neo4j types). */
interface EntityBase {
  kind: EntityKind;
  id: string;
  name: string;
  latinName: string | null;
  aliases: string[];
  /** Which of `aliases` were generated (short forms, see schema/shared/short-forms.ts). */
  generatedAliases: string[];
  sourceId: string | null;
  verified: boolean;
  confidence: number | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export interface Person extends EntityBase {
  kind: 'Person';
  gender: string | null;
  birthYear: number | null;
  categories: string[];
  level: string | null;
  honours: string[];
  title: string | null;
  bio: string | null;
  consentStatus: string;
  doNotContact: boolean;
  preferredLanguage?: string | null;
}

export interface Organization extends EntityBase {
  kind: 'Organization';
  type: string;
  description: string | null;
}

export interface Place extends EntityBase {
  kind: 'Place';
  placeKind: string;
}

export interface Field extends EntityBase {
  kind: 'Field';
}

interface Project extends EntityBase {
  kind: 'Project';
  projectKind: string;
  status: string;
  funding: number | null;
  description: string | null;
}

export type Entity = Person | Organization | Place | Field | Project;
export type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>;

/**
 * The Cypher map projection of an entity node `n`: every stored property except the derived search
 * keys (searchText, namePinyin, nameInitials), with temporal values as ISO strings, so nothing above this file sees a Neo4j type.
 */
export const entityProjection = `n {
  .*, searchText: null, namePinyin: null, nameInitials: null, deleted: null,
  createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), deletedAt: toString(n.deletedAt)
}`;

/**
 * The fields an entity's summary shows (the graph view's nodes, a tie's other end), and the
 * projection that reads only them. An entity made from it (`toEntity`) has only these fields set:
 * use it where the query selects nothing else (schema/shared/selection.ts). At 1M people, a
 * neighbourhood's ~470 last-level nodes read whole cost 15,195 db hits.
 */
export const entitySummaryFields: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'name',
  'latinName',
]);
export const entitySummaryProjection = 'n {.id, .name, .latinName}';

const listProps = ['aliases', 'generatedAliases', 'categories', 'honours'];

/**
 * A row from `entityProjection` as an entity of `kind`. Place and Project keep their `kind` property
 * as `placeKind` / `projectKind` so that `kind` always names the label.
 */
export function toEntity<K extends EntityKind>(kind: K, row: Record<string, unknown>): EntityOf<K> {
  const entity: Record<string, unknown> = {
    latinName: null,
    sourceId: null,
    confidence: null,
    createdBy: null,
    verified: false,
  };
  for (const [key, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue;
    if (key === 'kind') entity[kind === 'Place' ? 'placeKind' : 'projectKind'] = value;
    else entity[key] = value;
  }
  for (const key of listProps) entity[key] ??= [];
  if (kind === 'Person') {
    // Tolerant of people stored without consent fields (migration 0065 fills them in).
    entity.consentStatus ??= 'unknown';
    entity.doNotContact ??= false;
  }
  entity.kind = kind;
  return entity as unknown as EntityOf<K>;
}
