import { useState } from 'preact/hooks';
import { introductionStages } from '../../../schema/outreach/stages.ts';
import { request } from '../../app/api.ts';
import { enumText, t } from '../../app/i18n.ts';
import { useLoad } from '../outreach/use-load.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { type BoardFilters, noFilters } from './board-filters.ts';
import { type IntroductionStage, introductionOwnersQuery } from './queries.ts';

/** The board's search and filters: words, owner, stage, the talent's field and city. */
export function BoardFilterBar({
  filters,
  onChange,
}: {
  filters: BoardFilters;
  onChange: (next: BoardFilters) => void;
}) {
  const [owners] = useLoad(
    (signal) => request(introductionOwnersQuery, {}, signal).then((d) => d.introductionOwners),
    [],
  );
  const [words, setWords] = useState(filters.search);
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch });
  const chosen = (key: 'field' | 'place') => {
    const value = filters[key];
    return (
      value && (
        <span class="chip" id={`board-${key}-chosen`} data-id={value.id}>
          {value.name}{' '}
          <button
            type="button"
            class="link"
            aria-label={t('pipeline.removeFilter', { name: value.name })}
            onClick={() => set({ [key]: null })}
          >
            ×
          </button>
        </span>
      )
    );
  };
  return (
    <form
      class="board-filters"
      id="board-filters"
      onSubmit={(e) => {
        e.preventDefault();
        set({ search: words });
      }}
    >
      <div class="board-filter">
        <label class="field-label" for="board-search">
          {t('pipeline.search')}
        </label>
        <span class="inline">
          <input
            id="board-search"
            type="search"
            maxLength={100}
            placeholder={t('pipeline.searchHint')}
            value={words}
            onInput={(e) => setWords((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button small">
            {t('pipeline.searchDo')}
          </button>
        </span>
      </div>
      <div class="board-filter">
        <label class="field-label" for="board-owner">
          {t('pipeline.owner')}
        </label>
        <select
          id="board-owner"
          value={filters.owner}
          onChange={(e) => set({ owner: (e.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">{t('pipeline.anyOwner')}</option>
          {owners.state === 'shown' &&
            owners.data.map((o) => (
              <option key={o.id} value={o.id}>
                {t('pipeline.ownerOption', { name: o.name ?? o.id, n: o.introductions })}
              </option>
            ))}
        </select>
      </div>
      <div class="board-filter">
        <label class="field-label" for="board-stage">
          {t('field.stage')}
        </label>
        <select
          id="board-stage"
          value={filters.stage}
          onChange={(e) =>
            set({ stage: (e.currentTarget as HTMLSelectElement).value as IntroductionStage | '' })
          }
        >
          <option value="">{t('pipeline.anyStage')}</option>
          {introductionStages.map((s) => (
            <option key={s} value={s}>
              {enumText('stage', s)}
            </option>
          ))}
        </select>
      </div>
      <div class="board-filter">
        <SearchBox
          id="board-field"
          label={t('pipeline.field')}
          types={['Field']}
          first={8}
          clearOnChoose
          onChoose={(e) => set({ field: { id: e.id, name: e.name } })}
        />
        {chosen('field')}
      </div>
      <div class="board-filter">
        <SearchBox
          id="board-place"
          label={t('pipeline.city')}
          types={['Place']}
          first={8}
          clearOnChoose
          onChoose={(e) => set({ place: { id: e.id, name: e.name } })}
        />
        {chosen('place')}
      </div>
      <button
        type="button"
        class="link small"
        id="board-clear"
        onClick={() => {
          setWords('');
          onChange(noFilters);
        }}
      >
        {t('pipeline.clearFilters')}
      </button>
    </form>
  );
}
