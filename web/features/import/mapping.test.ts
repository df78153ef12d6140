import { describe, expect, it } from 'vitest';
import { importFields } from '../../../schema/import/columns.ts';
import { importFieldNames, parseMapping } from './mapping.ts';

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

  it('names the first line without an equals sign', () => {
    expect(parseMapping('单位 = employer\nnonsense')).toEqual({ badLine: 2 });
    expect(parseMapping('= employer')).toEqual({ badLine: 1 });
  });

  it('offers exactly the fields the server accepts', () => {
    expect([...importFieldNames]).toEqual([...importFields]);
  });
});
