import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRoster } from './read-rows.ts';

/** The line each body row of `text` (a CSV file) is reported on, with its first cell. */
async function linesOf(text: string): Promise<string[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'rows-')), 'roster.csv');
  writeFileSync(path, text);
  const roster = await openRoster(path);
  const out: string[] = [];
  for await (const row of roster.rows) out.push(`${row.line}:${row.cells[0]}`);
  return out;
}

describe('CSV line numbers', () => {
  it('are the lines an editor shows a row starting on, past blank lines and quoted line breaks', async () => {
    expect(await linesOf('姓名,年份\n甲,1\n\n乙,"多\n行"\n丙,3')).toEqual(['2:甲', '4:乙', '6:丙']);
    // A row spanning lines is reported on its first. A quoted CRLF is one line break, as in the editor (csv-parse's own count made it two).
    expect(await linesOf('\uFEFF姓名,年份\r\n甲,1\r\n\r\n乙,"多\r\n行"\r\n丙,3\r\n')).toEqual([
      '2:甲',
      '4:乙',
      '6:丙',
    ]);
    expect(await linesOf('姓名,年份\r甲,1\r乙,"多\r行"\r丙,3')).toEqual(['2:甲', '3:乙', '5:丙']);
    expect(await linesOf('姓名,备注\n甲,"两个\n\n空行"\n乙,2\n')).toEqual(['2:甲', '5:乙']);
  });
});
