import { describe, expect, it } from 'vitest';
import {
  introductionStages,
  invitationMoveProblem,
  invitationMoves,
  stageMoveProblem,
  stageMoves,
} from './stages.ts';

describe('introduction stage moves', () => {
  it('allows the forward path and refuses skipping', () => {
    expect(stageMoveProblem('proposed', 'contacted', false)).toBeNull();
    expect(stageMoveProblem('signed', 'landed', false)).toBeNull();
    expect(stageMoveProblem('proposed', 'signed', false)).toMatch(/cannot move/);
    expect(stageMoveProblem('landed', 'proposed', false)).toMatch(/cannot move/);
  });

  it('lands only after signed unless overridden, never from a closed stage', () => {
    expect(stageMoveProblem('negotiating', 'landed', false)).toMatch(/only after 'signed'/);
    expect(stageMoveProblem('negotiating', 'landed', true)).toBeNull();
    expect(stageMoveProblem('declined', 'landed', true)).toMatch(/only after/);
  });

  it('names only known stages in the table', () => {
    for (const [from, to] of Object.entries(stageMoves)) {
      expect(introductionStages).toContain(from);
      for (const s of to) expect(introductionStages).toContain(s);
    }
  });
});

describe('invitation moves', () => {
  it('follows invited → accepted → attended, and nothing leaves a closed status', () => {
    expect(invitationMoveProblem('invited', 'accepted')).toBeNull();
    expect(invitationMoveProblem('accepted', 'attended')).toBeNull();
    expect(invitationMoveProblem('invited', 'attended')).toMatch(/cannot move/);
    expect(invitationMoveProblem('cancelled', 'accepted')).toMatch(/cannot move/);
    expect(invitationMoves.attended).toEqual([]);
  });
});
