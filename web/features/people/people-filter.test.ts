import { describe, expect, it } from 'vitest';
import { addCondition, emptyFilter, removeCondition, toFilter } from './people-filter.ts';

const academician = { key: 'categories', value: 'academician', label: '院士' } as const;
const returnee = { key: 'categories', value: 'returnee', label: '海归' } as const;
const wuhan = { key: 'livesIn', value: 'Place:01WUHAN', label: '武汉市' } as const;

describe('people filter state', () => {
  it('groups conditions by key and keeps the text', () => {
    let state = addCondition({ ...emptyFilter, text: '  王 ' }, academician);
    state = addCondition(state, returnee);
    state = addCondition(state, wuhan);
    expect(toFilter(state)).toEqual({
      text: '王',
      categories: ['academician', 'returnee'],
      livesIn: ['Place:01WUHAN'],
    });
  });

  it('adds a condition once and removes it again', () => {
    const once = addCondition(addCondition(emptyFilter, wuhan), { ...wuhan, label: 'other' });
    expect(once.conditions).toHaveLength(1);
    expect(toFilter(removeCondition(once, wuhan))).toEqual({});
  });

  it('sends no empty text', () => {
    expect(toFilter({ text: '   ', conditions: [] })).toEqual({});
  });
});
