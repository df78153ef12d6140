import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classPath, javaOptions } from './local-neo4j.ts';

/**
 * Runs `neo4j-admin` (org.neo4j.cli.AdminTool, from the local Neo4j's jars) on the store below `home`
 * (the local Neo4j's folder: data in `<home>/data`), e.g. `['database', 'dump', 'neo4j', '--to-path=…']`.
 * An empty neo4j.conf in `<home>/conf` keeps the tool on the defaults the embedded Neo4j uses. Resolves
 * when it exits 0; rejects with the last lines of its output otherwise.
 */
export function runNeo4jAdmin(
  home: string,
  args: string[],
  options: { heap?: string; onLine?: (line: string) => void } = {},
): Promise<void> {
  const conf = join(home, 'conf');
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'neo4j.conf'), '');
  const javaArgs = [
    `-Xmx${options.heap ?? '1g'}`,
    ...javaOptions(),
    '-cp',
    classPath,
    'org.neo4j.cli.AdminTool',
    ...args,
  ];
  return new Promise<void>((resolve, reject) => {
    const child = spawn('java', javaArgs, {
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (data: Buffer) => {
      for (const line of data.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        options.onLine?.(line);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `neo4j-admin ${args.slice(0, 2).join(' ')} exited with ${code}:\n${tail.join('\n')}`,
            ),
          ),
    );
  });
}
