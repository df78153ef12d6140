import { useEffect, useState } from 'preact/hooks';
import type { EntitySummary, Provenance, Tie } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { enumText, fmtDate, t } from '../../app/i18n.ts';
import { problemText } from '../../app/problems.ts';
import { edgeKindOf, nodeKindOf } from '../../graph/stylesheet.ts';
import { PersonActions } from './actions/PersonActions.tsx';
import { nodeKindText, tieKindText } from './labels.ts';
import { detailsQuery, type EntityDetails, entityOf, type PersonDetails } from './queries.ts';
import { careerAxis } from './timeline.ts';

type State =
  | { state: 'empty' }
  | { state: 'loading'; id: string }
  | { state: 'shown'; id: string; node: EntityDetails | null }
  | { state: 'error'; id: string; message: string };

/** The panel beside the graph: what is known about the clicked node, and how we know it. */
export function DetailsPanel({
  id,
  onOpen,
}: {
  id: string | null;
  /** Show another entity (a tie's other end) in the graph. */
  onOpen?: (entity: EntitySummary) => void;
}) {
  const [view, setView] = useState<State>({ state: 'empty' });

  useEffect(() => {
    if (!id) {
      setView({ state: 'empty' });
      return;
    }
    const controller = new AbortController();
    setView({ state: 'loading', id });
    request(detailsQuery, { id }, controller.signal).then(
      ({ node }) => setView({ state: 'shown', id, node: entityOf(node) }),
      (error: Error) => {
        if (!controller.signal.aborted) setView({ state: 'error', id, message: error.message });
      },
    );
    return () => controller.abort();
  }, [id]);

  /** Reloads the shown entity in place (after an action changed it), keeping the panel's state. */
  const refresh = (shown: string) =>
    request(detailsQuery, { id: shown }).then(
      ({ node }) =>
        setView((v) =>
          v.state === 'shown' && v.id === shown
            ? { state: 'shown', id: shown, node: entityOf(node) }
            : v,
        ),
      () => undefined,
    );

  return (
    <aside
      id="details"
      class="details"
      aria-label={t('details.label')}
      data-state={view.state}
      data-id={'id' in view ? view.id : undefined}
      aria-busy={view.state === 'loading'}
    >
      {view.state === 'empty' && <p class="muted">{t('details.empty')}</p>}
      {view.state === 'error' && (
        <p class="error">
          {t('details.failed')}: {view.message}
        </p>
      )}
      {view.state === 'shown' &&
        (view.node ? (
          <Details node={view.node} onOpen={onOpen} onChanged={() => void refresh(view.id)} />
        ) : (
          <p class="muted">{t('details.gone')}</p>
        ))}
    </aside>
  );
}

function Details({
  node,
  onOpen,
  onChanged,
}: {
  node: EntityDetails;
  onOpen?: (e: EntitySummary) => void;
  onChanged: () => void;
}) {
  const kind = nodeKindOf(node.__typename);
  const inTimeline = node.__typename === 'Person' ? ['WORKED_AT', 'STUDIED_AT'] : [];
  return (
    <>
      <header class="details-head">
        <span class="type-badge" style={kind ? { background: kind.color } : undefined}>
          {nodeKindText(node.__typename)}
        </span>
        <h2 class="details-name">{node.name}</h2>
        {node.latinName && <p class="details-latin">{node.latinName}</p>}
        {node.aliases.length > 0 && <p class="muted small">{node.aliases.join(' · ')}</p>}
        <ProvenanceNote provenance={node.provenance} />
      </header>
      <dl class="facts">
        <Facts node={node} />
      </dl>
      {node.__typename === 'Person' && <Timeline person={node} onOpen={onOpen} />}
      <TiesByKind
        ties={node.ties.filter((tie) => !inTimeline.includes(tie.kind))}
        onOpen={onOpen}
      />
      {node.__typename === 'Person' && <Contacts person={node} />}
      {node.__typename === 'Person' && (
        <PersonActions key={node.id} person={node} onChanged={onChanged} />
      )}
      <p class="muted small">{t('details.updated', { date: fmtDate(node.updatedAt) })}</p>
    </>
  );
}

function Fact({ term, children }: { term: string; children: unknown }) {
  if (children === null || children === undefined || children === '' || children === false)
    return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children as never}</dd>
    </>
  );
}

