import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../app/i18n.ts';
import { reachKindText } from './reach-kind.ts';

describe('reach kinds in words', () => {
  afterEach(() => {
    lang.value = 'zh';
  });

  it('names asserted, derived and station ties in Chinese', () => {
    lang.value = 'zh';
    expect(reachKindText('knows:classmate')).toBe('认识 · 同学');
    expect(reachKindText('derived:colleague')).toBe('推断 · 同事');
    expect(reachKindText('WORKED_AT')).toBe('任职');
    expect(reachKindText('MEMBER_OF')).toBe('成员');
  });

  it('falls back to the value itself for a kind it has no word for', () => {
    lang.value = 'zh';
    expect(reachKindText('knows:other')).toBe('认识 · 其他');
    expect(reachKindText('derived:neighbour')).toBe('推断 · neighbour');
    expect(reachKindText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('reads in English', () => {
    lang.value = 'en';
    expect(reachKindText('knows:classmate')).toBe('knows · Classmate');
    expect(reachKindText('derived:association')).toBe('derived · Same association');
    expect(reachKindText('WORKED_AT')).toBe('worked at');
  });
});
