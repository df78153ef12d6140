import { enumWords } from '../../../schema/shared/words/enum-words.ts';
import { lang } from '../../app/i18n.ts';
import { edgeKindOf, nodeKindOf } from '../../graph/stylesheet.ts';

/**
 * The person categories with their words, for a screen that lists them all (the explorer's filter);
 * say one value with `enumText('category', value)` (web/app/i18n.ts).
 */
export const categoryLabels = enumWords.category;

/** A value of a table of words (such as `categoryLabels`) in the current language. */
export function label(table: Record<string, readonly [string, string]>, value: string): string {
  const pair = table[value];
  return pair ? pair[lang.value === 'zh' ? 0 : 1] : value;
}

/** An entity type (Person, Organization …) in words, from the graph's legend; else `fallback`. */
export function nodeKindText(type: string, fallback = type): string {
  const style = nodeKindOf(type);
  return style ? (lang.value === 'zh' ? style.label : style.english) : fallback;
}

/** A tie kind (WORKED_AT, KNOWS, DERIVED_TIE …) in words, from the graph's legend. */
export function tieKindText(kind: string): string {
  const style = edgeKindOf(kind);
  return style ? (lang.value === 'zh' ? style.label : style.english) : kind;
}
