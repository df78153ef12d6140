import world from '@surbowl/world-geo-json-zh/world.zh.json' with { type: 'json' };
import china from 'china-geojson/src/geojson/china.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { referencePlaces } from '../../../schema/place/reference-places.ts';
import { featureCode, type GeoFeature, type MapScope } from './regions.ts';

/** The map packages' regions against the graph's reference places (their codes are what match). */

const codes = (scope: MapScope, data: unknown) =>
  (data as { features: GeoFeature[] }).features
    .map((f) => featureCode(scope, f))
    .filter((c): c is string => c !== null);
const reference = referencePlaces();
const referenceCodes = (kind: string) =>
  reference.filter((p) => p.kind === kind).map((p) => p.code);

describe('the map packages and the reference places', () => {
  it('China’s map has a shape for each of the 34 provinces, and no other', () => {
    const shapes = codes('china', china);
    expect(shapes.sort()).toEqual(referenceCodes('province').sort());
    expect(shapes).toHaveLength(34);
  });

  it('each country shape of the world map is a reference country; the few without one are small territories', () => {
    const shapes = new Set(codes('world', world));
    const countries = referenceCodes('country');
    expect([...shapes].filter((c) => !countries.includes(c))).toEqual([]);
    // Kosovo is drawn within Serbia (as China's world map does); the rest are too small at 1:50m.
    expect(countries.filter((c) => !shapes.has(c)).sort()).toEqual(
      ['BQ', 'BV', 'CC', 'GF', 'GI', 'GP', 'MQ', 'RE', 'SJ', 'TK', 'XK', 'YT'].sort(),
    );
    // Taiwan, Hong Kong and Macao are provinces of China: no country shapes of their own.
    expect(['TW', 'HK', 'MO'].filter((c) => shapes.has(c))).toEqual([]);
    expect(shapes.has('CN')).toBe(true);
  });
});
