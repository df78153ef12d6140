import type { Request } from '../../api/graphql-client.ts';
import { detailsQuery, type EntityDetails } from '../../api/operations.ts';
import { nodeKindOf } from '../../graph/stylesheet.ts';
import { h } from '../../ui/dom.ts';
import {
  categoryLabels,
  label,
  organizationTypeLabels,
  placeKindLabels,
  projectKindLabels,
  projectStatusLabels,
} from './labels.ts';

/** The panel beside the graph: what is known about the clicked node. */
export function mountDetailsPanel(panel: HTMLElement, request: Request) {
  let controller: AbortController | undefined;

  const clear = () => {
    controller?.abort();
    panel.dataset.state = 'empty';
    panel.replaceChildren(
      h('p', { class: 'muted' }, '点击图中的节点查看详情 (click a node to see its details)'),
    );
  };

  const show = async (id: string) => {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    panel.dataset.state = 'loading';
    panel.setAttribute('aria-busy', 'true');
    try {
      const { node } = await request(detailsQuery, { id }, signal);
      if (signal.aborted) return;
      if (!node) {
        panel.replaceChildren(h('p', { class: 'muted' }, '已不存在 (no longer exists)'));
      } else {
        panel.replaceChildren(...render(node));
      }
      panel.dataset.state = 'shown';
      panel.dataset.id = id;
    } catch (error) {
      if (signal.aborted) return;
      panel.dataset.state = 'error';
      panel.replaceChildren(
        h('p', { class: 'error' }, `加载失败 (failed): ${(error as Error).message}`),
      );
    } finally {
      if (!signal.aborted) panel.removeAttribute('aria-busy');
    }
  };

  clear();
  return { show, clear };
}

function render(node: EntityDetails): Node[] {
  const kind = nodeKindOf(node.__typename);
  const header = h(
    'header',
    { class: 'details-head' },
    h(
      'span',
      { class: 'type-badge', style: kind ? `background:${kind.color}` : undefined },
      kind ? `${kind.label} (${kind.english})` : node.__typename,
    ),
    h('h2', { class: 'details-name' }, node.name),
    node.latinName && h('p', { class: 'details-latin' }, node.latinName),
  );
  return [header, h('dl', { class: 'facts' }, facts(node))];
}

function fact(term: string, value: Node | string | null | undefined): Node[] {
  if (value === null || value === undefined || value === '') return [];
  return [h('dt', {}, term), h('dd', {}, value)];
}

function facts(node: EntityDetails): Node[] {
  switch (node.__typename) {
    case 'Person':
      return [
        ...fact('职称 (title)', node.title),
        ...fact(
          '类别 (categories)',
          node.categories.length
            ? h(
                'span',
                { class: 'chips' },
                node.categories.map((c) => h('span', { class: 'chip' }, label(categoryLabels, c))),
              )
            : null,
        ),
        ...fact('籍贯 (hometown)', node.hometown?.name),
        ...fact('现居 (lives in)', node.location?.name),
        ...fact(
          '任职 (positions)',
          node.positions.length
            ? h(
                'ul',
                { class: 'positions' },
                node.positions.map((p) =>
                  h(
                    'li',
                    { class: p.current ? 'current' : undefined },
                    h('span', { class: 'org' }, p.other.name),
                    p.title && h('span', { class: 'muted' }, ` · ${p.title}`),
                    p.current && h('span', { class: 'chip small' }, '现任'),
                  ),
                ),
              )
            : null,
        ),
      ];
    case 'Organization':
      return [
        ...fact('类型 (type)', label(organizationTypeLabels, node.type)),
        ...fact('所在地 (place)', node.place?.name),
      ];
    case 'Place':
      return fact('级别 (kind)', label(placeKindLabels, node.placeKind));
    case 'Field':
      return fact('上级领域 (parent)', node.parent?.name);
    case 'Project':
      return [
        ...fact('类型 (kind)', label(projectKindLabels, node.projectKind)),
        ...fact('状态 (status)', label(projectStatusLabels, node.status)),
      ];
  }
}
