/** The Cypher of introductions (see introductions.graphql.ts for the model and the stage rules). */
import type { Db, Tx } from '../../server/db/run.ts';
import type { IntroductionStage } from './stages.ts';
import { type Viewer, visibleTo } from './visibility.ts';

export interface Introduction {
  id: string;
  stage: IntroductionStage;
  stageAt: string;
  channel: string | null;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  teamId: string | null;
  introducerId: string | null;
  talentId: string | null;
  targetId: string | null;
  targetKind: 'Organization' | 'Project' | 'Need' | null;
  eventId: string | null;
  /** The introduction path it was started from: person ids from the introducer to the talent. */
  path: string[] | null;
  /** The account that owns it (`ownerId`, else the account that recorded it). */
  ownerId: string | null;
  ownerName: string | null;
}

export interface StageMove {
  id: string;
  from: string | null;
  to: string;
  at: string;
  by: string;
  byName: string | null;
  note: string | null;
  override: boolean;
}

export interface IntroductionOwner {
  id: string;
  name: string | null;
  introductions: number;
}

/** The account id that owns introduction `r`: its `ownerId`, else the account that recorded it. */
const ownerOf = (r: string) =>
  `coalesce(${r}.ownerId, CASE WHEN ${r}.createdBy STARTS WITH 'Account:' THEN substring(${r}.createdBy, 8) END)`;

/** The projection of an introduction `i` (with its ends) every reader uses. */
export const introductionReturn = `i {.id, .stage, .channel, .note, .createdBy, .teamId, .path,
  ownerId: ${ownerOf('i')},
  ownerName: COLLECT { MATCH (oa:Account {id: ${ownerOf('i')}}) RETURN oa.name }[0],
  stageAt: toString(coalesce(i.stageAt, i.createdAt)), createdAt: toString(i.createdAt),
  introducerId: COLLECT { MATCH (i)-[:INTRODUCER]->(x:Person) RETURN x.id }[0],
  talentId: COLLECT { MATCH (i)-[:TALENT]->(x:Person) RETURN x.id }[0],
  targetId: COLLECT { MATCH (i)-[:TARGET]->(x) RETURN x.id }[0],
  targetKind: COLLECT { MATCH (i)-[:TARGET]->(x) RETURN [l IN labels(x) WHERE l IN ['Organization', 'Project', 'Need']][0] }[0],
  eventId: COLLECT { MATCH (i)-[:VIA_EVENT]->(x:Event) RETURN x.id }[0]} AS intro`;

/** The introductions of `ids` the viewer may see (not deleted), in no order. */
export async function readIntroductions(
  db: Db,
  ids: readonly string[],
  viewer: Viewer,
): Promise<Introduction[]> {
  const rows = await db.read<{ intro: Introduction }>(
    `UNWIND $ids AS id MATCH (i:Introduction {id: id})
       WHERE NOT coalesce(i.deleted, false) AND ${visibleTo('i', true)}
       RETURN ${introductionReturn}`,
    { ids, ...viewer },
  );
  return rows.map((r) => r.intro);
}

/** Stage moves of these introductions, oldest first; `seedName` names the demo graph's moves. */
export function readStageMoves(
  db: Db,
  ids: readonly string[],
  seedName: string,
): Promise<{ introId: string; move: StageMove }[]> {
  return db.read<{ introId: string; move: StageMove }>(
    `UNWIND $ids AS introId MATCH (:Introduction {id: introId})-[:MOVED]->(m:StageMove)
       RETURN introId, m {.id, .from, .to, .by, .note, override: coalesce(m.override, false),
                          at: toString(m.at),
                          byName: coalesce(
                            COLLECT { MATCH (a:Account {id: substring(m.by, 8)}) RETURN a.name }[0],
                            CASE m.by WHEN 'seed' THEN $seedName END)}
              AS move ORDER BY m.at, m.id`,
    { ids, seedName },
  );
}

