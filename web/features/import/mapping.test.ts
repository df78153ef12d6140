import { describe, expect, it } from 'vitest';
import { parseMapping } from './mapping.ts';

describe('import column mapping', () => {
  it('reads "column = field" lines, full-width equals too, and skips blank lines', () => {
    expect(parseMapping('单位 = employer\n\n 籍贯＝hometown \n备注 =')).toEqual({
      rows: [
        { column: '单位', field: 'employer' },
        { column: '籍贯', field: 'hometown' },
        { column: '备注', field: '' },
      ],
    });
  });

  it('takes a field by its Chinese or English name as well as by its code', () => {
    expect(parseMapping('单位 = 工作单位\n老家 = Hometown\n手机 = phone')).toEqual({
      rows: [
        { column: '单位', field: 'employer' },
        { column: '老家', field: 'hometown' },
        { column: '手机', field: 'phone' },
      ],
    });
  });

  it('names the first line without an equals sign', () => {
    expect(parseMapping('单位 = employer\nnonsense')).toEqual({ badLine: 2 });
    expect(parseMapping('= employer')).toEqual({ badLine: 1 });
  });
});
