import { describe, expect, it } from 'vitest';
import { placeInside } from './place-inside.ts';

const window = { left: 0, top: 0, width: 1280, height: 800 };
const menu = { width: 200, height: 420 };

describe('placeInside', () => {
  it('opens beside the point when there is room', () => {
    expect(placeInside({ x: 100, y: 100 }, menu, window)).toEqual({ left: 108, top: 108 });
  });

  it('flips to the left of the point near the right edge, above it near the bottom', () => {
    const { left, top } = placeInside({ x: 1250, y: 780 }, menu, window);
    expect(left).toBe(1250 - 8 - 200);
    expect(top).toBe(780 - 8 - 420);
  });

  it('keeps all of it inside the window, whatever the point', () => {
    for (const at of [
      { x: 0, y: 0 },
      { x: 1280, y: 800 },
      { x: 640, y: 390 },
      { x: 5, y: 795 },
      { x: 1279, y: 3 },
    ]) {
      const { left, top } = placeInside(at, menu, window);
      expect(left).toBeGreaterThanOrEqual(8);
      expect(top).toBeGreaterThanOrEqual(8);
      expect(left + menu.width).toBeLessThanOrEqual(1280 - 8);
      expect(top + menu.height).toBeLessThanOrEqual(800 - 8);
    }
  });
});
