import type { Entity } from '../entity/entity.model.ts';
import type { EntityKind } from '../shared/entity-kinds.ts';
import { ValidationError } from '../shared/errors.ts';
import { isTieKind, type TieKind } from './tie-kinds.ts';

/** A tie as the API sees it, from the point of view of one end (`direction`). */
export interface Tie {
  kind: TieKind;
  id: string;
  /** The entity at the far end from where the tie was reached. */
  other: Entity;
  /** OUT: stored from this end to `other`; IN: from `other` to this end. */
  direction: 'OUT' | 'IN';
  /** The end the tie was reached from. */
  selfKind: EntityKind;
  selfId: string;
  props: TieProps;
}

/** Stored tie properties (see schema/MODEL.md): valid time, kind-specific values, provenance. */
export interface TieProps {
  from?: number | null;
  to?: number | null;
  current?: boolean | null;
  degree?: string | null;
  major?: string | null;
  title?: string | null;
  role?: string | null;
  level?: number | null;
  kind?: string | null;
  strength?: number | null;
  since?: number | null;
  at?: number | null;
  sourceId?: string | null;
  recordedAt?: string | null;
  recordedBy?: string | null;
  verified?: boolean | null;
  confidence?: number | null;
}

/** The Cypher projection of a tie `r` (temporal values as strings). */
export const tieProjection = 'r {.*, recordedAt: toString(r.recordedAt), deleted: null}';

/** Global id of a tie: `Tie:WORKED_AT:01J…` — the type is part of it, so a lookup uses its index. */
export function encodeTieId(kind: TieKind, id: string): string {
  return `Tie:${kind}:${id}`;
}

export function decodeTieId(globalId: string, path: string[]): { kind: TieKind; id: string } {
  const [typename, kind, id] = globalId.split(':');
  if (typename !== 'Tie' || !kind || !isTieKind(kind) || !id || !/^[0-9A-Z]{26}$/.test(id)) {
    throw new ValidationError([{ path, code: 'not_tie_id', message: 'must be the id of a tie' }]);
  }
  return { kind, id };
}
