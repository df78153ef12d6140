import { describe, expect, it } from 'vitest';
import { createNodesCypher, createTiesCypher } from './cypher.ts';

describe('createNodesCypher', () => {
  it('creates the label and converts datetimes and integers', () => {
    const cypher = createNodesCypher('Person');
    expect(cypher).toContain('CREATE (n:Person)');
    expect(cypher).toContain('SET n = row');
    expect(cypher).toContain('n.createdAt = datetime(row.createdAt)');
    expect(cypher).toContain('n.birthYear = toInteger(row.birthYear)');
    expect(createNodesCypher('Event')).toContain('n.startsAt = datetime(row.startsAt)');
    expect(createNodesCypher('Consent')).toContain('n.at = datetime(row.at)');
  });

  it('refuses labels outside the model', () => {
    expect(() => createNodesCypher('Migration')).toThrow(/not a node label/);
    expect(() => createNodesCypher('Person) DETACH DELETE n //')).toThrow(/not a node label/);
    expect(() => createNodesCypher('person')).toThrow(/not a node label/);
  });
});

describe('createTiesCypher', () => {
  it('matches both ends by id and converts tie properties', () => {
    const cypher = createTiesCypher('WORKED_AT', 'Person', 'Organization');
    expect(cypher).toContain('MATCH (a:Person {id: row.from})');
    expect(cypher).toContain('MATCH (b:Organization {id: row.to})');
    expect(cypher).toContain('CREATE (a)-[r:WORKED_AT]->(b)');
    expect(cypher).toContain('r.recordedAt = datetime(row.props.recordedAt)');
    expect(cypher).toContain('r.from = toInteger(row.props.from)');
    expect(createTiesCypher('LANDED_IN', 'Project', 'Place')).toContain(
      'r.at = toInteger(row.props.at)',
    );
  });

  it('accepts every endpoint pair the model allows', () => {
    expect(() => createTiesCypher('TARGET', 'Introduction', 'Project')).not.toThrow();
    expect(() => createTiesCypher('TARGET', 'Introduction', 'Organization')).not.toThrow();
    expect(() => createTiesCypher('IN_FIELD', 'Organization', 'Field')).not.toThrow();
  });

  it('refuses unknown types and endpoints the model does not allow', () => {
    expect(() => createTiesCypher('LIKES', 'Person', 'Person')).toThrow(/not a tie type/);
    expect(() => createTiesCypher('KNOWS', 'Person', 'Organization')).toThrow(/no KNOWS tie/);
    expect(() => createTiesCypher('KNOWS', 'Person', 'Person]->() DELETE a //')).toThrow(
      /not a node label/,
    );
  });
});
