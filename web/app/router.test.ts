import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router.ts';

describe('hash routes', () => {
  it('reads the route name and its parameters', () => {
    const route = parseRoute('#/paths?to=Person:01&from=Person:02');
    expect(route.name).toBe('paths');
    expect(route.params.get('to')).toBe('Person:01');
  });

  it('falls back to the explorer for an unknown or empty hash', () => {
    expect(parseRoute('').name).toBe('explore');
    expect(parseRoute('#/nowhere').name).toBe('explore');
  });

  it('writes what it reads', () => {
    expect(parseRoute(href('maps', { org: 'Organization:X' })).params.get('org')).toBe(
      'Organization:X',
    );
  });
});
