/**
 * Which map region a group of a people map is (pure). The world map's regions are named by ISO 3166-1
 * alpha-2 codes and China's by GB/T 2260 province codes ("420000"): the codes the graph's reference
 * places carry (schema/place/reference-places.ts), so a group matches a region by its place's code.
 */

export type MapScope = 'world' | 'china';

/** The grouping of a people map that a scope is drawn from. */
export const scopeGrouping = { world: 'COUNTRY', china: 'PROVINCE' } as const;

/** A group of a people map as the map needs it (the API's MapGroup). */
export interface RegionGroup {
  key: string | null;
  label: string;
  code?: string | null;
  latinName?: string | null;
  count: number;
}

export interface Region<G extends RegionGroup> {
  /** The region's name on the map: its code. */
  code: string;
  group: G;
  count: number;
}

const worldCode = /^[A-Z]{2}$/;
const provinceCode = /^\d{2}0000$/;

/** The map region of a group in this scope, or null (another kind of place, no code, unknown). */
export function regionCodeOf(scope: MapScope, group: RegionGroup): string | null {
  const code = group.code ?? '';
  if (!group.key) return null;
  return (scope === 'world' ? worldCode : provinceCode).test(code) ? code : null;
}

/**
 * The groups drawn on the map of `scope`, by region code, and how many people are not on it (in no
 * region of the map: a state abroad on the China map, or no known place).
 */
export function mapRegions<G extends RegionGroup>(
  scope: MapScope,
  groups: readonly G[],
): { regions: Region<G>[]; offMap: number } {
  const regions: Region<G>[] = [];
  let offMap = 0;
  for (const group of groups) {
    const code = regionCodeOf(scope, group);
    if (code) regions.push({ code, group, count: group.count });
    else offMap += group.count;
  }
  return { regions, offMap };
}

/** A GeoJSON feature as the map packages ship them (see geo-data.ts). */
export interface GeoFeature {
  id?: string | number;
  properties: Record<string, unknown>;
}

/**
 * The region code of a map package's feature: the world map's `iso_a2` ("-99" for the few places ISO
 * has no code for), China's two-digit province `id` ("42", in the properties or on the feature)
 * widened to GB/T 2260 ("420000"). Null for features that are no region (the South China Sea islands
 * inset).
 */
export function featureCode(scope: MapScope, feature: GeoFeature): string | null {
  if (scope === 'world') {
    const iso = String(feature.properties.iso_a2 ?? '');
    return worldCode.test(iso) ? iso : null;
  }
  const id = String(feature.properties.id ?? feature.id ?? '');
  return /^\d{2}$/.test(id) ? `${id}0000` : null;
}

// biome-ignore format: a table
/** English names of China's provinces by GB/T 2260 code (for regions the map has no people in). */
const provinceEnglish: Record<string, string> = {
  '110000': 'Beijing', '120000': 'Tianjin', '130000': 'Hebei', '140000': 'Shanxi', '150000': 'Inner Mongolia',
  '210000': 'Liaoning', '220000': 'Jilin', '230000': 'Heilongjiang', '310000': 'Shanghai', '320000': 'Jiangsu',
  '330000': 'Zhejiang', '340000': 'Anhui', '350000': 'Fujian', '360000': 'Jiangxi', '370000': 'Shandong',
  '410000': 'Henan', '420000': 'Hubei', '430000': 'Hunan', '440000': 'Guangdong', '450000': 'Guangxi',
  '460000': 'Hainan', '500000': 'Chongqing', '510000': 'Sichuan', '520000': 'Guizhou', '530000': 'Yunnan',
  '540000': 'Tibet', '610000': 'Shaanxi', '620000': 'Gansu', '630000': 'Qinghai', '640000': 'Ningxia',
  '650000': 'Xinjiang', '710000': 'Taiwan', '810000': 'Hong Kong', '820000': 'Macao',
};

/**
 * A region's name in the UI language: in Chinese the name the map package gives (`fallback`); in
 * English a country's from the browser's own ISO 3166 names (Intl.DisplayNames), a province's from
 * the table above.
 */
export function regionName(
  scope: MapScope,
  code: string,
  lang: 'zh' | 'en',
  fallback: string,
): string {
  if (lang === 'zh') return fallback;
  if (scope === 'china') return provinceEnglish[code] ?? fallback;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}
