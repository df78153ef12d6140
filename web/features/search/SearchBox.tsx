import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntitySummary, EntityType } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { lang, locale, t } from '../../app/i18n.ts';
import { nodeKinds } from '../../graph/stylesheet.ts';
import { debounce } from '../../ui/dom.ts';
import { nodeKindText } from '../details/labels.ts';
import { matchLabel } from './labels.ts';
import type { SearchHit } from './queries.ts';
import { searchQuery } from './queries.ts';

export interface SearchBoxProps {
  id: string;
  label: string;
  onChoose: (entity: EntitySummary) => void;
  types?: EntityType[];
  first?: number;
  autoFocus?: boolean;
  /** Clear the box after a choice (pickers), or leave the chosen text (explorer). */
  clearOnChoose?: boolean;
}

/**
 * A search box with instant results grouped by type (Chinese, pinyin, initials, English names), each
 * with why it matched. Arrow keys and Enter choose; Escape clears. A combobox for screen readers.
 */
export function SearchBox({
  id,
  label,
  onChoose,
  types,
  first = 10,
  autoFocus,
  clearOnChoose,
}: SearchBoxProps) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [state, setState] = useState<'empty' | 'loading' | 'hits' | 'status'>('empty');
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<string | null>(null);
  // The text the shown results answer (`data-query`): typing on may still be waiting for its own.
  const [answered, setAnswered] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | undefined>(undefined);
  const typesKey = types?.join(',') ?? '';

  const run = useMemo(
    () =>
      debounce(async (value: string) => {
        controller.current?.abort();
        if (!value) {
          setHits(null);
          setState('empty');
          return;
        }
        const ctl = new AbortController();
        controller.current = ctl;
        setState('loading');
        try {
          const data = await request(
            searchQuery,
            { text: value, first, types: typesKey ? (typesKey.split(',') as EntityType[]) : null },
            ctl.signal,
          );
          if (ctl.signal.aborted) return;
          setHits(data.search);
          setAnswered(value);
          setError(null);
          setActive(-1);
          setState(data.search.length ? 'hits' : 'status');
        } catch (e) {
          if (ctl.signal.aborted) return;
          setAnswered(value);
          setError((e as Error).message);
          setState('status');
        }
      }, 180),
    [first, typesKey],
  );

  useEffect(() => () => run.cancel(), [run]);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  // Grouped by type, the group of the best hit first (an exact name stays on top whatever its kind);
  // the server's order (best first) within a group.
  const rank = (type: string) => (hits ?? []).findIndex((h) => h.entity.__typename === type);
  const groups = nodeKinds
    .map((kind) => ({ kind, hits: (hits ?? []).filter((h) => h.entity.__typename === kind.type) }))
    .filter((g) => g.hits.length)
    .sort((a, b) => rank(a.kind.type) - rank(b.kind.type));
  const ordered = groups.flatMap((g) => g.hits);
  const listId = `${id}-results`;

  const choose = (hit: SearchHit) => {
    setChosen(hit.entity.id);
    onChoose(hit.entity);
    if (clearOnChoose) {
      setText('');
      setHits(null);
      setState('empty');
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive(Math.min(active + 1, ordered.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(active - 1, -1));
    else if (event.key === 'Enter') {
      const hit = ordered[active] ?? ordered[0];
      if (hit) choose(hit);
    } else if (event.key === 'Escape') {
      setText('');
      run('');
    } else return;
    event.preventDefault();
  };

  let index = -1;
  return (
    <div class="search">
      <label class="field-label" for={id}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        type="search"
        aria-controls={listId}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('search.placeholder')}
        value={text}
        onInput={(e) => {
          const value = (e.target as HTMLInputElement).value;
          setText(value);
          run(value.trim());
        }}
        onKeyDown={onKeyDown}
      />
      <section
        id={listId}
        class="results"
        data-state={state}
        data-query={answered}
        aria-label={label}
        aria-live="polite"
      >
        {state === 'status' && (
          <p class="muted search-empty">
            {error
              ? `${t('search.failed')}: ${error}`
              : t('search.noMatch', { text: answered, kinds: kindsText(types) })}
          </p>
        )}
        {state === 'hits' &&
          groups.map(({ kind, hits: ofKind }) => (
            <section class="hit-group" key={kind.type} aria-label={kind.label}>
              <h3>
                <span class="swatch" style={{ background: kind.color }} />
                {nodeKindText(kind.type)} · {ofKind.length}
              </h3>
              <ul>
                {ofKind.map((hit) => {
                  index += 1;
                  const i = index;
                  return (
                    <li key={hit.entity.id}>
                      <button
                        type="button"
                        id={`${listId}-${i}`}
                        class={`hit${i === active ? ' active' : ''}${chosen === hit.entity.id ? ' chosen' : ''}`}
                        aria-current={chosen === hit.entity.id ? 'true' : undefined}
                        data-id={hit.entity.id}
                        data-type={hit.entity.__typename}
                        onClick={() => choose(hit)}
                        onMouseEnter={() => setActive(i)}
                      >
                        <span class="hit-name">{hit.entity.name}</span>
                        {hit.entity.latinName && (
                          <span class="hit-latin">{hit.entity.latinName}</span>
                        )}
                        <span class="hit-why">{hit.matchedBy.map(matchLabel).join(' · ')}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
      </section>
    </div>
  );
}

/** The kinds searched, in words ("人物或机构"): what an empty result was looked for among. */
function kindsText(types: readonly EntityType[] | undefined): string {
  const names = nodeKinds
    .filter((k) => !types?.length || types.includes(k.type as EntityType))
    .map((k) => (lang.value === 'zh' ? k.label : k.english));
  return new Intl.ListFormat(locale.value, { type: 'disjunction' }).format(names);
}
