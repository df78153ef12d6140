import { describe, expect, it } from 'vitest';
import { emptyTieDraft, optionalNumber, optionalText, personTieKinds, tieInput } from './forms.ts';

describe('details actions: form values', () => {
  it('blank text and numbers become null', () => {
    expect(optionalText('  ')).toBeNull();
    expect(optionalText(' 微信 ')).toBe('微信');
    expect(optionalNumber('')).toBeNull();
    expect(optionalNumber(' 2019 ')).toBe(2019);
    expect(optionalNumber('abc')).toBeNaN();
  });

  it('a WORKED_AT tie sends title and years only', () => {
    const input = tieInput('Person:A', 'Organization:B', {
      ...emptyTieDraft,
      kind: 'WORKED_AT',
      title: ' 教授 ',
      role: 'ignored',
      startYear: '2010',
      strength: '0.5',
    });
    expect(input).toEqual({
      kind: 'WORKED_AT',
      subject: 'Person:A',
      object: 'Organization:B',
      title: '教授',
      startYear: 2010,
      endYear: null,
    });
  });

  it('a KNOWS tie sends its kind and strength, no years', () => {
    const input = tieInput('Person:A', 'Person:C', {
      ...emptyTieDraft,
      knowsKind: 'mentor',
      strength: '0.8',
      startYear: '2001',
    });
    expect(input).toEqual({
      kind: 'KNOWS',
      subject: 'Person:A',
      object: 'Person:C',
      knowsKind: 'mentor',
      strength: 0.8,
    });
  });

  it('kinds without properties send only the ends', () => {
    expect(personTieKinds.BORN_IN?.to).toBe('Place');
    expect(tieInput('Person:A', 'Place:W', { ...emptyTieDraft, kind: 'BORN_IN' })).toEqual({
      kind: 'BORN_IN',
      subject: 'Person:A',
      object: 'Place:W',
    });
  });
});
