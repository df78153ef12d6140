import type { Issue } from '../shared/errors.ts';

/** The most people an introduction path names: a path finder path of 6 hops. */
const maxPathPeople = 7;

/**
 * What is wrong with the path an introduction is started from (person ids in order, already decoded),
 * or nothing: it runs from the introducer (our side) to the talent, 2 to 7 people, none twice. Pure.
 */
export function pathIssues(path: readonly string[], introducer: string, talent: string): Issue[] {
  const at = ['input', 'path'];
  if (path.length < 2 || path.length > maxPathPeople) {
    return [
      {
        path: at,
        code: 'count_range',
        params: { min: 2, max: maxPathPeople },
        message: `must name 2 to ${maxPathPeople} people`,
      },
    ];
  }
  const issues: Issue[] = [];
  if (path[0] !== introducer)
    issues.push({
      path: [...at, '0'],
      code: 'path_start',
      message: 'must start with the introducer',
    });
  if (path[path.length - 1] !== talent)
    issues.push({
      path: [...at, String(path.length - 1)],
      code: 'path_end',
      message: 'must end with the talent',
    });
  const twice = path.findIndex((id, i) => path.indexOf(id) !== i);
  if (twice >= 0)
    issues.push({
      path: [...at, String(twice)],
      code: 'path_repeats',
      message: 'must not name a person twice',
    });
  return issues;
}
