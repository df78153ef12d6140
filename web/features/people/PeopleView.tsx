import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EntityType } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { type EnumKind, enumText, fmtDate, fmtNumber, type MessageKey, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { debounce } from '../../ui/dom.ts';
import { Problem } from '../outreach/Problem.tsx';
import { attempt } from '../outreach/result.ts';
import { TextField } from '../outreach/TextField.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import {
  addCondition,
  type Condition,
  type ConditionKey,
  emptyFilter,
  type FilterState,
  facetKeys,
  removeCondition,
  toFilter,
} from './people-filter.ts';
import {
  createSegmentMutation,
  type FacetCount,
  type OutreachPersonRow,
  outreachPeopleQuery,
  type PeopleFacets,
  peopleFacetsQuery,
} from './queries.ts';

const pageSize = 50;

/** Conditions chosen through the entity search: which key, which entity type, which label. */
const entityConditions: { key: ConditionKey; type: EntityType; label: MessageKey }[] = [
  { key: 'fields', type: 'Field', label: 'people.field' },
  { key: 'livesIn', type: 'Place', label: 'people.place' },
  { key: 'employers', type: 'Organization', label: 'people.employer' },
  { key: 'almaMater', type: 'Organization', label: 'people.almaMater' },
  { key: 'hometown', type: 'Place', label: 'people.hometown' },
];

const keyLabels: Record<ConditionKey, MessageKey> = {
  categories: 'people.category',
  levels: 'people.level',
  fields: 'people.field',
  livesIn: 'people.place',
  employers: 'people.employer',
  almaMater: 'people.almaMater',
  hometown: 'people.hometown',
};

interface Page {
  total: number;
  rows: OutreachPersonRow[];
  after: string | null;
  hasNext: boolean;
}

