import { randomBytes } from 'node:crypto';
import { removingIntroductions } from '../../schema/outreach/funnel-days.ts';
import {
  peopleAtPlaces,
  peopleTiedTo,
  refreshPeopleFacts,
} from '../../schema/person/current-facts.ts';
import type { Db, Tx } from '../../server/db/run.ts';

/**
 * A prefix unique to one test file's run. Everything a test creates has a name starting with it, so
 * tests share the demo graph without seeing each other's data, and `removeTestData` finds it all.
 */
export function testPrefix(label: string): string {
  return `t${label}${randomBytes(3).toString('hex')}`;
}

/**
 * Deletes (for real) these nodes with their contact details and consents in `tx`. The people counts
 * forget the deleted people, and other people tied to deleted organisations or places get their
 * maintained facts recomputed (schema/person/current-facts.ts), as the API's own writes do; so do the
 * funnel days of deleted introductions (schema/outreach/funnel-days.ts).
 */
export async function deleteNodes(tx: Tx, ids: readonly string[]): Promise<void> {
  const people = (
    await tx.run<{ id: string }>('MATCH (n:Person) WHERE n.id IN $ids RETURN n.id AS id', { ids })
  ).map((r) => r.id);
  const tied = new Set([
    ...(await peopleTiedTo(tx, ids, ['WORKED_AT', 'STUDIED_AT'])),
    ...(await peopleAtPlaces(tx, ids)),
  ]);
  await tx.run('MATCH (n:Person) WHERE n.id IN $people SET n.deleted = true', { people });
  await refreshPeopleFacts(tx, people);
  await removingIntroductions(tx, ids, () =>
    tx.run(
      `MATCH (n) WHERE n.id IN $ids
       OPTIONAL MATCH (n)-[:HAS_CONTACT|GAVE_CONSENT]->(c) DETACH DELETE c, n`,
      { ids },
    ),
  );
  await refreshPeopleFacts(
    tx,
    [...tied].filter((id) => !people.includes(id)),
  );
}

/** Deletes (for real) the nodes named with `prefix` and the sources and history entries made for them. */
export async function removeTestData(db: Db, prefix: string): Promise<void> {
  await db.writeTx(async (tx) => {
    const ids = (
      await tx.run<{ id: string }>(
        'MATCH (n) WHERE n.name STARTS WITH $prefix OR n.title STARTS WITH $prefix RETURN n.id AS id',
        { prefix },
      )
    ).map((r) => r.id);
    await tx.run('MATCH (c:Change) WHERE c.entityId IN $ids DETACH DELETE c', { ids });
    await tx.run('MATCH (a:AuditEntry) WHERE a.subjectId IN $ids DETACH DELETE a', { ids });
    await deleteNodes(tx, ids);
  });
}
