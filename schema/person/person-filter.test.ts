import { describe, expect, it } from 'vitest';
import { buildPersonFilter } from './person-filter.ts';

describe('buildPersonFilter', () => {
  it('lists live people when nothing is asked', () => {
    expect(buildPersonFilter({})).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Person)
      WHERE NOT n.deleted",
        "params": {},
      }
    `);
  });

  it('follows sub-fields and places inside places, and employment held now', () => {
    const { cypher, params } = buildPersonFilter({
      fieldIds: ['f1'],
      livesInIds: ['wuhan'],
      employerIds: ['hust'],
      categories: ['academician'],
    });
    expect(cypher).toMatchInlineSnapshot(`
      "MATCH (o:Organization) WHERE o.id IN $employerIds
      MATCH (n:Person)-[w:WORKED_AT]->(o)
      WHERE NOT w.deleted AND NOT o.deleted AND coalesce(w.current, w.to IS NULL)
      WITH DISTINCT n
      WHERE NOT n.deleted
        AND any(c IN n.categories WHERE c IN $categories)
        AND EXISTS {
        MATCH (n)-[e:EXPERT_IN]->(:Field)-[:SUBFIELD_OF*0..5]->(f:Field)
        WHERE NOT e.deleted AND f.id IN $fieldIds
      }
        AND EXISTS {
        MATCH (n)-[l:LIVES_IN]->(:Place)-[:PART_OF*0..4]->(p:Place)
        WHERE NOT l.deleted AND coalesce(l.current, l.to IS NULL) AND p.id IN $livesInIds
      }"
    `);
    expect(params).toEqual({
      categories: ['academician'],
      fieldIds: ['f1'],
      livesInIds: ['wuhan'],
      employerIds: ['hust'],
    });
  });

  it('asks about a past year when asOfYear is given', () => {
    const { cypher, params } = buildPersonFilter({ employerIds: ['huawei'], asOfYear: 2019 });
    expect(cypher).toContain(
      'coalesce(w.from, w.since, w.at, $asOf) <= $asOf AND coalesce(w.to, $asOf) >= $asOf',
    );
    expect(params.asOf).toBe(2019);
  });

  it('starts from the full-text index for text, with user text only in parameters', () => {
    const { cypher, params } = buildPersonFilter({ text: '张伟") DETACH DELETE n //' });
    expect(cypher).toContain("db.index.fulltext.queryNodes('entity_names', $text");
    expect(cypher).not.toContain('DETACH');
    expect(String(params.text)).toContain('detach');
  });

  it('puts the hop count in the pattern only after checking it', () => {
    expect(buildPersonFilter({ near: { personIds: ['a'], hops: 2 } }).cypher).toContain(
      '-[k:KNOWS WHERE NOT k.deleted]-{1,2}(m:Person)',
    );
    expect(() => buildPersonFilter({ near: { personIds: ['a'], hops: 9 } })).toThrow(RangeError);
  });
});
