export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Space kept between a popup and the edge of the window. */
const margin = 8;

/**
 * Where to put a popup of `size` opened at `at` (window coordinates), so all of it is inside
 * `bounds` (the window): beside the point, flipped to its left or above it when it would run past
 * the right or bottom edge, and pushed in when even that does not fit. Window coordinates out.
 */
export function placeInside(
  at: { x: number; y: number },
  size: { width: number; height: number },
  bounds: Rect,
  gap = 8,
): { left: number; top: number } {
  const fit = (start: number, length: number, min: number, max: number) =>
    Math.max(min, Math.min(start, max - length));
  const right = bounds.left + bounds.width - margin;
  const bottom = bounds.top + bounds.height - margin;
  let left = at.x + gap;
  if (left + size.width > right) left = at.x - gap - size.width;
  let top = at.y + gap;
  if (top + size.height > bottom) top = at.y - gap - size.height;
  return {
    left: fit(left, size.width, bounds.left + margin, right),
    top: fit(top, size.height, bounds.top + margin, bottom),
  };
}
