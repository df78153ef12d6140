/**
 * Comparison keys for names: two spellings that mean the same organisation, place or field (simplified
 * or traditional characters, full-width letters, case, spacing, punctuation) get the same key.
 */
import { simplifiedForm } from '../shared/search-keys.ts';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** NFKC, simplified characters, lower case, without spaces and punctuation. */
export function nameKey(name: string): string {
  const clean = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return HAN.test(clean) ? simplifiedForm(clean) : clean;
}

/** Administrative suffixes people leave out ("武汉" for 武汉市). */
const placeSuffix = /(省|市|区|县|自治区|特别行政区|新区|province|city|district|county)$/;

/** The keys a place name is known by: the name itself, and without its administrative suffix. */
export function placeKeys(name: string): string[] {
  const key = nameKey(name);
  const bare = key.replace(placeSuffix, '');
  return bare.length >= 2 && bare !== key ? [key, bare] : [key];
}
