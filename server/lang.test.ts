import { describe, expect, it } from 'vitest';
import { langOf } from './lang.ts';

describe('the language of a request', () => {
  it('is the first of Chinese or English the header asks for', () => {
    expect(langOf('en')).toBe('en');
    expect(langOf('en-GB,en;q=0.9')).toBe('en');
    expect(langOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(langOf('fr-FR, en;q=0.5, zh;q=0.4')).toBe('en');
    expect(langOf('zh;q=0.2, en;q=0.8')).toBe('en');
    expect(langOf('zh-Hant-TW')).toBe('zh');
  });

  it('is Chinese without a header, or when it names neither', () => {
    expect(langOf(null)).toBe('zh');
    expect(langOf('')).toBe('zh');
    expect(langOf('fr, de')).toBe('zh');
    expect(langOf('en;q=0')).toBe('zh');
  });
});
