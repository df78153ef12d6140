import { pinyin } from 'pinyin-pro';
import { personCategories } from '../../schema/shared/entity-kinds.ts';
import { encodeGlobalId } from '../../schema/shared/global-id.ts';
import type { CypherCall } from './raw-cypher.ts';

/** A sampled person, with the search forms of their name. */
export interface PersonSample {
  id: string;
  globalId: string;
  name: string;
  /** latinName lower case without spaces, e.g. `zhangwei`. */
  pinyin: string;
  /** Pinyin initials of the Chinese name, e.g. `zw`. */
  initials: string;
}

/** An organisation, place or other entity picked as an input. */
export interface EntitySample {
  id: string;
  globalId: string;
  name: string;
  /** People counted when picking it (residents, alumni); 0 when not counted. */
  people: number;
}

/** Inputs for every operation, picked deterministically from the loaded data. */
export interface Samples {
  people: PersonSample[];
  organizations: EntitySample[];
  /** Cities with the most current residents, most first. */
  cities: EntitySample[];
  categories: readonly string[];
  /** The university with the most alumni. */
  university: EntitySample;
}

const sampleSize = 50;
const han = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;

// The order key is the random part of the ULID (characters 11-26): a fixed, well spread sample.
const peopleCypher = `MATCH (n:Person) WHERE NOT n.deleted AND n.latinName IS NOT NULL AND COUNT { (n)-[:KNOWS]-() } > 0
RETURN n.id AS id, n.name AS name, n.latinName AS latinName
ORDER BY substring(n.id, 10), n.id LIMIT $limit`;
const organizationsCypher = `MATCH (n:Organization) WHERE NOT n.deleted
RETURN n.id AS id, n.name AS name, 0 AS people ORDER BY substring(n.id, 10), n.id LIMIT $limit`;
const citiesCypher = `MATCH (n:Person)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..2]->(c:Place {kind: 'city'})
WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) AND NOT n.deleted
RETURN c.id AS id, c.name AS name, count(DISTINCT n) AS people ORDER BY people DESC, id LIMIT 10`;
const universityCypher = `MATCH (n:Person)-[s:STUDIED_AT]->(o:Organization {type: 'university'})
WHERE NOT s.deleted AND NOT n.deleted AND NOT o.deleted
RETURN o.id AS id, o.name AS name, count(DISTINCT n) AS people ORDER BY people DESC, id LIMIT 1`;

const toEntity =
  (kind: string) =>
  (row: { id: string; name: string; people: number }): EntitySample => ({
    ...row,
    globalId: encodeGlobalId(kind, row.id),
  });

/** Samples the inputs with fixed queries, so every run at a size uses the same ones. */
export async function loadSamples(cypher: CypherCall): Promise<Samples> {
  const [people, organizations, cities, universities] = await Promise.all([
    cypher<{ id: string; name: string; latinName: string }>(peopleCypher, {
      limit: sampleSize * 4,
    }),
    cypher<{ id: string; name: string; people: number }>(organizationsCypher, {
      limit: sampleSize,
    }),
    cypher<{ id: string; name: string; people: number }>(citiesCypher),
    cypher<{ id: string; name: string; people: number }>(universityCypher),
  ]);
  const university = universities[0];
  if (!university) throw new Error('no university with alumni in the data');
  return {
    people: people
      .filter((p) => han.test(p.name))
      .slice(0, sampleSize)
      .map((p) => ({
        id: p.id,
        globalId: encodeGlobalId('Person', p.id),
        name: p.name,
        pinyin: p.latinName.toLowerCase().replace(/[^a-z]/g, ''),
        initials: pinyin(p.name, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
      })),
    organizations: organizations.map(toEntity('Organization')),
    cities: cities.map(toEntity('Place')),
    categories: personCategories,
    university: toEntity('Organization')(university),
  };
}
