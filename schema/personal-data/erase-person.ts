import type { Tx } from '../../server/db/run.ts';
import { removingIntroductions } from '../outreach/funnel-days.ts';
import { recordIntroducers } from '../outreach/funnel-facts.ts';
import { refreshPeopleFacts } from '../person/current-facts.ts';

/** What replaces an erased contact detail inside free text that stays (notes about others). */
const erasedText = '[已删除 erased]';
const erasedChange = '{"erased":true}';

export interface ErasedPerson {
  /** The person and the duplicate records merged into it: the same human. */
  personIds: string[];
  /** What kinds of data went, for the audit stub. */
  erased: string[];
}

/**
 * Everything about a person (PIPL art. 47, scope EVERYTHING), in the caller's transaction:
 * - the person, the records merged into it, their ties, contacts and consent records;
 * - outreach about them: notes, interactions, claims, follow-ups, introductions of them as the talent
 *   (with their stage moves, watches and notifications), and the notes of introductions they made;
 * - the values of their history and of their ties' history (who and when stay), notifications that
 *   carry them, roster sources that describe only them, duplicate pairs and merge records;
 * - their contact values wherever outreach free text still quotes them.
 * Names are not searched for in free text about other people (namesakes are common); contact values
 * are exact and are. Export files are handled after the commit (`eraseFromExportFiles`).
 */
export async function erasePersonEverything(tx: Tx, id: string): Promise<ErasedPerson> {
  const [found] = await tx.run<{ ids: string[]; values: string[]; tieIds: string[] }>(
    `MATCH (p:Person {id: $id})
     WITH [$id] + COLLECT { MATCH (m:Merge {keepId: $id}) RETURN m.mergedId } AS ids
     MATCH (x:Person) WHERE x.id IN ids
     WITH ids, collect(x) AS people
     RETURN ids,
            COLLECT { UNWIND people AS x MATCH (x)-[:HAS_CONTACT]->(c:Contact) RETURN DISTINCT c.value } AS values,
            COLLECT { UNWIND people AS x MATCH (x)-[r]-() WHERE r.id IS NOT NULL RETURN DISTINCT r.id } AS tieIds`,
    { id },
  );
  if (!found) return { personIds: [], erased: [] };
  const { ids, values, tieIds } = found;
  const erased: string[] = [];
  const count = async (kind: string, cypher: string, params: Record<string, unknown> = {}) => {
    const rows = await tx.run<{ n: number }>(cypher, { ids, values, tieIds, ...params });
    if ((rows[0]?.n ?? 0) > 0) erased.push(kind);
  };

  // Introductions of them as the talent go whole; those they made lose their notes.
  const [intros] = await tx.run<{ talent: string[]; introducer: string[] }>(
    `RETURN COLLECT { MATCH (p:Person)<-[:TALENT]-(i:Introduction) WHERE p.id IN $ids RETURN DISTINCT i.id } AS talent,
            COLLECT { MATCH (p:Person)<-[:INTRODUCER]-(i:Introduction) WHERE p.id IN $ids RETURN DISTINCT i.id } AS introducer`,
    { ids },
  );
  const talentIntros = intros?.talent ?? [];
  const subjects = [...ids, ...talentIntros];
  await removingIntroductions(tx, talentIntros, () =>
    count(
      'introductions',
      `MATCH (i:Introduction) WHERE i.id IN $talentIntros
       OPTIONAL MATCH (i)-[:MOVED]->(m:StageMove)
       DETACH DELETE m, i RETURN count(DISTINCT i) AS n`,
      { talentIntros },
    ),
  );
  await count(
    'introduction notes',
    `MATCH (i:Introduction) WHERE i.id IN $introducerIntros
     OPTIONAL MATCH (i)-[:MOVED]->(m:StageMove)
     SET i.note = null, m.note = null RETURN count(DISTINCT i) AS n`,
    { introducerIntros: intros?.introducer ?? [] },
  );
  // Notes, interactions, claims and follow-ups about them; a follow-up's own history holds its title.
  const [records] = await tx.run<{ ids: string[] }>(
    `MATCH (r:Note|Interaction|Claim|FollowUp)-[:ABOUT|ON]->(s) WHERE s.id IN $subjects
     WITH collect(r) AS records, collect(r.id) AS ids
     FOREACH (r IN records | DETACH DELETE r)
     RETURN ids`,
    { subjects },
  );
  if (records?.ids.length) erased.push('notes, interactions, claims, follow-ups');
  subjects.push(...(records?.ids ?? []));
  await count(
    'notifications and watches',
    `CALL () {
       MATCH (n:Notification) WHERE n.subjectId IN $subjects
          OR EXISTS { MATCH (c:Change {id: n.changeId}) WHERE c.tieId IN $tieIds }
       RETURN n
       UNION
       MATCH (n:Watch) WHERE n.targetId IN $subjects RETURN n
     }
     DETACH DELETE n RETURN count(n) AS n`,
    { subjects },
  );
  await count(
    'history values',
    `MATCH (c:Change) WHERE c.entityId IN $subjects OR c.tieId IN $tieIds
       OR c.entityId IN $introducerIntros
     SET c.changes = $erasedChange RETURN count(c) AS n`,
    { subjects, erasedChange, introducerIntros: intros?.introducer ?? [] },
  );
  await count(
    'sources',
    `MATCH (s:Source)-[:DESCRIBES]->(p:Person) WHERE p.id IN $ids AND s.rowKey IS NOT NULL
       AND NOT EXISTS { MATCH (s)-[:DESCRIBES]->(o) WHERE NOT o.id IN $ids }
     DETACH DELETE s RETURN count(s) AS n`,
  );
  await count(
    'duplicate reviews and merges',
    `CALL () {
       MATCH (d:DuplicatePair) WHERE d.a IN $ids OR d.b IN $ids RETURN d AS x
       UNION
       MATCH (m:Merge) WHERE m.keepId IN $ids OR m.mergedId IN $ids RETURN m AS x
     }
     DETACH DELETE x RETURN count(x) AS n`,
  );
  // Contact values quoted in outreach text about anyone else.
  if (values.length) {
    const quoted: [string, string][] = [
      ['Note', 'text'],
      ['Interaction', 'note'],
      ['Claim', 'note'],
      ['Introduction', 'note'],
      ['StageMove', 'note'],
      ['FollowUp', 'title'],
    ];
    for (const [label, prop] of quoted) {
      await count(
        'contacts quoted in outreach text',
        `MATCH (r:${label}) WHERE r.${prop} IS NOT NULL AND any(v IN $values WHERE r.${prop} CONTAINS v)
         SET r.${prop} = reduce(s = r.${prop}, v IN $values | replace(s, v, $erasedText))
         RETURN count(r) AS n`,
        { erasedText },
      );
    }
  }
  // Counted no more (schema/person/current-facts.ts), then gone.
  await tx.run('MATCH (x:Person) WHERE x.id IN $ids SET x.deleted = true', { ids });
  await refreshPeopleFacts(tx, ids);
  await tx.run(
    `MATCH (x:Person) WHERE x.id IN $ids
     OPTIONAL MATCH (x)-[:HAS_CONTACT|GAVE_CONSENT]->(d:Contact|Consent)
     DETACH DELETE d, x`,
    { ids },
  );
  // The introductions they made have no introducer now (funnel-facts.ts keeps its id for the credits).
  await recordIntroducers(tx, intros?.introducer ?? []);
  erased.push('person', 'ties');
  if (ids.length > 1) erased.push('merged records');
  return { personIds: ids, erased: [...new Set(erased)] };
}
