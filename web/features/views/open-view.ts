import { request } from '../../app/api.ts';
import { type Annotation, savedViewQuery } from './queries.ts';
import { fromSavedGraph, type RestoredFanOut, type SavedGraph } from './saved-views.ts';

export interface OpenedView {
  title: string;
  mine: boolean;
  annotations: Annotation[];
  graph: SavedGraph;
  elements: ReturnType<typeof fromSavedGraph>['elements'];
  /** Big fan-outs the view held in group nodes: the explorer groups them again. */
  fanOuts: RestoredFanOut[];
  /** Ids of entities the view had that no longer exist. */
  dropped: string[];
}

/** Fetches a saved view with its entities as they are now (the explorer draws the result). */
export async function openSavedView(id: string): Promise<OpenedView> {
  const { savedView } = await request(savedViewQuery, { id });
  if (!savedView) throw new Error(id);
  const graph = JSON.parse(savedView.graph) as SavedGraph;
  const { elements, fanOuts, dropped } = fromSavedGraph(graph, savedView.entities);
  const gone = new Set(dropped);
  return {
    title: savedView.title,
    mine: savedView.mine,
    annotations: savedView.annotations.map((a) => ({
      ...a,
      nodeIds: a.nodeIds.filter((n) => !gone.has(n)),
    })),
    graph,
    elements,
    fanOuts,
    dropped,
  };
}
