import type { Request } from '../../api/graphql-client.ts';
import { type EntitySummary, type SearchHit, searchQuery } from '../../api/operations.ts';
import { nodeKinds } from '../../graph/stylesheet.ts';
import { debounce, h } from '../../ui/dom.ts';
import { matchLabel } from './labels.ts';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  results: HTMLElement;
  request: Request;
  onChoose: (entity: EntitySummary) => void;
  delayMs?: number;
}

/**
 * The search box: typing asks `search(text, first: 10)` after a pause and lists the hits grouped by
 * type, each with why it matched. Click, or arrow keys and Enter, choose one.
 */
export function mountSearchBox({
  input,
  results,
  request,
  onChoose,
  delayMs = 200,
}: SearchBoxOptions) {
  let controller: AbortController | undefined;
  let hits: SearchHit[] = [];
  let active = -1;

  const setStatus = (text: string) => {
    results.replaceChildren(h('p', { class: 'muted' }, text));
    results.dataset.state = 'status';
  };

  const choose = (hit: SearchHit) => {
    results.querySelectorAll('.hit').forEach((el) => {
      el.classList.toggle('chosen', (el as HTMLElement).dataset.id === hit.entity.id);
    });
    onChoose(hit.entity);
  };

  const highlight = (index: number) => {
    const items = [...results.querySelectorAll<HTMLElement>('.hit')];
    active = Math.max(-1, Math.min(index, items.length - 1));
    items.forEach((el, i) => {
      el.classList.toggle('active', i === active);
      el.setAttribute('aria-selected', String(i === active));
    });
    items[active]?.scrollIntoView({ block: 'nearest' });
  };

  const render = () => {
    active = -1;
    if (!hits.length) return setStatus('没有找到 (no match)');
    // Grouped by type in the legend's order; the server's order (best first) within a group.
    const ordered: SearchHit[] = [];
    const groups = nodeKinds
      .map((kind) => {
        const ofKind = hits.filter((hit) => hit.entity.__typename === kind.type);
        ordered.push(...ofKind);
        if (!ofKind.length) return null;
        return h(
          'section',
          { class: 'hit-group' },
          h(
            'h3',
            {},
            h('span', { class: 'swatch', style: `background:${kind.color}` }),
            `${kind.label} (${kind.english}) · ${ofKind.length}`,
          ),
          h(
            'ul',
            { role: 'listbox' },
            ofKind.map((hit) => {
              const li = h(
                'li',
                {
                  class: 'hit',
                  role: 'option',
                  tabindex: -1,
                  'data-id': hit.entity.id,
                  'data-type': hit.entity.__typename,
                },
                h('span', { class: 'hit-name' }, hit.entity.name),
                hit.entity.latinName && h('span', { class: 'hit-latin' }, hit.entity.latinName),
                h('span', { class: 'hit-why' }, hit.matchedBy.map(matchLabel).join(' · ')),
              );
              li.addEventListener('click', () => choose(hit));
              return li;
            }),
          ),
        );
      })
      .filter((group) => group !== null);
    hits = ordered;
    results.replaceChildren(...groups);
    results.dataset.state = 'hits';
  };

  const run = debounce(async (text: string) => {
    controller?.abort();
    if (!text) {
      hits = [];
      results.replaceChildren();
      results.dataset.state = 'empty';
      return;
    }
    controller = new AbortController();
    const { signal } = controller;
    results.dataset.state = 'loading';
    try {
      const data = await request(searchQuery, { text, first: 10 }, signal);
      if (signal.aborted) return;
      hits = data.search;
      render();
    } catch (error) {
      if (signal.aborted) return;
      setStatus(`搜索失败 (search failed): ${(error as Error).message}`);
    }
  }, delayMs);

  input.addEventListener('input', () => run(input.value.trim()));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') highlight(active + 1);
    else if (event.key === 'ArrowUp') highlight(active - 1);
    else if (event.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (hit) choose(hit);
    } else if (event.key === 'Escape') {
      input.value = '';
      run('');
      return;
    } else return;
    event.preventDefault();
  });
}
