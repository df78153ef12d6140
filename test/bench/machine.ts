import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import type { CypherCall } from './raw-cypher.ts';

/** The machine a run happened on. */
export interface Machine {
  cpus: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  java: string;
  neo4j: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function javaVersion(): string {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return result.stderr.split('\n')[0]?.trim() ?? 'unknown';
}

/** Describes this machine and the Neo4j behind `cypher` (name, version and edition). */
export async function describeMachine(cypher: CypherCall): Promise<Machine> {
  const components = await cypher<{ name: string; versions: string[]; edition: string }>(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
  );
  const neo4j = components[0];
  return {
    cpus: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpuModel(),
    node: process.version,
    java: javaVersion(),
    neo4j: neo4j
      ? `${neo4j.name} ${neo4j.versions.join(', ')} ${neo4j.edition} (embedded)`
      : 'unknown',
  };
}
