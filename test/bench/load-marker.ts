import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a finished load left behind in `data/bench/<size>/loaded.json`. */
export interface LoadMarker {
  people: number;
  nodes: number;
  ties: number;
  derivedTies: number;
  /** Generation + load of nodes and ties, in milliseconds. */
  loadMs: number;
  /** Rebuilding the derived ties, in milliseconds (0 when the bulk import wrote them). */
  derivedMs: number;
  /** `bulk`: neo4j-admin import of generated CSV (test/bench/bulk-import.ts); absent: Cypher loader. */
  method?: 'bulk';
  /** Building constraints and indexes after a bulk import. */
  indexMs?: number;
  loadedAt: string;
}

const markerFile = (home: string) => join(home, 'loaded.json');

/** The marker of a completed load in `home`, or undefined when the load never finished. */
export function readLoadMarker(home: string): LoadMarker | undefined {
  const file = markerFile(home);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as LoadMarker;
}

/** Records a completed load, so later runs skip loading and can still report its time. */
export function writeLoadMarker(home: string, marker: LoadMarker): void {
  writeFileSync(markerFile(home), `${JSON.stringify(marker, null, 2)}\n`);
}
