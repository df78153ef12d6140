import { describe, expect, it } from 'vitest';
import { runFcose } from './fcose-layout.ts';

/** A star of 12 around `c`, started all on one spot, plus two new nodes to settle. */
function request(fixedOld: boolean) {
  const old = ['c', ...Array.from({ length: 12 }, (_, i) => `n${i}`)];
  const nodes = [
    ...old.map((id, i) => ({ id, x: i * 3, y: 0, w: 30, h: 30, fixed: fixedOld })),
    { id: 'new1', x: 5, y: 5, w: 30, h: 30, fixed: false },
    { id: 'new2', x: 6, y: 5, w: 30, h: 30, fixed: false },
  ];
  const edges = [
    ...old.slice(1).map((id) => ({ source: 'c', target: id })),
    { source: 'n0', target: 'new1' },
    { source: 'n0', target: 'new2' },
  ];
  return { nodes, edges, randomize: false };
}

describe('runFcose (headless, as in the layout worker)', () => {
  it('spreads the nodes apart', () => {
    const at = runFcose({ ...request(false), randomize: true });
    expect(Object.keys(at)).toHaveLength(15);
    const d = Math.hypot(at.n0!.x - at.n1!.x, at.n0!.y - at.n1!.y);
    expect(d).toBeGreaterThan(20);
  });

  it('leaves fixed nodes where they are and moves the others', () => {
    const req = request(true);
    const at = runFcose(req);
    for (const n of req.nodes.filter((x) => x.fixed)) {
      expect(at[n.id]!.x).toBeCloseTo(n.x, 3);
      expect(at[n.id]!.y).toBeCloseTo(n.y, 3);
    }
    expect(Math.hypot(at.new1!.x - 5, at.new1!.y - 5)).toBeGreaterThan(1);
  });
});
