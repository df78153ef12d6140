import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fromCsvCell, toCsv } from './csv.ts';

const read = (csv: string) => parse(csv.replace(/^\uFEFF/, '')) as string[][];

describe('toCsv', () => {
  it('neutralises formulas, full-width ones too, and quotes where needed', () => {
    const csv = toCsv(
      ['name', 'n'],
      [
        ['=HYPERLINK("http://evil.example","x")', 1],
        ['+1', -2],
        ['@SUM(A1)', null],
        ['\uFF1D1+1', true],
        ['张三, "老张"', 0],
      ],
    );
    expect(csv.startsWith('\uFEFFname,n\r\n')).toBe(true);
    const rows = read(csv);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://evil.example","x")`,
      "'+1",
      "'@SUM(A1)",
      "'\uFF1D1+1",
      '张三, "老张"',
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['1', '-2', '', 'true', '0']);
  });

  it('reads back every value exactly', () => {
    const values = ['=1', "'=1", "''+x", "'plain", 'plain', '-', '-5', '', '\t=x'];
    const rows = read(
      toCsv(
        ['v'],
        values.map((v) => [v]),
      ),
    );
    expect(rows.slice(1).map((r) => fromCsvCell(r[0] ?? ''))).toEqual(values);
  });

  it('is the only CSV writer in the product', () => {
    const root = join(import.meta.dirname, '..', '..');
    const sources = ['schema', 'server', 'web'].flatMap((dir) =>
      (readdirSync(join(root, dir), { recursive: true }) as string[])
        .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
        .map((f) => join(dir, f)),
    );
    const writers = sources.filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      // A CSV library, or hand-written CSV quoting (doubling quotes).
      return /from 'csv-stringify|'""'/.test(text);
    });
    expect(writers).toEqual([join('schema', 'shared', 'csv.ts')]);
  });
});
