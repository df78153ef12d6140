import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { fmtDate, t } from '../../app/i18n.ts';
import { href, route } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { ExportButtons } from '../outreach/ExportButtons.tsx';
import { Problem } from '../outreach/Problem.tsx';
import { exportPeopleQuery } from '../outreach/queries.ts';
import { attempt } from '../outreach/result.ts';
import { TextField } from '../outreach/TextField.tsx';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { conditionText } from './conditions.ts';
import {
  editPersonListMutation,
  freezeSegmentMutation,
  type MemberRow,
  personListQuery,
  segmentQuery,
  segmentsQuery,
} from './queries.ts';

const shown = 200;

/** Segments (live filters) and lists (frozen, edited by hand): #/segments?segment=… or ?list=… */
export function SegmentsView() {
  const params = route.value.params;
  const segmentId = params.get('segment');
  const listId = params.get('list');
  const [all, reload] = useLoad((signal) => request(segmentsQuery, { first: 100 }, signal), []);
  const waiting = loadingText(all);
  const madeBy = (name: string | null, at: string) =>
    t('outreach.madeBy', { name: name ?? t('outreach.someone'), date: fmtDate(at) });

  return (
    <main class="outreach-layout two" id="segments">
      <aside class="sidebar outreach-side">
        <h2>{t('segments.title')}</h2>
        {waiting && <p class="muted">{waiting}</p>}
        {all.state === 'shown' && (
          <>
            {all.data.segments.length === 0 && <p class="muted">{t('segments.none')}</p>}
            <ul class="record-list" id="segment-list">
              {all.data.segments.map((s) => (
                <li key={s.id} data-id={s.id} class={s.id === segmentId ? 'chosen' : undefined}>
                  <a href={href('segments', { segment: s.id })}>{s.name}</a>
                  <span class="count">{t('outreach.people', { n: s.memberCount })}</span>
                  <div class="muted small">{madeBy(s.createdByName, s.createdAt)}</div>
                </li>
              ))}
            </ul>
            <h2>{t('segments.lists')}</h2>
            {all.data.personLists.length === 0 && <p class="muted">{t('segments.noLists')}</p>}
            <ul class="record-list" id="list-list">
              {all.data.personLists.map((l) => (
                <li key={l.id} data-id={l.id} class={l.id === listId ? 'chosen' : undefined}>
                  <a href={href('segments', { list: l.id })}>{l.name}</a>
                  <span class="count">{t('outreach.people', { n: l.memberCount })}</span>
                  <div class="muted small">{madeBy(l.createdByName, l.createdAt)}</div>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
      <section class="outreach-main">
        {segmentId && <SegmentPane key={segmentId} id={segmentId} onChange={reload} />}
        {!segmentId && listId && <ListPane key={listId} id={listId} onChange={reload} />}
        {!segmentId && !listId && <p class="muted">{t('segments.pick')}</p>}
      </section>
    </main>
  );
}

function SegmentPane({ id, onChange }: { id: string; onChange: () => void }) {
  const [loaded] = useLoad((signal) => request(segmentQuery, { id, first: shown }, signal), [id]);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const waiting = loadingText(loaded);
  if (waiting || loaded.state !== 'shown') return <p class="muted">{waiting}</p>;
  const segment = loaded.data.segment;

  const freeze = async (event: Event) => {
    event.preventDefault();
    const list = await attempt(
      async () => (await request(freezeSegmentMutation, { segment: id, name })).freezeSegment,
      setProblem,
    );
    if (!list) return;
    status.value = t('segments.frozen', { name: list.name, n: list.memberCount });
    onChange();
    window.location.hash = href('segments', { list: list.id });
  };

  return (
    <article id="segment-pane" data-id={segment.id}>
      <header class="pane-head">
        <h2>{segment.name}</h2>
        <ExportButtons
          id="segment-export"
          load={async (format) =>
            (await request(exportPeopleQuery, { segment: id, format })).exportPeople
          }
        />
      </header>
      <p id="segment-count">{t('segments.live', { n: segment.memberCount })}</p>
      <dl class="facts small">
        <dt>{t('segments.filter')}</dt>
        <dd id="segment-conditions">
          {segment.conditions.length
            ? segment.conditions.map((c, i) => (
                <span class="condition" key={c.field} data-field={c.field}>
                  {i > 0 && ' · '}
                  {conditionText(c)}
                </span>
              ))
            : t('segments.noConditions')}
        </dd>
        {loaded.data.segment.cities.length > 0 && (
          <>
            <dt>{t('segments.cities')}</dt>
            <dd>
              {loaded.data.segment.cities
                .map((c) => `${c.city?.name ?? '?'} ${t('outreach.people', { n: c.total })}`)
                .join(' · ')}
            </dd>
          </>
        )}
      </dl>
      <form class="inline-form" id="freeze-form" onSubmit={(e) => void freeze(e)}>
        <TextField
          id="list-name"
          label={t('segments.listName')}
          required
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <button type="submit" class="button primary" disabled={!name.trim()}>
          {t('segments.freeze')}
        </button>
      </form>
      <Problem text={problem} />
      <Members members={segment.members} total={segment.memberCount} />
    </article>
  );
}

function ListPane({ id, onChange }: { id: string; onChange: () => void }) {
  const [loaded, reload] = useLoad(
    (signal) => request(personListQuery, { id, first: shown }, signal),
    [id],
  );
  const [problem, setProblem] = useState('');
  const waiting = loadingText(loaded);
  if (waiting || loaded.state !== 'shown') return <p class="muted">{waiting}</p>;
  const list = loaded.data.personList;

  const edit = async (change: { add?: string[]; remove?: string[] }, done: string) => {
    const edited = await attempt(
      async () => (await request(editPersonListMutation, { list: id, ...change })).editPersonList,
      setProblem,
    );
    if (!edited) return;
    status.value = done;
    reload();
    onChange();
  };

  return (
    <article id="list-pane" data-id={list.id}>
      <header class="pane-head">
        <h2>{list.name}</h2>
        <ExportButtons
          id="list-export"
          load={async (format) =>
            (await request(exportPeopleQuery, { list: id, format })).exportPeople
          }
        />
      </header>
      <p id="list-count">{t('segments.listMembers', { n: list.memberCount })}</p>
      {list.segmentId && (
        <p class="small" id="list-from">
          {t('segments.fromSegment')}
          {t('problem.colon')}
          {list.segment ? (
            <a href={href('segments', { segment: list.segment.id })}>{list.segment.name}</a>
          ) : (
            t('segments.gone')
          )}
        </p>
      )}
      <SearchBox
        id="list-add"
        label={t('segments.addPerson')}
        types={['Person']}
        clearOnChoose
        onChoose={(p) => void edit({ add: [p.id] }, t('segments.added', { name: p.name }))}
      />
      <Problem text={problem} />
      <Members
        members={list.members}
        total={list.memberCount}
        onRemove={(p) => void edit({ remove: [p.id] }, t('segments.removed', { name: p.name }))}
      />
    </article>
  );
}

function Members({
  members,
  total,
  onRemove,
}: {
  members: MemberRow[];
  total: number;
  onRemove?: (person: MemberRow) => void;
}) {
  return (
    <>
      {total > members.length && (
        <p class="muted small">{t('segments.showing', { n: members.length })}</p>
      )}
      <ul class="person-rows" id="members">
        {members.map((p) => (
          <li key={p.id} data-id={p.id} class="member">
            <div>
              <a href={href('explore', { open: p.id })}>{p.name}</a>
              {p.latinName && <span class="muted small"> {p.latinName}</span>}
              {p.title && <span class="muted small"> · {p.title}</span>}
            </div>
            {onRemove && (
              <button
                type="button"
                class="button small"
                aria-label={t('segments.removeNamed', { name: p.name })}
                onClick={() => onRemove(p)}
              >
                {t('segments.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
