import { describe, expect, it } from 'vitest';
import { drillFilter } from './drill.ts';

describe('map drill-down filters', () => {
  it('a city of an alumni map: alumni living there', () => {
    expect(drillFilter('alumni', 'Organization:U', 'CITY', 'Place:W')).toEqual({
      almaMater: ['Organization:U'],
      livesIn: ['Place:W'],
    });
  });

  it('a decade: graduation years for alumni, birth years for natives', () => {
    expect(drillFilter('alumni', 'Organization:U', 'DECADE', '1990s')).toMatchObject({
      graduationYearFrom: 1990,
      graduationYearTo: 1999,
    });
    expect(drillFilter('natives', 'Place:H', 'DECADE', '1980s')).toEqual({
      hometown: ['Place:H'],
      livesOutside: ['Place:H'],
      birthYearFrom: 1980,
      birthYearTo: 1989,
    });
  });
});
