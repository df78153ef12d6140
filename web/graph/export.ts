import type { Core } from 'cytoscape';
import { toCsv } from '../../schema/shared/csv.ts';

/** Visible nodes as CSV rows (id, name, latin name, type), written as every CSV of ours is. */
export function nodesCsv(
  rows: { id: string; label: string; latinName: string | null; type: string }[],
): string {
  return toCsv(
    ['id', 'name', 'latinName', 'type'],
    rows.map((row) => [row.id, row.label, row.latinName ?? '', row.type]),
  );
}

function visibleNodeRows(cy: Core) {
  return cy
    .nodes()
    .filter((n) => n.visible())
    .map((n) => ({
      id: n.id(),
      label: n.data('label') as string,
      latinName: (n.data('latinName') as string | null) ?? null,
      type: n.data('type') as string,
    }));
}

export function download(content: Blob | string, filename: string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

export function exportPng(cy: Core): void {
  const blob = cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2, maxWidth: 8000 });
  download(blob, `talentgraph-${stamp()}.png`);
}

export function exportSvg(cy: Core): void {
  const svg = (cy as Core & { svg(o: object): string }).svg({ full: true, bg: '#ffffff' });
  download(svg, `talentgraph-${stamp()}.svg`, 'image/svg+xml');
}

export function exportCsv(cy: Core): void {
  download(nodesCsv(visibleNodeRows(cy)), `talentgraph-${stamp()}.csv`, 'text/csv;charset=utf-8');
}
