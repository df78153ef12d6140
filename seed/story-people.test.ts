import { describe, expect, it } from 'vitest';
import { generateGraph } from './generate.ts';
import { STORY_PEOPLE } from './story-people.ts';

type Tie = { from: string; to: string; props: Record<string, unknown> };

describe('the headline story’s people', () => {
  it('each work now, in the city they live in, for an employer in their own industry', () => {
    const people: Record<string, unknown>[] = [];
    const ties = new Map<string, Tie[]>();
    for (const b of generateGraph({ people: 300, story: true })) {
      if (b.kind === 'node' && b.label === 'Person') people.push(...b.rows);
      if (b.kind === 'tie') ties.set(b.type, [...(ties.get(b.type) ?? []), ...b.rows]);
    }
    const tiesOf = (type: string) => ties.get(type) ?? [];
    const targets = (type: string, from: string, current = false) =>
      tiesOf(type)
        .filter((t) => t.from === from && (!current || t.props.current === true))
        .map((t) => t.to);
    // A field's industry: the top of its SUBFIELD_OF chain.
    const parent = new Map(tiesOf('SUBFIELD_OF').map((t) => [t.from, t.to]));
    const industry = (field: string): string => {
      const up = parent.get(field);
      return up ? industry(up) : field;
    };

    const honours = new Set(STORY_PEOPLE.flatMap((s) => s.honours));
    const story = people.filter((p) =>
      (p.honours as string[] | undefined)?.some((h) => honours.has(h)),
    );
    expect(story).toHaveLength(STORY_PEOPLE.length);
    for (const person of story) {
      const id = person.id as string;
      const [home] = targets('LIVES_IN', id, true);
      const own = new Set(targets('EXPERT_IN', id).map(industry));
      const fitting = targets('WORKED_AT', id, true).filter(
        (org) =>
          targets('LOCATED_IN', org).includes(home as string) &&
          targets('IN_FIELD', org).some((f) => own.has(industry(f))),
      );
      expect(fitting, `${person.name}`).not.toEqual([]);
    }
  });
});
