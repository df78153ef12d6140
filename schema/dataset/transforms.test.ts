import { describe, expect, it } from 'vitest';
import { columnsOf, readField, yearOf } from './transforms.ts';

const columns = columnsOf(['姓', '名', 'birthday', 'gender', 'name', 'Person.id', 'Person.id']);
const cells = ['张', '晓光', '558921600000', 'M', 'Kam_Air', '1', '2'];

describe('dataset field transforms', () => {
  it('concatenates, splits, replaces, looks up and defaults', () => {
    expect(readField({ concat: ['姓', '名'], separator: '' }, cells, columns)).toEqual({
      value: '张晓光',
    });
    expect(readField({ column: 'name', replace: ['_', ' '] }, cells, columns)).toEqual({
      value: 'Kam Air',
    });
    expect(readField({ column: 'name', split: '_', index: 1 }, cells, columns)).toEqual({
      value: 'Air',
    });
    expect(readField({ column: 'gender', lookup: { m: 'male' } }, cells, columns)).toEqual({
      value: 'male',
    });
    expect(readField({ column: 'gender', lookup: { f: 'female' } }, cells, columns)).toMatchObject({
      error: expect.stringMatching(/not one of f/),
    });
    expect(readField({ column: 7, default: 'x' }, ['', '', '', '', '', '', ''], columns)).toEqual({
      value: 'x',
    });
    expect(readField(7, cells, columns)).toEqual({ value: '2' });
    expect(readField('nope', cells, columns)).toEqual({
      error: 'no column "nope"',
      code: 'no_column',
      params: { column: 'nope' },
    });
  });

  it('reads years from epoch ms, ISO dates and Chinese dates', () => {
    expect(readField({ column: 'birthday', date: 'epoch-ms' }, cells, columns)).toEqual({
      value: 1987,
    });
    expect(yearOf('2019-03-01T00:00:00Z', 'iso')).toBe(2019);
    expect(yearOf('2019年3月', 'year')).toBe(2019);
    expect(yearOf('2019.03', 'year')).toBe(2019);
    expect(yearOf('soon', 'year')).toBeNull();
  });
});
