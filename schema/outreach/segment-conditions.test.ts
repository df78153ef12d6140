import { describe, expect, it } from 'vitest';
import { filterConditions } from './segment-conditions.ts';

describe('a stored filter as conditions', () => {
  it('names each condition by its input field, coded values with their enum, ids as entities', () => {
    expect(
      filterConditions({
        text: ' 王 ',
        categories: ['academician'],
        fieldIds: ['01F'],
        livesInIds: [],
        employerIds: ['01A', '01B'],
        birthYearFrom: 1960,
        employerEver: false,
        near: { personIds: ['01P'], hops: 2 },
      }),
    ).toEqual([
      { field: 'text', values: ['王'], enum: null, entities: [] },
      { field: 'categories', values: ['academician'], enum: 'PersonCategory', entities: [] },
      { field: 'fields', values: [], enum: null, entities: [{ kind: 'Field', id: '01F' }] },
      {
        field: 'employers',
        values: [],
        enum: null,
        entities: [
          { kind: 'Organization', id: '01A' },
          { kind: 'Organization', id: '01B' },
        ],
      },
      { field: 'birthYearFrom', values: ['1960'], enum: null, entities: [] },
      { field: 'near', values: ['2'], enum: null, entities: [{ kind: 'Person', id: '01P' }] },
    ]);
  });

  it('has none for an empty filter', () => {
    expect(filterConditions({})).toEqual([]);
  });
});