/** People with filters and facet counts, keyset paging, claims on rows, and "save as segment". */
export function PeopleView() {
  const [filter, setFilter] = useState<FilterState>(emptyFilter);
  const [text, setText] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [facets, setFacets] = useState<PeopleFacets | null>(null);
  const [error, setError] = useState('');
  const [entityKey, setEntityKey] = useState<ConditionKey>('fields');
  const apiFilter = useMemo(() => toFilter(filter), [filter]);
  const filterKey = JSON.stringify(apiFilter);

  const setTextLater = useMemo(
    () => debounce((value: string) => setFilter((f) => ({ ...f, text: value })), 250),
    [],
  );
  useEffect(() => () => setTextLater.cancel(), [setTextLater]);

  useEffect(() => {
    const controller = new AbortController();
    setError('');
    setPage(null);
    Promise.all([
      request(outreachPeopleQuery, { filter: apiFilter, first: pageSize }, controller.signal),
      request(peopleFacetsQuery, { filter: apiFilter }, controller.signal),
    ]).then(
      ([{ people }, { peopleFacets }]) => {
        setPage({
          total: people.totalCount,
          rows: people.edges.map((e) => e.node),
          after: people.pageInfo.endCursor,
          hasNext: people.pageInfo.hasNextPage,
        });
        setFacets(peopleFacets);
      },
      (e: Error) => {
        if (!controller.signal.aborted) setError(e.message);
      },
    );
    return () => controller.abort();
  }, [filterKey]);

  async function more() {
    if (!page?.after) return;
    try {
      const { people } = await request(outreachPeopleQuery, {
        filter: apiFilter,
        first: pageSize,
        after: page.after,
      });
      setPage({
        total: people.totalCount,
        rows: [...page.rows, ...people.edges.map((e) => e.node)],
        after: people.pageInfo.endCursor,
        hasNext: people.pageInfo.hasNextPage,
      });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const add = (condition: Condition) => setFilter((f) => addCondition(f, condition));
  const chosen = entityConditions.find((c) => c.key === entityKey) ?? entityConditions[0];

  return (
    <main class="outreach-layout" id="people">
      <aside class="sidebar outreach-side" aria-label={t('filters.title')}>
        <h2>{t('people.title')}</h2>
        <label class="field-label" for="people-text">
          {t('people.text')}
        </label>
        <input
          id="people-text"
          class="input"
          type="search"
          value={text}
          autocomplete="off"
          onInput={(e) => {
            const value = (e.target as HTMLInputElement).value;
            setText(value);
            setTextLater(value);
          }}
        />
        <EnumSelect
          id="people-category"
          title={t('people.category')}
          items={facets?.categories ?? []}
          kind="category"
          onPick={(value) => add({ key: 'categories', value, label: enumText('category', value) })}
        />
        <EnumSelect
          id="people-level"
          title={t('people.level')}
          items={facets?.levels ?? []}
          kind="level"
          onPick={(value) => add({ key: 'levels', value, label: enumText('level', value) })}
        />
        <label class="field-label" for="people-entity-kind">
          {t('people.conditionKind')}
        </label>
        <select
          id="people-entity-kind"
          value={entityKey}
          onChange={(e) => setEntityKey((e.target as HTMLSelectElement).value as ConditionKey)}
        >
          {entityConditions.map((c) => (
            <option key={c.key} value={c.key}>
              {t(c.label)}
            </option>
          ))}
        </select>
        {chosen && (
          <SearchBox
            key={chosen.key}
            id="people-entity"
            label={t(chosen.label)}
            types={[chosen.type]}
            clearOnChoose
            onChoose={(entity) => add({ key: chosen.key, value: entity.id, label: entity.name })}
          />
        )}
        <SaveSegment filter={apiFilter} total={page?.total ?? null} />
      </aside>

      <section class="outreach-main" aria-label={t('people.title')}>
        <section class="conditions" id="people-conditions" aria-label={t('people.conditions')}>
          {filter.text && <span class="chip">“{filter.text}”</span>}
          {filter.conditions.map((c) => (
            <span class="chip" key={`${c.key}:${c.value}`} data-key={c.key}>
              {t(keyLabels[c.key])}: {c.label}
              <button
                type="button"
                class="chip-remove"
                aria-label={t('people.remove', { name: c.label })}
                onClick={() => setFilter((f) => removeCondition(f, c))}
              >
                ×
              </button>
            </span>
          ))}
          {(filter.conditions.length > 0 || filter.text) && (
            <button
              type="button"
              class="link small"
              onClick={() => {
                setText('');
                setFilter(emptyFilter);
              }}
            >
              {t('people.clear')}
            </button>
          )}
        </section>
        <Problem text={error ? t('outreach.failed', { message: error }) : ''} />
        {!page && !error && <p class="muted">{t('outreach.loading')}</p>}
        {page && (
          <>
            <p id="people-total" data-total={page.total}>
              {t('people.total', { n: page.total })}
            </p>
            {page.rows.length === 0 && <p class="muted">{t('people.none')}</p>}
            <ul class="person-rows" id="people-rows">
              {page.rows.map((p) => (
                <PersonRowItem key={p.id} person={p} />
              ))}
            </ul>
            {page.hasNext && (
              <button type="button" class="button" id="people-more" onClick={() => void more()}>
                {t('outreach.more')}
              </button>
            )}
          </>
        )}
      </section>

      <aside class="details outreach-facets" aria-label={t('people.facets')}>
        <h3>{t('people.facets')}</h3>
        {facets &&
          (['categories', 'levels', 'cities', 'fields'] as const).map((name) => (
            <FacetList
              key={name}
              name={name}
              items={facets[name]}
              onPick={(f) =>
                add({
                  key: facetKeys[name],
                  value: f.value,
                  label:
                    name === 'categories'
                      ? enumText('category', f.value)
                      : name === 'levels'
                        ? enumText('level', f.value)
                        : f.label,
                })
              }
            />
          ))}
      </aside>
    </main>
  );
}

const facetTitles: Record<keyof PeopleFacets, MessageKey> = {
  categories: 'people.category',
  levels: 'people.level',
  cities: 'report.city',
  fields: 'people.field',
};

function FacetList({
  name,
  items,
  onPick,
}: {
  name: keyof PeopleFacets;
  items: FacetCount[];
  onPick: (f: FacetCount) => void;
}) {
  if (!items.length) return null;
  const kind: EnumKind | null =
    name === 'categories' ? 'category' : name === 'levels' ? 'level' : null;
  return (
    <div class="facet" data-facet={name}>
      <strong class="small">{t(facetTitles[name])}</strong>
      <ul class="facet-list">
        {items.slice(0, 10).map((f) => (
          <li key={f.value}>
            <button type="button" class="link" data-value={f.value} onClick={() => onPick(f)}>
              {kind ? enumText(kind, f.value) : f.label}
            </button>
            <span class="count">{fmtNumber(f.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A select of enum values with their facet counts; choosing one adds it as a condition. */
function EnumSelect({
  id,
  title,
  items,
  kind,
  onPick,
}: {
  id: string;
  title: string;
  items: FacetCount[];
  kind: EnumKind;
  onPick: (value: string) => void;
}) {
  return (
    <>
      <label class="field-label" for={id}>
        {title}
      </label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const value = (e.target as HTMLSelectElement).value;
          if (value) onPick(value);
        }}
      >
        <option value="">{t('filters.any')}</option>
        {items.map((f) => (
          <option key={f.value} value={f.value}>
            {enumText(kind, f.value)} ({fmtNumber(f.count)})
          </option>
        ))}
      </select>
    </>
  );
}

function PersonRowItem({ person }: { person: OutreachPersonRow }) {
  const claim = person.claims[0];
  return (
    <li data-id={person.id}>
      <div class="person-head">
        <a href={href('explore', { open: person.id })}>{person.name}</a>
        {person.latinName && <span class="muted small"> {person.latinName}</span>}
        {person.level && <span class="chip small">{enumText('level', person.level)}</span>}
        {person.categories.map((c) => (
          <span class="chip small" key={c}>
            {enumText('category', c)}
          </span>
        ))}
      </div>
      <div class="muted small">
        {[person.title, person.location?.name].filter(Boolean).join(' · ')}
      </div>
      {claim && (
        <div class="claim small" data-claim={claim.id}>
          {t('people.claimed', {
            who: claim.teamName ? `${claim.claimant}（${claim.teamName}）` : claim.claimant,
            since: fmtDate(claim.since),
          })}
        </div>
      )}
    </li>
  );
}

function SaveSegment({
  filter,
  total,
}: {
  filter: ReturnType<typeof toFilter>;
  total: number | null;
}) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    const segment = await attempt(
      async () => (await request(createSegmentMutation, { name, filter })).createSegment,
      setProblem,
    );
    if (!segment) return;
    setSaved({ id: segment.id, name: segment.name });
    status.value = t('people.segmentSaved', { name: segment.name, n: segment.memberCount });
    setName('');
  };
  return (
    <form class="save-segment" id="save-segment" onSubmit={(e) => void save(e)}>
      <h3>{t('people.saveSegment')}</h3>
      <TextField
        id="segment-name"
        label={t('people.segmentName')}
        value={name}
        required
        maxLength={200}
        onValue={setName}
      />
      <button type="submit" class="button primary" disabled={!name.trim() || total === 0}>
        {t('people.saveSegment')}
        {total !== null && ` (${t('outreach.people', { n: total })})`}
      </button>
      <Problem text={problem} />
      {saved && (
        <p class="small" id="segment-saved">
          <a href={href('segments', { segment: saved.id })}>
            {t('people.openSegment')}: {saved.name}
          </a>
        </p>
      )}
    </form>
  );
}