/** The pipeline's filter: each part null when not asked for; ids are internal ids. */
export interface IntroductionFilter {
  stages: readonly string[] | null;
  talent: string | null;
  introducer: string | null;
  target: string | null;
  owner: string | null;
  /** The talent is expert in this field or one under it. */
  field: string | null;
  /** The talent lives in this place (or one in it) now. */
  place: string | null;
  /** Words in the talent's, introducer's or target's names. */
  search: string | null;
  first: number;
}

/** The introductions the viewer may see that match `filter`, newest first. */
export async function findIntroductions(
  db: Db,
  filter: IntroductionFilter,
  viewer: Viewer,
): Promise<Introduction[]> {
  const rows = await db.read<{ intro: Introduction }>(
    `MATCH (i:Introduction) WHERE NOT coalesce(i.deleted, false)
           AND ($stages IS NULL OR i.stage IN $stages)
           AND ($talent IS NULL OR EXISTS { (i)-[:TALENT]->(:Person {id: $talent}) })
           AND ($introducer IS NULL OR EXISTS { (i)-[:INTRODUCER]->(:Person {id: $introducer}) })
           AND ($target IS NULL OR EXISTS { (i)-[:TARGET]->({id: $target}) })
           AND ($owner IS NULL OR ${ownerOf('i')} = $owner)
           AND ($field IS NULL OR EXISTS {
             MATCH (i)-[:TALENT]->(:Person)-[e:EXPERT_IN]->(:Field)-[:SUBFIELD_OF*0..5]->(:Field {id: $field})
             WHERE NOT e.deleted })
           AND ($place IS NULL OR EXISTS {
             MATCH (i)-[:TALENT]->(:Person)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(:Place {id: $place})
             WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) })
           AND ($search IS NULL OR EXISTS {
             MATCH (i)-[:TALENT|INTRODUCER|TARGET]->(x)
             WHERE any(name IN [x.name, x.latinName] + coalesce(x.aliases, [])
                       WHERE toLower(name) CONTAINS toLower($search)) })
           AND ${visibleTo('i', true)}
         WITH i ORDER BY i.createdAt DESC, i.id DESC LIMIT $first
         RETURN ${introductionReturn}`,
    { ...filter, ...viewer },
  );
  return rows.map((r) => r.intro);
}

/** The owners of the introductions the viewer may see, by name, with how many each owns. */
export function readIntroductionOwners(db: Db, viewer: Viewer): Promise<IntroductionOwner[]> {
  return db.read<IntroductionOwner>(
    `MATCH (i:Introduction) WHERE NOT coalesce(i.deleted, false) AND ${visibleTo('i', true)}
         WITH ${ownerOf('i')} AS id, count(*) AS introductions WHERE id IS NOT NULL
         RETURN id, COLLECT { MATCH (a:Account {id: id}) RETURN a.name }[0] AS name, introductions
         ORDER BY name, id`,
    viewer,
  );
}

/** How many introductions each of `personIds` was asked to make in the last 90 days (all teams). */
export function countIntroducerLoad(
  db: Db,
  personIds: readonly string[],
): Promise<{ id: string; n: number }[]> {
  return db.read<{ id: string; n: number }>(
    `UNWIND $ids AS id MATCH (:Person {id: id})<-[:INTRODUCER]-(i:Introduction)
           WHERE NOT coalesce(i.deleted, false) AND i.createdAt >= datetime() - duration('P90D')
           RETURN id, count(i) AS n`,
    { ids: personIds },
  );
}

/** Puts the introduction in stage `to` and records the move (who, when, why). */
export async function createStageMove(
  tx: Tx,
  move: {
    id: string;
    moveId: string;
    from: IntroductionStage | null;
    to: IntroductionStage;
    actor: string;
    note: string | null;
    override: boolean;
  },
): Promise<void> {
  await tx.run(
    `MATCH (i:Introduction {id: $id})
     SET i.stage = $to, i.stageAt = datetime(), i.updatedAt = datetime()
     CREATE (i)-[:MOVED]->(:StageMove {id: $moveId, from: $from, to: $to, at: datetime(), by: $actor,
                                       note: $note, override: $override})`,
    move,
  );
}

