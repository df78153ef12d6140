import { describe, expect, it } from 'vitest';
import { notificationKind } from './notify.ts';

const change = (extra: Partial<Parameters<typeof notificationKind>[0]>) => ({
  entityId: 'p',
  op: 'update' as const,
  actor: 'Account:x',
  changes: {},
  ...extra,
});

describe('notificationKind', () => {
  it('names job, city and stage changes, and outreach activity', () => {
    expect(
      notificationKind(
        change({ op: 'tie_add', tieKind: 'WORKED_AT', changes: { current: [null, true] } }),
      ),
    ).toBe('new_job');
    expect(
      notificationKind(
        change({ op: 'tie_add', tieKind: 'WORKED_AT', changes: { to: [null, 2020] } }),
      ),
    ).toBe('ended_job');
    expect(notificationKind(change({ op: 'tie_end', tieKind: 'WORKED_AT' }))).toBe('ended_job');
    expect(
      notificationKind(
        change({ op: 'tie_update', tieKind: 'WORKED_AT', changes: { title: ['a', 'b'] } }),
      ),
    ).toBe('edited');
    expect(notificationKind(change({ op: 'tie_add', tieKind: 'LIVES_IN' }))).toBe('moved_city');
    expect(notificationKind(change({ op: 'tie_add', tieKind: 'EXPERT_IN' }))).toBe('edited');
    expect(notificationKind(change({ changes: { stage: ['proposed', 'contacted'] } }))).toBe(
      'stage_changed',
    );
    expect(notificationKind(change({ teamId: null, changes: { claim: [null, 'x'] } }))).toBe(
      'activity',
    );
    expect(notificationKind(change({ changes: { title: ['a', 'b'] } }))).toBe('edited');
  });
});
