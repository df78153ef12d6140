import { describe, expect, it } from 'vitest';
import { type PlaceNode, PlaceResolver } from './place-resolver.ts';
import { referencePlaces } from './reference-places.ts';

/** The reference places as the migration writes them (ids = codes), Wuhan's Hongshan in use. */
function resolver(): PlaceResolver {
  const places: PlaceNode[] = referencePlaces().map((p) => ({
    id: p.code,
    name: p.name,
    latinName: p.latinName,
    aliases: p.aliases,
    kind: p.kind,
    parentId: p.parentCode,
    uses: p.code === '420111' ? 3 : 0,
  }));
  return new PlaceResolver(places);
}

describe('place resolver over the reference places', () => {
  const r = resolver();
  it.each([
    ['湖北武汉', '420100'],
    ['湖北省武汉市', '420100'],
    ['武汉市洪山区', '420111'],
    ['Wuhan, Hubei', '420100'],
    ['洪山', '420111'],
    ['Hongshan District', '420111'],
    ['武汉', '420100'],
    ['北京', '110100'],
    ['China', 'CN'],
    ['美国', 'US'],
  ])('%s resolves to %s', (text, code) => {
    expect(r.resolve(text)).toEqual({ status: 'found', id: code });
  });

  it('calls namesakes ambiguous instead of guessing', () => {
    const result = r.resolve('朝阳区');
    expect(result.status).toBe('ambiguous');
    expect(result.status === 'ambiguous' && result.candidates.join()).toMatch(/北京市/);
    expect(r.resolve('北京朝阳')).toEqual({ status: 'found', id: '110105' });
  });

  it('creates an unknown last part under the place before it, once', () => {
    const created = r.resolve('湖北省未来新城', { create: true });
    expect(created).toMatchObject({
      status: 'new',
      name: '未来新城',
      kind: 'city',
      parentId: '420000',
    });
    const again = r.resolve('湖北未来新城', { create: true });
    expect(again).toEqual({ status: 'found', id: created.status === 'new' ? created.id : '' });
    expect(r.takeNew()).toHaveLength(1);
    expect(r.resolve('Atlantis')).toEqual({ status: 'unknown' });
  });
});

describe('reference places', () => {
  it('has the countries and China’s divisions with unique codes, parents first', () => {
    const places = referencePlaces();
    const codes = new Set<string>();
    for (const p of places) {
      if (p.parentCode) expect(codes.has(p.parentCode), p.code).toBe(true);
      expect(codes.has(p.code)).toBe(false);
      codes.add(p.code);
    }
    expect(places.filter((p) => p.kind === 'country').length).toBeGreaterThan(240);
    expect(places.filter((p) => p.kind === 'province')).toHaveLength(34);
    expect(places.find((p) => p.code === '420111')).toMatchObject({
      name: '洪山区',
      latinName: 'Hongshan District',
      parentCode: '420100',
    });
  });
});
