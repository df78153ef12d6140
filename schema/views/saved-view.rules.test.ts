import { describe, expect, it } from 'vitest';
import { groupId } from './group-nodes.ts';
import { entityIdsOf, viewRules } from './saved-view.rules.ts';

const hub = 'Organization:HUST';
const tie = (member: string) => ({
  id: `t-${member}`,
  source: member,
  target: hub,
  kind: 'STUDIED_AT',
});

function view(fanOut: Record<string, unknown>, nodeIds: string[] = [hub]) {
  return {
    title: 'alumni',
    graph: JSON.stringify({
      nodes: [
        { id: hub, x: 0, y: 0 },
        { id: 'Person:A', x: 1, y: 1 },
      ],
      edges: [tie('Person:A')],
      fanOuts: [
        {
          hub,
          type: 'Person',
          members: [
            { id: 'Person:M1', ties: [{ ...tie('Person:M1'), endYear: 1998 }] },
            { id: 'Person:M2', ties: [tie('Person:M2')] },
          ],
          groups: [{ key: 'Place:WH', x: 5, y: 5 }],
          ...fanOut,
        },
      ],
      style: { groupBy: 'city' },
    }),
    annotations: [{ text: 'step', nodeIds }],
  };
}

const issues = (input: unknown) =>
  (viewRules.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('saved view rules: group nodes', () => {
  it('accepts fan-outs, and a step that highlights one of the view’s groups', () => {
    const parsed = viewRules.parse(view({}, [hub, groupId(hub, 'Person', 'city', 'Place:WH')]));
    expect(entityIdsOf(parsed.graph)).toEqual([hub, 'Person:A', 'Person:M1', 'Person:M2']);
  });

  it('refuses a group the view does not have, a member also drawn, and a tie away from the hub', () => {
    expect(issues(view({}, [groupId(hub, 'Person', 'city', 'Place:SH')]))).toEqual([
      'annotations.0.nodeIds.0: must be a node of the view',
    ]);
    expect(
      issues(view({ members: [{ id: 'Person:A', ties: [tie('Person:A')] }] })).map((i) =>
        i.replace(/^graph\./, ''),
      ),
    ).toEqual(['fanOuts.0.members.0: must be held once, and not also drawn']);
    expect(
      issues(
        view({
          members: [
            { id: 'Person:M1', ties: [{ ...tie('Person:M1'), target: 'Organization:Other' }] },
          ],
        }),
      ).map((i) => i.replace(/^graph\./, '')),
    ).toEqual(['fanOuts.0.members.0.ties.0: must join the member and the hub']);
    expect(
      issues(view({ hub: 'Organization:Other' })).map((i) => i.replace(/^graph\./, '')),
    ).toEqual([
      'fanOuts.0.hub: must be a node of the view',
      'fanOuts.0.members.0.ties.0: must join the member and the hub',
      'fanOuts.0.members.1.ties.0: must join the member and the hub',
    ]);
  });
});
