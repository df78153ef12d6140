import type { ElementDefinition } from 'cytoscape';

/**
 * Saved views: a graph's elements with positions, a title and notes. Kept in this browser's
 * localStorage for now (no server API for views yet); the UI says so.
 */
export interface SavedView {
  id: string;
  title: string;
  notes: string;
  savedAt: string;
  elements: ElementDefinition[];
}

const key = 'talentgraph.views';

export function listViews(storage: Storage = localStorage): SavedView[] {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as SavedView[]) : [];
  } catch {
    return [];
  }
}

export function saveView(
  view: Omit<SavedView, 'id' | 'savedAt'>,
  storage: Storage = localStorage,
): SavedView {
  const saved: SavedView = {
    ...view,
    id: `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    savedAt: new Date().toISOString(),
  };
  storage.setItem(key, JSON.stringify([saved, ...listViews(storage)]));
  return saved;
}

export function deleteView(id: string, storage: Storage = localStorage): void {
  storage.setItem(key, JSON.stringify(listViews(storage).filter((v) => v.id !== id)));
}

export function getView(id: string, storage: Storage = localStorage): SavedView | undefined {
  return listViews(storage).find((v) => v.id === id);
}