function Chips({ values }: { values: string[] }) {
  if (!values.length) return null;
  return (
    <span class="chips">
      {values.map((v) => (
        <span class="chip" key={v}>
          {v}
        </span>
      ))}
    </span>
  );
}

function Facts({ node }: { node: EntityDetails }) {
  switch (node.__typename) {
    case 'Person':
      return (
        <>
          <Fact term={t('details.title')}>{node.title}</Fact>
          <Fact term={t('details.categories')}>
            {node.categories.length ? (
              <Chips values={node.categories.map((c) => enumText('category', c))} />
            ) : null}
          </Fact>
          <Fact term={t('details.level')}>{node.level && enumText('level', node.level)}</Fact>
          <Fact term={t('details.birthYear')}>{node.birthYear}</Fact>
          <Fact term={t('details.hometown')}>{node.hometown?.name}</Fact>
          <Fact term={t('details.location')}>{node.location?.name}</Fact>
          <Fact term={t('details.honours')}>
            {node.honours.length ? <Chips values={node.honours} /> : null}
          </Fact>
        </>
      );
    case 'Organization':
      return (
        <>
          <Fact term={t('details.type')}>{enumText('orgType', node.type)}</Fact>
          <Fact term={t('details.place')}>{node.place?.name}</Fact>
        </>
      );
    case 'Place':
      return <Fact term={t('details.kind')}>{enumText('placeKind', node.placeKind)}</Fact>;
    case 'Field':
      return <Fact term={t('details.parent')}>{node.parent?.name}</Fact>;
    case 'Project':
      return (
        <>
          <Fact term={t('details.type')}>{enumText('projectKind', node.projectKind)}</Fact>
          <Fact term={t('details.status')}>{enumText('projectStatus', node.status)}</Fact>
        </>
      );
  }
}

function ProvenanceNote({ provenance }: { provenance: Provenance }) {
  if (provenance.unsourced) {
    return (
      <span class="flag unsourced" title={t('details.source')}>
        {t('details.unsourced')}
      </span>
    );
  }
  const source = provenance.source;
  const text =
    source?.title ?? source?.url ?? (source?.kind ? enumText('sourceKind', source.kind) : '');
  return (
    <span class="source" title={t('details.source')}>
      {t('details.source')}:{' '}
      {source?.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener">
          {text}
        </a>
      ) : (
        text
      )}
      {provenance.verified && <span class="flag verified">{t('details.verified')}</span>}
    </span>
  );
}

function years(start: number | null, end: number | null, current: boolean | null): string {
  if (start === null && end === null) return current ? t('details.present') : '';
  return `${start ?? '?'}–${end ?? (current || end === null ? t('details.present') : '?')}`;
}

