import type { Page } from 'playwright-core';

/**
 * Waits until the explorer's graph is still: no layout running and no group waiting to be drawn (a
 * group's layout may move the view again, so a test must not point at a node before this). Layouts
 * of 500+ nodes run on SwiftShader beside another test file on 2 cores: the limit is generous.
 */
export const graphSettled = (page: Page) =>
  page.waitForFunction(
    () => {
      const graph = document.getElementById('graph')?.dataset;
      return graph?.layout === 'idle' && graph.grouping !== 'running';
    },
    undefined,
    { timeout: 90_000 },
  );

/**
 * Where to point at a node of the explorer's graph (page coordinates): its centre when no other node
 * covers it, else the first free point of a grid over its body (group nodes are big and can touch),
 * always on the canvas. `center` first scrolls the view to put the node in the middle.
 */
export const nodeSpot = (page: Page, id: string, center = false) =>
  page.evaluate(
    ([nodeId, c]) => {
      const cy = window.__cy!;
      const node = cy.getElementById(nodeId as string);
      if (c) cy.center(node);
      const body = { includeLabels: false, includeOverlays: false };
      const own = node.renderedBoundingBox(body);
      const others = cy
        .nodes(':visible')
        .not(node)
        .map((n) => n.renderedBoundingBox(body));
      const free = (x: number, y: number) =>
        x >= 1 &&
        y >= 1 &&
        x <= cy.width() - 1 &&
        y <= cy.height() - 1 &&
        !others.some((b) => x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2);
      const pos = node.renderedPosition();
      let at = { x: pos.x, y: pos.y };
      if (!free(at.x, at.y)) {
        search: for (let i = 1; i < 8; i++)
          for (let j = 1; j < 8; j++) {
            const x = own.x1 + (own.w * i) / 8;
            const y = own.y1 + (own.h * j) / 8;
            if (free(x, y)) {
              at = { x, y };
              break search;
            }
          }
      }
      const box = document.getElementById('graph')!.getBoundingClientRect();
      return { x: box.left + at.x, y: box.top + at.y };
    },
    [id, center] as const,
  );

/**
 * A double-click at page point (x, y) whose clicks are stamped 50 ms apart, as a person's are by
 * the OS when they happen. Playwright's `mouse.dblclick` lets the browser stamp each event when
 * it arrives; on a busy machine the second click can arrive more than Cytoscape's 250 ms
 * double-tap window after the first, and the double-click becomes two taps.
 */
export async function doubleClick(page: Page, x: number, y: number) {
  const cdp = await page.context().newCDPSession(page);
  const at = Date.now() / 1000;
  const steps = [
    ['mousePressed', 1, 0],
    ['mouseReleased', 1, 0.02],
    ['mousePressed', 2, 0.05],
    ['mouseReleased', 2, 0.07],
  ] as const;
  try {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, timestamp: at - 0.1 });
    for (const [type, clickCount, after] of steps)
      await cdp.send('Input.dispatchMouseEvent', {
        type,
        x,
        y,
        button: 'left',
        buttons: type === 'mousePressed' ? 1 : 0,
        clickCount,
        timestamp: at + after,
      });
  } finally {
    await cdp.detach();
  }
}
