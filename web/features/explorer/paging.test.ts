import { describe, expect, it } from 'vitest';
import {
  maxLimit,
  nextLimit,
  outsideAnswer,
  page,
  remainingAfter,
  remainingText,
} from './paging.ts';

describe('paging through a node’s neighbours', () => {
  it('asks for those the graph has plus a page, within the server’s limit', () => {
    expect(nextLimit(0)).toBe(page);
    expect(nextLimit(150)).toBe(150 + page);
    expect(nextLimit(1900)).toBe(maxLimit);
  });

  it('counts neighbours the graph has but the answer left out, by the tie kinds asked for', () => {
    const ties = [
      { other: 'a', type: 'Person', kind: 'STUDIED_AT', derived: false },
      { other: 'a', type: 'Person', kind: 'WORKED_AT', derived: false },
      { other: 'b', type: 'Person', kind: 'KNOWS', derived: false },
      { other: 'c', type: 'Person', kind: 'DERIVED_TIE', derived: true },
      { other: 'd', type: 'Place', kind: 'LOCATED_IN', derived: false },
    ];
    expect(outsideAnswer(ties, new Set(['b']), {})).toEqual(
      new Map([
        ['Person', 1],
        ['Place', 1],
      ]),
    );
    expect(outsideAnswer(ties, new Set(), { tieKinds: ['KNOWS'] })).toEqual(
      new Map([['Person', 1]]),
    );
    expect(outsideAnswer(ties, new Set(), { derived: true, kinds: ['Person'] }).get('Person')).toBe(
      3,
    );
  });

  it('says what is left: the server’s omitted counts less those already on the graph', () => {
    const hood = {
      truncated: true,
      omittedByKind: [
        { kind: 'Person', count: 449 },
        { kind: 'Place', count: 1 },
      ],
      omittedAtLeast: false,
    };
    expect(remainingAfter(hood, new Map([['Place', 1]]))).toEqual({
      total: 449,
      byKind: [{ kind: 'Person', count: 449 }],
      atLeast: false,
    });
    expect(
      remainingAfter({ truncated: false, omittedByKind: [], omittedAtLeast: false }, new Map()),
    ).toEqual({ total: 0, byKind: [], atLeast: false });
  });

  it('says a count the server stopped at is a lower bound', () => {
    const hood = {
      truncated: true,
      omittedByKind: [{ kind: 'Person', count: 9_500 }],
      omittedAtLeast: true,
    };
    const remaining = remainingAfter(hood, new Map([['Person', 500]]));
    expect(remaining).toEqual({
      total: 9_000,
      byKind: [{ kind: 'Person', count: 9_000 }],
      atLeast: true,
    });
    expect(remainingText(remaining.total, remaining.atLeast)).toMatch(/^9[,.\s]?000\+$/);
    expect(remainingText(12, false)).toBe('12');
  });
});
