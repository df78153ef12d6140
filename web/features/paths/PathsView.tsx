import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { displayName, fmtNumber, lang, t } from '../../app/i18n.ts';
import { route } from '../../app/router.ts';
import { canOutreach } from '../../app/session.ts';
import { createGraphView, type GraphView } from '../../graph/graph-view.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { pathElements } from './path-elements.ts';
import {
  type IntroductionPath,
  introductionPathsQuery,
  type PathPerson,
  staffOfQuery,
} from './queries.ts';
import { StartIntroduction } from './StartIntroduction.tsx';
import { describePath, rankReason } from './score-words.ts';

interface Side {
  key: string;
  label: string;
  ids: string[];
}

/** The path finder: a target person, our side (people or an organisation's people), the top paths. */
export function PathsView() {
  const params = route.value.params;
  const to = params.get('to');
  const from = params.get('from');
  const [target, setTarget] = useState<{ id: string; name: string } | null>(
    to ? { id: to, name: params.get('toName') ?? to } : null,
  );
  const [sides, setSides] = useState<Side[]>(
    from ? [{ key: from, label: params.get('fromName') ?? from, ids: [from] }] : [],
  );
  const [paths, setPaths] = useState<IntroductionPath[] | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const [chosen, setChosen] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<GraphView | null>(null);

  useEffect(() => {
    if (!container.current) return;
    graph.current = createGraphView(container.current, { expose: '__pathCy' });
    return () => graph.current?.destroy();
  }, []);

  const addSide = async (entity: EntitySummary) => {
    if (entity.__typename === 'Organization') {
      const { people } = await request(staffOfQuery, { organization: entity.id, first: 100 });
      setSides((prev) => [
        ...prev.filter((s) => s.key !== entity.id),
        {
          key: entity.id,
          label: t('paths.orgPeople', { name: entity.name, n: people.totalCount }),
          ids: people.edges.map((e) => e.node.id),
        },
      ]);
    } else {
      setSides((prev) => [
        ...prev.filter((s) => s.key !== entity.id),
        { key: entity.id, label: entity.name, ids: [entity.id] },
      ]);
    }
  };

  const find = async () => {
    const from = [...new Set(sides.flatMap((s) => s.ids))].filter((id) => id !== target?.id);
    if (!target || !from.length) return;
    setState('loading');
    try {
      const { introductionPaths } = await request(introductionPathsQuery, {
        from,
        to: target.id,
        first: 5,
        lang: lang.value === 'zh' ? 'ZH' : 'EN',
      });
      setPaths(introductionPaths.paths);
      setReason(introductionPaths.reason);
      setChosen(0);
      setState('done');
      await graph.current?.show(
        pathElements(introductionPaths.paths, target.id),
        target.id,
        'dagre',
      );
      highlight(0);
    } catch (e) {
      setError((e as Error).message);
      setState('error');
    }
  };

  const highlight = (index: number) => {
    setChosen(index);
    const cy = graph.current?.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.on-path').removeClass('on-path');
      cy.edges()
        .filter((e) => (e.data('paths') as number[]).includes(index))
        .addClass('on-path')
        .connectedNodes()
        .addClass('on-path');
    });
  };

  // Explanations come in the chosen language: ask again when it changes.
  useEffect(() => {
    if (state === 'done') void find();
  }, [lang.value]);

  return (
    <main class="layout paths" id="paths">
      <aside class="sidebar">
        <h2>{t('paths.title')}</h2>
        <SearchBox
          id="path-target"
          label={t('paths.target')}
          types={['Person']}
          clearOnChoose
          onChoose={(e) => setTarget({ id: e.id, name: e.name })}
        />
        {target && (
          <p class="chips">
            <span class="chip target" data-id={target.id}>
              {target.name}
            </span>
          </p>
        )}
        <SearchBox
          id="path-from"
          label={`${t('paths.ourSide')} · ${t('paths.ourSideHint')}`}
          types={['Person', 'Organization']}
          clearOnChoose
          onChoose={(e) => void addSide(e)}
        />
        <ul class="chips side-list">
          {sides.map((s) => (
            <li class="chip" key={s.key} data-id={s.key}>
              {s.label}{' '}
              <button
                type="button"
                class="link"
                aria-label={t('paths.remove', { name: s.label })}
                onClick={() => setSides(sides.filter((x) => x.key !== s.key))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          id="find-paths"
          class="button primary"
          disabled={!target || !sides.length || state === 'loading'}
          onClick={() => void find()}
        >
          {state === 'loading' ? t('paths.searching') : t('paths.find')}
        </button>
        {!target && <p class="muted small">{t('paths.pickTarget')}</p>}
        {state === 'error' && <p class="error">{error}</p>}
        {state === 'done' && paths?.length === 0 && (
          <p class="muted" id="no-paths">
            {t('paths.none')}
            {/* The API's one reason (English): out of reach within the hops and ties allowed. */}
            {reason ? t('paths.unreachable') : ''}
          </p>
        )}
        {paths && paths.length > 0 && (
          <ol class="path-list" id="path-list" data-state={state}>
            {paths.map((path, i) => (
              <li key={i} class={i === chosen ? 'chosen' : undefined}>
                <button
                  type="button"
                  class="link path-head"
                  aria-pressed={i === chosen}
                  onClick={() => highlight(i)}
                >
                  {t('paths.score', {
                    score: fmtNumber(path.score.score, { maximumFractionDigits: 3 }),
                    hops: path.score.hops,
                  })}
                </button>
                <StartPerson person={path.people[0]} consultant={isConsultant(path, 0)} />
                <p class="path-words small">{describePath(path)}</p>
                {paths.length > 1 && <p class="path-rank small">{rankReason(paths, i)}</p>}
                <ol class="hops">
                  {path.hops.map((hop, j) => (
                    <li key={j} class="hop">
                      <span class="hop-people">
                        {hop.from.name} → {hop.to.name}
                      </span>
                      <span class="hop-explanation">{hop.explanation}</span>
                      <span class="hop-source muted small">
                        {hop.provenance.unsourced
                          ? t('details.unsourced')
                          : `${t('details.source')}: ${hop.provenance.source?.title ?? hop.provenance.source?.kind ?? ''}`}
                        {hop.derived ? ` · ${lang.value === 'zh' ? '推断' : 'derived'}` : ''}
                      </span>
                    </li>
                  ))}
                </ol>
                {canOutreach.value && <StartButton path={path} index={i} />}
              </li>
            ))}
          </ol>
        )}
      </aside>
      <section class="graph-wrap wide" aria-label={t('paths.title')}>
        <div id="path-graph" class="graph" ref={container} />
      </section>
    </main>
  );
}

const isConsultant = (path: IntroductionPath, index: number) =>
  path.consultants.some((c) => c.id === path.people[index]?.id);

/** Who the path starts from: name, title, organisation; marked when one of our consultants. */
function StartPerson({ person, consultant }: { person?: PathPerson; consultant: boolean }) {
  if (!person) return null;
  const positions = 'positions' in person ? person.positions : [];
  const job = positions.find((p) => p.current) ?? positions[0];
  const title = ('title' in person ? person.title : null) ?? job?.title ?? null;
  const details = [title, job?.other ? displayName(job.other) : null].filter(Boolean);
  return (
    <p class="path-start-person small" data-id={person.id}>
      {t('paths.startsFrom', { name: displayName(person) })}
      {details.length > 0 && ` · ${details.join(t('paths.sep'))}`}
      {consultant && <span class="badge">{t('paths.ourConsultant')}</span>}
    </p>
  );
}

/** 发起引荐: opens the form that starts an introduction from this path. */
function StartButton({ path, index }: { path: IntroductionPath; index: number }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <StartIntroduction path={path} index={index} />
  ) : (
    <button type="button" class="button small start-open" onClick={() => setOpen(true)}>
      {t('paths.start')}
    </button>
  );
}
