import { describe, expect, it } from 'vitest';
import { featureCode, mapRegions, regionCodeOf, regionName } from './regions.ts';

const group = (key: string | null, code: string | null, count: number, label = key ?? '未知') => ({
  key,
  label,
  code,
  latinName: null,
  count,
});

describe('map regions of a people map’s groups', () => {
  it('the world map: countries by ISO 3166-1 alpha-2', () => {
    expect(regionCodeOf('world', group('Place:cn', 'CN', 5))).toBe('CN');
    // A province's GB/T 2260 code is no country; nor is a place without a code.
    expect(regionCodeOf('world', group('Place:hb', '420000', 5))).toBeNull();
    expect(regionCodeOf('world', group('Place:x', null, 5))).toBeNull();
  });

  it('China’s map: provinces by GB/T 2260, not their cities nor states abroad', () => {
    expect(regionCodeOf('china', group('Place:hb', '420000', 5))).toBe('420000');
    expect(regionCodeOf('china', group('Place:wh', '420100', 5))).toBeNull();
    expect(regionCodeOf('china', group('Place:ca', null, 5))).toBeNull();
    expect(regionCodeOf('china', group('Place:us', 'US', 5))).toBeNull();
  });

  it('the unknown group is never a region, even with a code', () => {
    expect(regionCodeOf('world', group(null, 'CN', 5))).toBeNull();
  });

  it('counts the people not on the map', () => {
    const groups = [
      group('Place:hb', '420000', 7),
      group('Place:bj', '110000', 3),
      group('Place:ca', null, 2),
      group(null, null, 4),
    ];
    const { regions, offMap } = mapRegions('china', groups);
    expect(regions.map((r) => [r.code, r.count, r.group.key])).toEqual([
      ['420000', 7, 'Place:hb'],
      ['110000', 3, 'Place:bj'],
    ]);
    expect(offMap).toBe(6);
  });
});

describe('the map packages’ features', () => {
  it('world: iso_a2, none for the places ISO has no code for', () => {
    expect(featureCode('world', { properties: { name: '中国', iso_a2: 'CN' } })).toBe('CN');
    expect(featureCode('world', { properties: { name: '索马里兰', iso_a2: '-99' } })).toBeNull();
  });

  it('China: the two-digit province id in the properties or on the feature, widened to GB/T 2260', () => {
    expect(featureCode('china', { properties: { id: '42', name: '湖北' } })).toBe('420000');
    expect(featureCode('china', { id: '81', properties: { name: '香港' } })).toBe('810000');
    expect(featureCode('china', { properties: { id: '', name: '南海诸岛' } })).toBeNull();
  });
});

describe('region names in the UI language', () => {
  it('Chinese: the map package’s name', () => {
    expect(regionName('world', 'US', 'zh', '美国')).toBe('美国');
    expect(regionName('china', '420000', 'zh', '湖北')).toBe('湖北');
  });

  it('English: ISO names for countries, the provinces’ English names', () => {
    expect(regionName('world', 'DE', 'en', '德国')).toBe('Germany');
    expect(regionName('china', '150000', 'en', '内蒙古')).toBe('Inner Mongolia');
    expect(regionName('china', '999999', 'en', '某地')).toBe('某地');
  });
});
