import { h } from '../ui/dom.ts';
import { edgeKinds, nodeKinds } from './stylesheet.ts';

const shapeClass: Record<string, string> = {
  ellipse: 'shape-circle',
  'round-rectangle': 'shape-round-rect',
  diamond: 'shape-diamond',
  hexagon: 'shape-hexagon',
  star: 'shape-star',
};

/** The legend, drawn from the same tables as the graph's stylesheet. */
export function renderLegend(target: HTMLElement): void {
  target.replaceChildren(
    h('h3', {}, '图例 (legend)'),
    h(
      'ul',
      { class: 'legend-nodes' },
      nodeKinds.map((k) =>
        h(
          'li',
          {},
          h('span', {
            class: `legend-shape ${shapeClass[k.shape] ?? ''}`,
            style: `background:${k.color}`,
          }),
          `${k.label} `,
          h('span', { class: 'muted' }, k.english),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'legend-edges' },
      edgeKinds.map((k) =>
        h(
          'li',
          { title: k.kind },
          h('span', {
            class: 'legend-line',
            style: `border-top:${Math.max(2, k.width)}px ${k.lineStyle} ${k.color}`,
          }),
          `${k.label} `,
          h('span', { class: 'muted' }, k.english),
        ),
      ),
    ),
  );
}
