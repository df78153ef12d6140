/**
 * The map shapes, loaded on first use (each its own chunk): the world's countries from
 * `@surbowl/world-geo-json-zh` (Natural Earth 1:50m, Chinese names, ISO 3166 codes, drawn as China's
 * maps are published: Taiwan part of China, the South China Sea islands) and China's provinces from
 * AntV's `china-geojson` (two-digit GB/T 2260 province ids). Features are renamed to their region code
 * (regions.ts), the name ECharts matches data by; `names` keeps each region's Chinese name.
 */
import { featureCode, type GeoFeature, type MapScope } from './regions.ts';

interface Feature extends GeoFeature {
  type: 'Feature';
  geometry: unknown;
}

export interface GeoData {
  geo: { type: 'FeatureCollection'; features: Feature[] };
  /** Region code -> the package's Chinese name. */
  names: Record<string, string>;
}

const loads: Partial<Record<MapScope, Promise<GeoData>>> = {};

async function fetchFeatures(scope: MapScope): Promise<Feature[]> {
  const { default: data } =
    scope === 'world'
      ? await import('@surbowl/world-geo-json-zh/world.zh.json', { with: { type: 'json' } })
      : await import('china-geojson/src/geojson/china.json', { with: { type: 'json' } });
  return (data as unknown as { features: Feature[] }).features;
}

/** The shapes of a scope with their features named by region code (features without one: `~N`). */
export function loadGeo(scope: MapScope): Promise<GeoData> {
  loads[scope] ??= fetchFeatures(scope).then((features) => {
    const names: Record<string, string> = {};
    const renamed = features.map((f, i) => {
      const code = featureCode(scope, f) ?? `~${i}`;
      names[code] = String(f.properties.name ?? '');
      return { type: 'Feature' as const, geometry: f.geometry, properties: { name: code } };
    });
    return { geo: { type: 'FeatureCollection', features: renamed }, names };
  });
  return loads[scope];
}
