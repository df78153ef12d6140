import { describe, expect, it } from 'vitest';
import { filtersKey, filterVariables, noFilters } from './board-filters.ts';

describe('board filters', () => {
  it('ask the API only what is set', () => {
    expect(filterVariables(noFilters)).toEqual({
      search: null,
      owner: null,
      stages: null,
      field: null,
      place: null,
    });
    const f = {
      ...noFilters,
      search: ' 张 ',
      stage: 'signed' as const,
      place: { id: 'Place:1', name: '武汉' },
    };
    expect(filterVariables(f)).toMatchObject({
      search: '张',
      stages: ['signed'],
      place: 'Place:1',
    });
    expect(filtersKey(f)).toBe('search=%E5%BC%A0&stages=signed&place=Place%3A1');
    expect(filtersKey(noFilters)).toBe('');
  });
});
