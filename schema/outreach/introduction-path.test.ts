import { describe, expect, it } from 'vitest';
import { pathIssues } from './introduction-path.ts';

describe('pathIssues', () => {
  it('accepts a path from the introducer to the talent', () => {
    expect(pathIssues(['a', 'b', 'c'], 'a', 'c')).toEqual([]);
    expect(pathIssues(['a', 'c'], 'a', 'c')).toEqual([]);
  });

  it('names the wrong end, a repeat and a bad length', () => {
    expect(pathIssues(['b', 'a', 'c'], 'a', 'c').map((i) => [i.code, i.path.join('.')])).toEqual([
      ['path_start', 'input.path.0'],
    ]);
    expect(pathIssues(['a', 'b', 'd'], 'a', 'c').map((i) => i.code)).toEqual(['path_end']);
    expect(pathIssues(['a', 'b', 'b', 'c'], 'a', 'c').map((i) => i.path.join('.'))).toEqual([
      'input.path.2',
    ]);
    expect(pathIssues(['a'], 'a', 'a').map((i) => i.code)).toEqual(['count_range']);
    expect(pathIssues(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'a', 'h')[0]?.code).toBe(
      'count_range',
    );
  });
});
