import { describe, expect, it } from 'vitest';
import { commonMoves } from './bulk-moves.ts';

describe('commonMoves', () => {
  it('offers what every selected status may move to', () => {
    expect(commonMoves(['invited'])).toEqual(['accepted', 'declined', 'cancelled']);
    expect(commonMoves(['invited', 'accepted'])).toEqual(['accepted', 'declined', 'cancelled']);
    expect(commonMoves(['accepted', 'accepted'])).toEqual([
      'attended',
      'no_show',
      'declined',
      'cancelled',
    ]);
  });

  it('offers nothing for nothing selected, or for statuses with no move in common', () => {
    expect(commonMoves([])).toEqual([]);
    expect(commonMoves(['attended', 'invited'])).toEqual([]);
  });
});