function Timeline({
  person,
  onOpen,
}: {
  person: PersonDetails;
  onOpen?: (e: EntitySummary) => void;
}) {
  const items = [...person.education, ...person.positions].sort(
    (a, b) => (a.startYear ?? 9999) - (b.startYear ?? 9999),
  );
  if (!items.length) return null;
  return (
    <section class="timeline" aria-label={t('details.timeline')}>
      <h3>{t('details.timeline')}</h3>
      <CareerChart items={items} />
      <ol>
        {items.map((tie) => (
          <li
            key={tie.id}
            class={`${tie.kind === 'STUDIED_AT' ? 'edu' : 'job'}${tie.current ? ' current' : ''}`}
          >
            <span class="years">{years(tie.startYear, tie.endYear, tie.current)}</span>
            <span>
              <Other tie={tie} onOpen={onOpen} />
              {tie.kind === 'STUDIED_AT'
                ? [tie.degree && enumText('degree', tie.degree), tie.major]
                    .filter(Boolean)
                    .map((x) => <span class="muted"> · {x}</span>)
                : (tie.title ?? tie.role) && <span class="muted"> · {tie.title ?? tie.role}</span>}
              {tie.current && <span class="chip small">{t('details.current')}</span>}
              <TieSource provenance={tie.provenance} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The same spells as bars on one axis of years (the list below is what screen readers get). */
function CareerChart({ items }: { items: Tie[] }) {
  const axis = careerAxis(items, new Date().getFullYear());
  if (!axis) return null;
  const byId = new Map(items.map((tie) => [tie.id, tie]));
  return (
    <div class="career-chart" aria-hidden="true" data-from={axis.from} data-to={axis.to}>
      {axis.bars.map((bar) => {
        const tie = byId.get(bar.id);
        if (!tie) return null;
        const edu = tie.kind === 'STUDIED_AT';
        return (
          <div class="career-row" key={bar.id}>
            <span
              class={`career-bar ${edu ? 'edu' : 'job'}${bar.open ? ' open' : ''}${bar.left > 55 ? ' late' : ''}`}
              style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
              title={`${tie.other.name} · ${years(tie.startYear, tie.endYear, tie.current)}`}
            >
              <span class="career-label">{tie.other.name}</span>
            </span>
          </div>
        );
      })}
      <div class="career-axis">
        {axis.ticks.map((tick) => (
          <span key={tick.year} style={{ left: `${tick.at}%` }}>
            {tick.year}
          </span>
        ))}
      </div>
    </div>
  );
}

function Other({ tie, onOpen }: { tie: Tie; onOpen?: (e: EntitySummary) => void }) {
  if (!onOpen) return <span class="org">{tie.other.name}</span>;
  return (
    <button type="button" class="link org" onClick={() => onOpen(tie.other)}>
      {tie.other.name}
    </button>
  );
}

function TieSource({ provenance }: { provenance: Provenance }) {
  if (provenance.unsourced) return <span class="flag unsourced">{t('details.unsourced')}</span>;
  const source = provenance.source;
  const title = source?.title ?? (source?.kind ? enumText('sourceKind', source.kind) : null);
  // The source in a tooltip (and for screen readers): a tie list stays readable.
  return title ? (
    <span
      class="src"
      role="img"
      title={`${t('details.source')}: ${title}`}
      aria-label={`${t('details.source')}: ${title}`}
    >
      ⓘ
    </span>
  ) : null;
}

function TiesByKind({ ties, onOpen }: { ties: Tie[]; onOpen?: (e: EntitySummary) => void }) {
  if (!ties.length) return null;
  const byKind = new Map<string, Tie[]>();
  for (const tie of ties) byKind.set(tie.kind, [...(byKind.get(tie.kind) ?? []), tie]);
  return (
    <section class="ties" aria-label={t('details.ties')}>
      <h3>{t('details.ties')}</h3>
      {[...byKind].map(([kind, group]) => {
        const style = edgeKindOf(kind);
        return (
          <details key={kind} open={group.length <= 8} class="tie-group" data-kind={kind}>
            <summary>
              <span
                class="legend-line"
                style={style ? { borderTop: `3px ${style.lineStyle} ${style.color}` } : undefined}
              />
              {tieKindText(kind)} · {group.length}
            </summary>
            <ul>
              {group.map((tie) => (
                <li key={tie.id}>
                  <Other tie={tie} onOpen={onOpen} />
                  {tie.knowsKind && (
                    <span class="muted"> · {enumText('knowsKind', tie.knowsKind)}</span>
                  )}
                  {(tie.startYear || tie.endYear) && (
                    <span class="muted"> · {years(tie.startYear, tie.endYear, tie.current)}</span>
                  )}
                  <TieSource provenance={tie.provenance} />
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

/** Contact fields only when the API returns them; otherwise the API's reason (role or consent). */
function Contacts({ person }: { person: PersonDetails }) {
  const data = person.personalData;
  return (
    <section class="contacts" aria-label={t('details.contacts')}>
      <h3>{t('details.contacts')}</h3>
      {!data.visible || data.contacts === null ? (
        <p class="muted small" data-hidden-reason>
          {t('details.contactsHidden')}
          {data.reasonCode &&
            `${t('problem.colon')}${problemText(data.reasonCode, null, null, data.reason ?? '')}`}
        </p>
      ) : data.contacts.length === 0 ? (
        <p class="muted small">{t('details.noContacts')}</p>
      ) : (
        <dl class="facts">
          {data.contacts.map((c) => (
            <Fact key={c.id} term={enumText('contactKind', c.kind)}>
              {c.value}
            </Fact>
          ))}
        </dl>
      )}
    </section>
  );
}
