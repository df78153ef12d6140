import { describe, expect, it } from 'vitest';
import { catalogues, messages } from './catalogue.ts';
import { type Catalogue, lang, type Message, type MessageKey, setLang, t } from './i18n.ts';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message).slice(1);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))]
    .filter((name): name is string => name !== undefined)
    .sort();
};

describe('the message catalogue', () => {
  it('loses no key when the features are joined (no key is defined twice)', () => {
    const defined = catalogues.flatMap((c) => Object.keys(c.zh));
    expect(defined.length).toBe(new Set(defined).size);
    expect(Object.keys(messages.zh).length).toBe(defined.length);
  });

  it('has the same keys and the same placeholders in both languages', () => {
    for (const { zh, en } of catalogues) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const [key, text] of Object.entries(zh as Catalogue))
        expect(placeholders((en as Catalogue)[key] as Message), key).toEqual(placeholders(text));
    }
  });
});

describe('t', () => {
  it('picks the English plural form by Intl.PluralRules and keeps Chinese as it is', () => {
    const before = lang.value;
    try {
      setLang('en');
      expect(t('people.total', { n: 1 })).toBe('1 person');
      expect(t('people.total', { n: 1200 })).toBe('1,200 people');
      setLang('zh');
      expect(t('people.total', { n: 1 })).toBe('共 1 人');
    } finally {
      setLang(before);
    }
  });

  it('returns an unknown key as itself, so the gap is visible', () => {
    expect(t('no.such.key' as MessageKey)).toBe('no.such.key');
  });
});
