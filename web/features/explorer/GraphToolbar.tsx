import { t } from '../../app/i18n.ts';
import { exportCsv, exportPng, exportSvg } from '../../graph/export.ts';
import type { GraphView, LayoutName } from '../../graph/graph-view.ts';
import { fanOutLimit, type GroupBy, groupings } from '../../graph/groups.ts';
import { InlineSelect } from '../../ui/InlineSelect.tsx';

/** The layouts the toolbar offers, in this order. */
const layouts = ['fcose', 'concentric', 'breadthfirst'] as const satisfies readonly LayoutName[];

/** The toolbar over the explorer's graph: layout, grouping, fit, compare, export and save. */
export function GraphToolbar({
  graph,
  hasGraph,
  layout,
  onLayout,
  groupBy,
  onGroupBy,
  compared,
  onCommon,
  hiddenCount,
  onShowHidden,
  onSave,
}: {
  /** The graph (read when a button is pressed: it is mounted after the first render). */
  graph: () => GraphView;
  hasGraph: boolean;
  layout: LayoutName;
  onLayout: (layout: LayoutName) => void;
  groupBy: GroupBy;
  onGroupBy: (groupBy: GroupBy) => void;
  /** The names of the nodes picked to compare (common connections need two). */
  compared: string[];
  onCommon: () => void;
  /** Nodes hidden by hand. */
  hiddenCount: number;
  onShowHidden: () => void;
  onSave: () => void;
}) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('graph.label')}>
      <InlineSelect
        id="layout"
        label={t('layout.label')}
        value={layout}
        options={layouts}
        words={(l) => t(`layout.${l}`)}
        onValue={onLayout}
      />
      <InlineSelect
        id="group-by"
        label={t('groups.label')}
        title={t('groups.hint', { n: fanOutLimit })}
        value={groupBy}
        options={groupings}
        words={(g) => t(`groups.${g}`)}
        onValue={onGroupBy}
      />
      <button
        type="button"
        class="button"
        onClick={() =>
          graph().cy.animate({ fit: { eles: graph().cy.elements(':visible'), padding: 40 } })
        }
      >
        {t('toolbar.fit')}
      </button>
      <button
        type="button"
        class="button"
        id="common-button"
        disabled={compared.length !== 2}
        title={t('toolbar.commonHint')}
        onClick={onCommon}
      >
        {t('toolbar.common')}
        {compared.length === 2 ? ` (${compared.join(' · ')})` : ''}
      </button>
      {hiddenCount > 0 && (
        <button type="button" class="button" onClick={onShowHidden}>
          {t('toolbar.showHidden', { n: hiddenCount })}
        </button>
      )}
      <span class="spacer" />
      {(
        [
          ['export-png', 'export.png', exportPng],
          ['export-svg', 'export.svg', exportSvg],
          ['export-csv', 'export.csv', exportCsv],
        ] as const
      ).map(([id, words, save]) => (
        <button
          type="button"
          key={id}
          class="button"
          id={id}
          disabled={!hasGraph}
          onClick={() => save(graph().cy)}
        >
          {t(words)}
        </button>
      ))}
      <button
        type="button"
        class="button primary"
        id="save-view"
        disabled={!hasGraph}
        onClick={onSave}
      >
        {t('views.save')}
      </button>
    </div>
  );
}
