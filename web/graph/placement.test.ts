import { describe, expect, it } from 'vitest';
import { radialPlacement, ringAround } from './placement.ts';

const dist = (p: { x: number; y: number }, q: { x: number; y: number } = { x: 0, y: 0 }) =>
  Math.hypot(p.x - q.x, p.y - q.y);

describe('radialPlacement', () => {
  const ids = ['focus', 'a', 'b', 'c', 'a1', 'a2', 'lonely'];
  const edges = [
    { source: 'focus', target: 'a' },
    { source: 'b', target: 'focus' },
    { source: 'focus', target: 'c' },
    { source: 'a', target: 'a1' },
    { source: 'a2', target: 'a' },
  ];
  const at = radialPlacement(ids, edges, 'focus');

  it('puts the focus in the middle, its neighbours on a ring, theirs further out', () => {
    expect(at.focus).toEqual({ x: 0, y: 0 });
    const first = ['a', 'b', 'c'].map((id) => dist(at[id]!));
    expect(Math.max(...first) - Math.min(...first)).toBeLessThan(1e-6);
    expect(dist(at.a1!)).toBeGreaterThan(first[0]! + 50);
    expect(dist(at.lonely!)).toBeGreaterThan(dist(at.a1!));
  });

  it('places every node, each at its own spot', () => {
    expect(Object.keys(at).sort()).toEqual([...ids].sort());
    const spots = new Set(Object.values(at).map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`));
    expect(spots.size).toBe(ids.length);
  });

  it('starts from the best-connected node without a focus; nothing for no nodes', () => {
    expect(radialPlacement(ids, edges).focus).toEqual({ x: 0, y: 0 });
    expect(radialPlacement([], [])).toEqual({});
  });

  it('gives big rings room: 300 neighbours are at least a node apart', () => {
    const many = Array.from({ length: 300 }, (_, i) => `n${i}`);
    const placed = radialPlacement(
      ['f', ...many],
      many.map((id) => ({ source: 'f', target: id })),
      'f',
    );
    expect(dist(placed.n0!, placed.n1!)).toBeGreaterThan(40);
  });
});

describe('ringAround', () => {
  it('fans new nodes out on the side away from the graph', () => {
    const spots = ringAround(5, { x: 100, y: 0 }, { x: 0, y: 0 });
    expect(spots).toHaveLength(5);
    for (const p of spots) expect(p.x).toBeGreaterThan(100);
  });

  it('uses the whole circle for many, pushed outwards so it clears the parent side', () => {
    const spots = ringAround(60, { x: 0, y: 100 }, { x: 0, y: 0 });
    const mean = spots.reduce((s, p) => s + p.y, 0) / spots.length;
    expect(mean).toBeGreaterThan(150);
  });
});
