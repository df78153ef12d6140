import { computed, signal } from '@preact/signals';

import type { EnumKind } from '../../schema/shared/words/words.ts';

export type { EnumKind };

import { messages } from './catalogue.ts';

/**
 * Chinese and English UI. Chinese by default; the choice is remembered in localStorage.
 * Every user-facing string goes through `t(key)`; dates and numbers through Intl (`fmtNumber`, `fmtDate`).
 * The messages live beside their features (`web/features/<f>/messages.ts`); `catalogue.ts` joins them.
 */
export type Lang = 'zh' | 'en';

/**
 * A message whose words depend on a count: the form is picked by `Intl.PluralRules` for the current
 * language from the number in the parameter named by `count` (English: one / other; Chinese has one
 * form, so its messages stay plain strings). Missing forms fall back to `other`.
 */
interface Plural {
  count: string;
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | Plural;

/** One feature's messages in one language. */
export type Catalogue<K extends string = string> = Record<K, Message>;

export type MessageKey = keyof typeof messages.zh;

const storageKey = 'talentgraph.lang';

function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked; Chinese then.
  }
  return 'zh';
}

export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not remembered, still switched.
  }
  if (typeof document !== 'undefined')
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export const locale = computed(() => (lang.value === 'zh' ? 'zh-CN' : 'en-GB'));

const pluralRules = computed(() => new Intl.PluralRules(locale.value));

/**
 * The message in the current language, with {name} placeholders filled in (numbers formatted for
 * the language). Reading it subscribes. An unknown key comes back as itself, so a gap shows (and the
 * browser test's scan for codes catches it) instead of breaking the screen.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const message: Message | undefined = (messages[lang.value] as Catalogue)[key];
  if (message === undefined) return key;
  const text = typeof message === 'string' ? message : pluralForm(message, params);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? `{${name}}` : typeof value === 'number' ? fmtNumber(value) : value;
  });
}

function pluralForm(message: Plural, params: Record<string, string | number>): string {
  const form = pluralRules.value.select(Number(params[message.count] ?? 0));
  return message[form] ?? message.other;
}

export function fmtNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale.value, options).format(n);
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(date);
}

/**
 * A coded value in words (`stage` `signed` → 已签约 / Signed): the one way the app shows an enum value.
 * The words are shared with the server (schema/shared/words/enum-words.ts); a value without words
 * shows as it is, so the gap is seen (and the browser test's scan for codes catches it).
 */
export function enumText(kind: EnumKind, value: string): string {
  const key = `${kind}.${value}`;
  return key in messages[lang.value] ? t(key as MessageKey) : value;
}

/** A field's name in words (`birthYear` → 出生年份), from the shared table (field-words.ts). */
export function fieldText(name: string): string {
  return t(`field.${name}` as MessageKey);
}

/** The name of a thing in the current language: the Latin name in English when there is one. */
export function displayName(entity: { name: string; latinName?: string | null }): string {
  return lang.value === 'en' && entity.latinName ? entity.latinName : entity.name;
}
