import './styles.css';
import { createClient } from './api/graphql-client.ts';
import { type EntitySummary, type Neighborhood, neighborhoodQuery } from './api/operations.ts';
import { mountDetailsPanel } from './features/details/details-panel.ts';
import { mountSearchBox } from './features/search/search-box.ts';
import { ensureSignedIn } from './features/sign-in/sign-in.ts';
import { createGraphView } from './graph/graph-view.ts';
import { renderLegend } from './graph/legend.ts';
import { toElements } from './graph/to-elements.ts';
import { byId } from './ui/dom.ts';

const request = createClient();
const notice = byId('notice');
const status = byId('status');
const details = mountDetailsPanel(byId('details'), request);

function setStatus(text: string) {
  status.textContent = text;
}

function showTruncation(hood: Neighborhood) {
  if (!hood.truncated) {
    notice.hidden = true;
    return;
  }
  notice.textContent = `已截断：省略 ${hood.omittedNodes} 个 (omitted ${hood.omittedNodes})`;
  notice.title = hood.omittedByKind.map((k) => `${k.kind}: ${k.count}`).join('\n');
  notice.hidden = false;
}

const graph = createGraphView(byId('graph'), {
  onNodeTap: (id) => void details.show(id),
  onNodeDoubleTap: (id) => void expand(id),
  onBackgroundTap: () => details.clear(),
});

async function open(entity: EntitySummary) {
  setStatus(`加载 ${entity.name} 的关系… (loading)`);
  byId('empty-graph').hidden = true;
  try {
    const { neighborhood } = await request(neighborhoodQuery, {
      ids: [entity.id],
      depth: 1,
      limit: 150,
    });
    showTruncation(neighborhood);
    await graph.show(toElements(neighborhood, { focusId: entity.id }), entity.id);
    setStatus(
      `${entity.name}：${neighborhood.nodes.length} 个节点，${neighborhood.edges.length} 条关系 · 双击节点展开 (double-click to expand)`,
    );
    void details.show(entity.id);
  } catch (error) {
    setStatus(`加载失败 (failed): ${(error as Error).message}`);
  }
}

let expanding = false;
async function expand(id: string) {
  if (expanding) return;
  expanding = true;
  const name = graph.cy.getElementById(id).data('label') as string;
  setStatus(`展开 ${name}… (expanding)`);
  try {
    const { neighborhood } = await request(neighborhoodQuery, { ids: [id], depth: 1, limit: 100 });
    showTruncation(neighborhood);
    const added = await graph.merge(toElements(neighborhood, { existing: graph.ids() }), id);
    setStatus(
      added
        ? `${name}：新增 ${added} 个节点 (added ${added}) · 共 ${graph.cy.nodes().length} 个`
        : `${name}：没有新的节点 (nothing new)`,
    );
  } catch (error) {
    setStatus(`展开失败 (failed): ${(error as Error).message}`);
  } finally {
    expanding = false;
  }
}

void ensureSignedIn(byId('sign-in'), request).then((account) => {
  byId('account').textContent = `${account.name} · ${account.role}`;

  mountSearchBox({
    input: byId<HTMLInputElement>('search'),
    results: byId('results'),
    request,
    onChoose: (entity) => void open(entity),
  });
  renderLegend(byId('legend'));
  byId<HTMLInputElement>('search').focus();
});
