import { describe, expect, it } from 'vitest';
import { consultantRows, stationRows } from './credit-rows.ts';

describe('rows of the consultants and stations tables', () => {
  it('takes a consultant person’s name and reach, and leaves an account without either', () => {
    const rows = consultantRows([
      {
        consultant: {
          id: 'Person:1',
          name: '王顾问',
          person: { __typename: 'Person', id: 'Person:1', name: '王顾问', latinName: 'Wang' },
          reach: { oneHop: 12 },
        },
        introductions: 5,
        signed: 2,
        landed: 1,
      },
      {
        consultant: { id: 'Account:9', name: '顾问账号', person: null, reach: null },
        introductions: 1,
        signed: 0,
        landed: 0,
      },
    ]);
    expect(rows).toEqual([
      {
        id: 'Person:1',
        name: '王顾问',
        latinName: 'Wang',
        entityId: 'Person:1',
        introductions: 5,
        signed: 2,
        landed: 1,
        reach: 12,
      },
      {
        id: 'Account:9',
        name: '顾问账号',
        latinName: null,
        entityId: null,
        introductions: 1,
        signed: 0,
        landed: 0,
        reach: null,
      },
    ]);
  });

  it('counts a station’s signed and landed from the current stages of its report', () => {
    const [row] = stationRows([
      {
        id: 'Organization:7',
        name: '光谷上海人才服务站',
        reach: { oneHop: 3 },
        report: {
          total: 6,
          stages: [
            { stage: 'proposed', current: 3 },
            { stage: 'signed', current: 2 },
            { stage: 'landed', current: 1 },
          ],
        },
      },
    ]);
    expect(row).toMatchObject({ introductions: 6, signed: 2, landed: 1, reach: 3 });
    expect(row?.entityId).toBe('Organization:7');
    const empty = { total: 0, stages: [] };
    const [none] = stationRows([
      { id: 'Organization:8', name: '站', reach: { oneHop: 0 }, report: empty },
    ]);
    expect(none).toMatchObject({ introductions: 0, signed: 0, landed: 0 });
  });
});
