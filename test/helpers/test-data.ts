import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/run.ts';

/**
 * A prefix unique to one test file's run. Everything a test creates has a name starting with it, so
 * tests share the demo graph without seeing each other's data, and `removeTestData` finds it all.
 */
export function testPrefix(label: string): string {
  return `t${label}${randomBytes(3).toString('hex')}`;
}

/** Deletes (for real) the nodes named with `prefix` and the sources and history entries made for them. */
export async function removeTestData(db: Db, prefix: string): Promise<void> {
  await db.writeTx(async (tx) => {
    const ids = await tx.run<{ id: string }>(
      'MATCH (n) WHERE n.name STARTS WITH $prefix OR n.title STARTS WITH $prefix RETURN n.id AS id',
      { prefix },
    );
    await tx.run('MATCH (c:Change) WHERE c.entityId IN $ids DETACH DELETE c', {
      ids: ids.map((r) => r.id),
    });
    await tx.run('MATCH (a:AuditEntry) WHERE a.subjectId IN $ids DETACH DELETE a', {
      ids: ids.map((r) => r.id),
    });
    await tx.run(
      `MATCH (n) WHERE n.name STARTS WITH $prefix OR n.title STARTS WITH $prefix
       OPTIONAL MATCH (n)-[:HAS_CONTACT|GAVE_CONSENT]->(c) DETACH DELETE c, n`,
      { prefix },
    );
  });
}