type TargetKind = 'Organization' | 'Project' | 'Need';

/** An introduction's name, for the history and search: 引荐：talent → target. */
async function introductionName(
  tx: Tx,
  talent: string,
  target: { kind: TargetKind; id: string },
): Promise<string | undefined> {
  const names = await tx.run<{ name: string }>(
    `MATCH (a:Person {id: $talent}), (b:${target.kind} {id: $target})
           RETURN '引荐：' + a.name + ' → ' + coalesce(b.name, b.title) AS name`,
    { talent, target: target.id },
  );
  return names[0]?.name;
}

/** A new introduction in no stage yet (`createStageMove` moves it into `proposed`). */
export async function createIntroduction(
  tx: Tx,
  intro: {
    id: string;
    introducer: string;
    talent: string;
    target: { kind: TargetKind; id: string };
    event: string | null;
    channel: string | null;
    note: string | null;
    path: string[] | null;
    actor: string;
    teamId: string | null;
  },
): Promise<void> {
  const { target, ...rest } = intro;
  await tx.run(
    `MATCH (a:Person {id: $introducer}), (b:Person {id: $talent}), (t:${target.kind} {id: $target})
           CREATE (i:Introduction {id: $id, name: $name, stage: 'proposed', channel: $channel, note: $note, path: $path,
                                   createdAt: datetime(), updatedAt: datetime(), createdBy: $actor,
                                   teamId: $teamId, deleted: false})
           CREATE (i)-[:INTRODUCER]->(a), (i)-[:TALENT]->(b), (i)-[:TARGET]->(t)
           WITH i OPTIONAL MATCH (e:Event {id: $event})
           FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (i)-[:VIA_EVENT]->(e))`,
    {
      ...rest,
      name: (await introductionName(tx, intro.talent, target)) ?? '引荐',
      target: target.id,
    },
  );
}

/**
 * The stage of an introduction the viewer may see and the project it targets, if any; undefined if
 * none. Takes its write lock first, so two moves of one introduction run one after the other.
 */
export async function lockIntroduction(
  tx: Tx,
  id: string,
  viewer: Viewer,
): Promise<{ stage: IntroductionStage; projectId: string | null } | undefined> {
  const rows = await tx.run<{ stage: IntroductionStage; projectId: string | null }>(
    `MATCH (i:Introduction {id: $id}) WHERE NOT coalesce(i.deleted, false) AND ${visibleTo('i', true)}
           SET i.updatedAt = datetime()
           RETURN i.stage AS stage, COLLECT { MATCH (i)-[:TARGET]->(p:Project) RETURN p.id }[0] AS projectId`,
    { id, ...viewer },
  );
  return rows[0];
}

/** Whether the project already has a live tie of `kind` to `id`. */
export async function hasProjectTie(
  tx: Tx,
  projectId: string,
  kind: 'LANDED_IN' | 'HOSTED_BY',
  id: string,
): Promise<boolean> {
  const existing = await tx.run(
    `MATCH (:Project {id: $projectId})-[r:${kind}]->({id: $id}) WHERE NOT r.deleted RETURN r.id`,
    { projectId, id },
  );
  return existing.length > 0;
}

/** Sets the project's status to landed; returns the status it had. */
export async function markProjectLanded(tx: Tx, projectId: string): Promise<string | null> {
  const before = await tx.run<{ status: string | null }>(
    `MATCH (p:Project {id: $projectId}) WITH p, p.status AS status
     SET p.status = 'landed', p.updatedAt = datetime() RETURN status`,
    { projectId },
  );
  return before[0]?.status ?? null;
}
