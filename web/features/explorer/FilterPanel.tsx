import { t } from '../../app/i18n.ts';
import { type GraphFilters, noFilters } from '../../graph/filters.ts';
import { edgeKinds, nodeKinds } from '../../graph/stylesheet.ts';
import { categoryLabels, label, nodeKindText, tieKindText } from '../details/labels.ts';

interface Option {
  value: string;
  text: string;
  /** The colour the legend gives it. */
  color?: string;
}

/** Checkboxes that show what is ticked; `hidden` holds the values not ticked. */
function ShownChecks({
  legend,
  name,
  options,
  hidden,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly Option[];
  hidden: readonly string[];
  onChange: (hidden: string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} class="check">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={!hidden.includes(o.value)}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              onChange(on ? hidden.filter((x) => x !== o.value) : [...hidden, o.value]);
            }}
          />
          {o.color && <span class="swatch" style={{ background: o.color }} />}
          {o.text}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The explorer's filters: types and ties shown (in the browser), people's category (asked of the
 * server on the next load), and "near" a Field or Place drawn in the graph.
 */
export function FilterPanel({
  filters,
  onFilters,
  category,
  onCategory,
  drawn,
}: {
  filters: GraphFilters;
  onFilters: (filters: GraphFilters) => void;
  category: string;
  onCategory: (category: string) => void;
  /** The nodes of a type the graph draws now. */
  drawn: (type: string) => { id: string; name: string }[];
}) {
  return (
    <details class="filters" open>
      <summary>{t('filters.title')}</summary>
      <ShownChecks
        legend={t('filters.types')}
        name="type"
        options={nodeKinds.map((k) => ({
          value: k.type,
          text: nodeKindText(k.type),
          color: k.color,
        }))}
        hidden={filters.hiddenTypes}
        onChange={(hiddenTypes) => onFilters({ ...filters, hiddenTypes })}
      />
      <ShownChecks
        legend={t('filters.ties')}
        name="tie"
        options={edgeKinds.map((k) => ({ value: k.kind, text: tieKindText(k.kind) }))}
        hidden={filters.hiddenTieKinds}
        onChange={(hiddenTieKinds) => onFilters({ ...filters, hiddenTieKinds })}
      />
      <label class="field-label" for="filter-category">
        {t('filters.category')}
      </label>
      <select
        id="filter-category"
        value={category}
        onChange={(e) => onCategory((e.target as HTMLSelectElement).value)}
      >
        <option value="">{t('filters.any')}</option>
        {Object.keys(categoryLabels).map((c) => (
          <option key={c} value={c}>
            {label(categoryLabels, c)}
          </option>
        ))}
      </select>
      {(['Field', 'Place'] as const).map((type) => (
        <div key={type}>
          <label class="field-label" for={`filter-${type}`}>
            {t(type === 'Field' ? 'filters.field' : 'filters.place')}
          </label>
          <select
            id={`filter-${type}`}
            value={
              filters.near && drawn(type).some((n) => n.id === filters.near) ? filters.near : ''
            }
            onChange={(e) =>
              onFilters({ ...filters, near: (e.target as HTMLSelectElement).value || null })
            }
          >
            <option value="">{t('filters.any')}</option>
            {drawn(type).map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button
        type="button"
        class="button small"
        onClick={() => {
          onFilters(noFilters);
          onCategory('');
        }}
      >
        {t('filters.reset')}
      </button>
    </details>
  );
}
