import { describe, expect, it } from 'vitest';
import {
  estimateWidth,
  type LabelNode,
  labelBox,
  shownLabels,
  zoomLevel,
  zoomSteps,
} from './labels.ts';

const node = (id: string, x: number, y: number, extra: Partial<LabelNode> = {}): LabelNode => ({
  id,
  x,
  y,
  w: 26,
  h: 26,
  text: '张伟伟',
  fontSize: 11,
  maxWidth: 120,
  priority: 0,
  minZoom: 0,
  ...extra,
});

describe('shownLabels', () => {
  it('keeps the more important of two overlapping labels', () => {
    const shown = shownLabels(
      [node('a', 0, 0), node('b', 10, 0, { priority: 5 })],
      1,
      estimateWidth,
    );
    expect([...shown]).toEqual(['b']);
  });

  it('never leaves two shown labels overlapping, nor a label over another node', () => {
    const nodes: LabelNode[] = [];
    for (let i = 0; i < 300; i++)
      nodes.push(node(`n${i}`, (i * 37) % 600, Math.floor(i / 16) * 50, { priority: i % 7 }));
    const shown = nodes.filter((n) => shownLabels(nodes, 1, estimateWidth).has(n.id));
    expect(shown.length).toBeGreaterThan(10);
    const boxes = shown.map((n) => labelBox(n, estimateWidth));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
    for (const n of shown) {
      const box = labelBox(n, estimateWidth);
      for (const other of nodes) {
        if (other.id === n.id) continue;
        const hit =
          box.x1 < other.x + other.w / 2 &&
          other.x - other.w / 2 < box.x2 &&
          box.y1 < other.y + other.h / 2 &&
          other.y - other.h / 2 < box.y2;
        expect(hit).toBe(false);
      }
    }
  });

  it('hides small labels when zoomed out, and shows the focus whatever it covers', () => {
    const nodes = [
      node('leaf', 0, 0, { minZoom: 8 / 11 }),
      node('hub', 300, 0, { minZoom: 5 / 11 }),
      node('focus', 600, 0, { always: true, minZoom: 0 }),
      node('under', 605, 5),
    ];
    expect([...shownLabels(nodes, 1, estimateWidth)].sort()).toEqual(['focus', 'hub', 'leaf']);
    expect([...shownLabels(nodes, 0.6, estimateWidth)].sort()).toEqual(['focus', 'hub']);
    expect([...shownLabels(nodes, 0.3, estimateWidth)].sort()).toEqual(['focus']);
    const steps = zoomSteps(nodes);
    expect(zoomLevel(steps, 0.6)).toBe(zoomLevel(steps, 0.5));
    expect(zoomLevel(steps, 0.6)).not.toBe(zoomLevel(steps, 0.8));
  });

  it('lets a group label cross another node, not another label', () => {
    const nodes = [
      node('group', 0, 0, { overNodes: true, priority: 9 }),
      node('person', 0, 30, { text: '' }),
      node('hub', 5, 0, { priority: 1 }),
    ];
    expect([...shownLabels(nodes, 1, estimateWidth)]).toEqual(['group']);
    expect(
      shownLabels([{ ...nodes[0]!, overNodes: false }, nodes[1]!], 1, estimateWidth).size,
    ).toBe(0);
  });

  it('measures CJK text a full em per character, Latin narrower', () => {
    expect(estimateWidth('张伟', 10)).toBe(20);
    expect(estimateWidth('Li', 10)).toBeCloseTo(12);
  });
});
