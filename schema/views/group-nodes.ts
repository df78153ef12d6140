/**
 * What the explorer groups a big fan-out by, and a group node's id. Shared by the explorer
 * (web/graph/groups.ts) and the saved-view rules, which check that a story step's group node is one
 * of the view's groups.
 */
export const groupings = ['city', 'employer', 'field', 'decade'] as const;
export type GroupBy = (typeof groupings)[number];

/** The id of a group node: the hub, the members' type, the grouping and the key. */
export const groupId = (hub: string, type: string, by: GroupBy | 'pending', key: string) =>
  `group:${hub}:${type}:${by}:${key}`;
