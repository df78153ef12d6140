import type { Page } from 'playwright-core';

/**
 * Waits until the explorer's graph is still: no layout running and no group waiting to be drawn (a
 * group's layout may move the view again, so a test must not point at a node before this).
 */
export const graphSettled = (page: Page) =>
  page.waitForFunction(() => {
    const graph = document.getElementById('graph')?.dataset;
    return graph?.layout === 'idle' && graph.grouping !== 'running';
  });
