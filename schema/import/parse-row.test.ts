import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mapColumns, presets, recognizeHeader } from './columns.ts';
import { nameKey, placeKeys } from './name-key.ts';
import { parseRow, readYear } from './parse-row.ts';
import { detectEncoding } from './read-rows.ts';

const headers = [
  '姓名',
  '英文名',
  '性别',
  '出生年月',
  '籍贯',
  '单位',
  '职务',
  '毕业院校',
  '学位',
  '届别',
  '领域',
  '类别',
  '手机',
];
const { columns } = mapColumns(headers, presets.alumni);
const row = (cells: (string | number | null)[], line = 2) =>
  parseRow({ line, cells }, columns, presets.alumni, 'ds');

describe('header recognition', () => {
  it.each([
    ['姓名', 'name'],
    ['Full Name', 'name'],
    ['工作单位', 'employer'],
    ['职务：', 'title'],
    ['毕业院校', 'almaMater'],
    ['籍贯', 'hometown'],
    ['E-mail', 'email'],
    ['身份证号码', 'idNumber'],
    ['备注', null],
  ])('%s -> %s', (header, field) => expect(recognizeHeader(header)).toBe(field));

  it('needs a name column and the preset’s required columns, and refuses a field twice', () => {
    expect(mapColumns(['单位'], presets.alumni).problems).toEqual([
      {
        reason: 'no column for name / 缺少"姓名"列',
        code: 'missing_column',
        params: { field: { enum: 'field', value: 'name' } },
      },
      {
        reason: 'no column for almaMater / 缺少"毕业院校"列',
        code: 'missing_column',
        params: { field: { enum: 'field', value: 'almaMater' } },
      },
    ]);
    expect(mapColumns(['姓名', '名字'], presets.talent).problems[0]?.reason).toMatch(
      /both map to name/,
    );
    expect(mapColumns(['姓名', 'X'], presets.talent, { X: 'employer' }).columns.get(1)).toBe(
      'employer',
    );
  });
});

describe('parseRow', () => {
  it('reads a good row: gender, year forms, degree, categories, contacts apart', () => {
    const result = row([
      '张伟',
      'Zhang Wei',
      '男',
      '1980年5月',
      '武汉',
      '光谷公司',
      '总工',
      '华中科技大学',
      '博士',
      '2008届',
      '激光、光纤',
      '院士',
      '13800000001',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row.person).toEqual({
      name: '张伟',
      latinName: 'Zhang Wei',
      gender: 'male',
      birthYear: 1980,
      categories: ['academician', 'alumnus'],
      tags: [],
    });
    expect(result.row.almaMater).toEqual({
      name: '华中科技大学',
      degree: 'phd',
      major: null,
      from: null,
      to: 2008,
    });
    expect(result.row.fields).toEqual(['激光', '光纤']);
    expect(result.row.contacts).toEqual([{ kind: 'phone', value: '13800000001' }]);
    expect(result.row.key).toBe('ds|张伟|华中科技大学|2008|1980');
  });

  it('keys traditional and simplified spellings alike', () => {
    const a = row(['張偉', '', '', 1980, '', '', '', '華中科技大學', '', 2008, '', '', '']);
    const b = row(['张伟', '', '', 1980, '', '', '', '华中科技大学', '', 2008, '', '', '']);
    expect(a.ok && b.ok && a.row.key === b.row.key).toBe(true);
  });

  it.each([
    [['', '', '', '', '', '', '', 'X大学', '', '', '', '', ''], /name: must not be empty/],
    [
      ['甲', '', '', 2999, '', '', '', 'X大学', '', '', '', '', ''],
      /birthYear: must not be in the future/,
    ],
    [
      ['甲', '', '', 'abc', '', '', '', 'X大学', '', '', '', '', ''],
      /birthYear: "abc" is not a year/,
    ],
    [['甲', '', '?', '', '', '', '', 'X大学', '', '', '', '', ''], /gender/],
    [['甲', '', '', '', '', '', '', '', '', '', '', '', ''], /almaMater: missing/],
    [['甲', '', '', '', '', '', '', 'X大学', '', '', '', '神仙', ''], /unknown category "神仙"/],
    [
      ['甲', '', '', '', '', '', '经理', 'X大学', '', '', '', '', ''],
      /title: given without an employer/,
    ],
    [['甲', '', '', '', '', '=1+1', '', 'X大学', '', '', '', '', ''], /looks like a formula/],
    [
      ['甲', '', '', '', '', 'y'.repeat(50_000), '', 'X大学', '', '', '', '', ''],
      /50000 characters/,
    ],
    [['甲\uFFFD', '', '', '', '', '', '', 'X大学', '', '', '', '', ''], /wrong encoding/],
  ])('rejects %#', (cells, reason) => {
    const result = row(cells);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejections.map((r) => r.reason).join('; ')).toMatch(reason);
  });

  it('rejects a formula cell from a spreadsheet', () => {
    const result = parseRow(
      { line: 7, cells: ['甲', null, null, { formula: 'A1+1' }] },
      columns,
      presets.talent,
      'd',
    );
    expect(result.ok || result.rejections[0]).toMatchObject({ line: 7, column: 'birthYear' });
  });
});

describe('names, years and encodings', () => {
  it('normalises names and places', () => {
    expect(nameKey('華中科技大學 ')).toBe(nameKey('华中科技大学'));
    expect(nameKey('ＨＵＳＴ')).toBe('hust');
    expect(placeKeys('武汉市')).toEqual(['武汉市', '武汉']);
  });
  it('reads years', () => {
    expect(readYear('1985.03')).toBe(1985);
    expect(readYear('2008届')).toBe(2008);
    expect(readYear(new Date(Date.UTC(1990, 1, 1)))).toBe(1990);
    expect(readYear('85')).toBeUndefined();
  });
  it('detects UTF-8 (with or without BOM) and GB18030', () => {
    expect(detectEncoding(Buffer.from('\uFEFF姓名', 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from('姓名,单位', 'utf8'))).toBe('utf8');
    expect(detectEncoding(iconv.encode('姓名,单位', 'gb18030'))).toBe('gb18030');
  });
});
