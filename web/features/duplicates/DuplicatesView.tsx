import { useEffect, useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { type EnumKind, enumText, fmtNumber, type MessageKey, t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { InlineSelect } from '../../ui/InlineSelect.tsx';
import { messageOf, unwrap } from '../../ui/result.ts';
import {
  type DuplicateKind,
  type DuplicatePair,
  type DuplicateRecord,
  type DuplicateVerdict,
  duplicateCandidatesQuery,
  findDuplicatesMutation,
  judgeDuplicateMutation,
  mergeOrganizationsMutation,
  mergePeopleMutation,
  undoMergeMutation,
} from './queries.ts';

const statuses = ['open', 'unsure', 'same', 'not_same', 'merged'] as const;
const kinds = ['Person', 'Organization'] as const satisfies readonly DuplicateKind[];

/** Coded details of a duplicate reason (two values joined by "/"), and which words say them. */
const codedDetails: Record<string, EnumKind> = {
  different_gender: 'gender',
  different_type: 'orgType',
  shared_contact: 'contactKind',
};

/** A reason for (or against) a pair in words: 性别不同：男/女. */
function reasonText(r: { code: string; detail: string }): string {
  const kind = codedDetails[r.code];
  const detail = kind
    ? r.detail
        .split('/')
        .map((v) => enumText(kind, v))
        .join('/')
    : r.detail;
  const words = t(`dup.reason.${r.code}` as MessageKey);
  return detail ? `${words}${t('problem.colon')}${detail}` : words;
}

/** Duplicate review (editors): candidate pairs side by side with their evidence; judge, merge, undo. */
export function DuplicatesView() {
  const [kind, setKind] = useState<DuplicateKind>('Person');
  const [state, setState] = useState<(typeof statuses)[number]>('open');
  const [queue, setQueue] = useState<{ totalCount: number; pairs: DuplicatePair[] } | null>(null);
  const load = () =>
    request(duplicateCandidatesQuery, { kind, status: state, first: 50 }).then(
      ({ duplicateCandidates }) => setQueue(duplicateCandidates),
      (error) => {
        status.value = `${t('tools.failed')}: ${messageOf(error)}`;
      },
    );
  useEffect(() => {
    void load();
  }, [kind, state]);

  const act = async (work: () => Promise<string>) => {
    try {
      status.value = await work();
      await load();
    } catch (error) {
      status.value = `${t('tools.failed')}: ${messageOf(error)}`;
    }
  };

  return (
    <main class="page" id="duplicates">
      <h2>{t('dup.title')}</h2>
      <div class="row tool-bar">
        <InlineSelect
          id="dup-kind"
          label={t('dup.kind')}
          value={kind}
          options={kinds}
          words={(k) => t(`dup.kind.${k}`)}
          onValue={setKind}
        />
        <InlineSelect
          id="dup-status"
          label={t('dup.status')}
          value={state}
          options={statuses}
          words={(s) => t(`dup.status.${s}`)}
          onValue={setState}
        />
        <button
          type="button"
          class="button"
          onClick={() =>
            void act(async () => {
              const scan = unwrap((await request(findDuplicatesMutation, { kind })).findDuplicates);
              return t('dup.scanned', {
                records: fmtNumber(scan.records),
                proposed: fmtNumber(scan.proposed),
              });
            })
          }
        >
          {t('dup.scan')}
        </button>
        {queue && <span class="muted">{t('dup.count', { n: fmtNumber(queue.totalCount) })}</span>}
      </div>
      {queue?.pairs.length === 0 && <p class="muted">{t('dup.none')}</p>}
      <ol class="pair-list">
        {queue?.pairs.map((pair, i) => (
          <Pair key={pair.id} pair={pair} index={i + 1} act={act} />
        ))}
      </ol>
    </main>
  );
}

function RecordCard({ record }: { record: DuplicateRecord }) {
  return (
    <div class="pair-side">
      <strong>{record.name}</strong>
      {record.latinName && <span class="muted"> {record.latinName}</span>}
      <div class="small muted">
        {record.birthYear != null && t('dup.born', { y: record.birthYear })}
        {record.aliases.length > 0 && ` · ${t('dup.aliases', { list: record.aliases.join('、') })}`}
      </div>
      <code class="small">{record.id}</code>
    </div>
  );
}

function Pair({
  pair,
  index,
  act,
}: {
  pair: DuplicatePair;
  index: number;
  act: (work: () => Promise<string>) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const judge = (verdict: DuplicateVerdict) =>
    act(async () => {
      unwrap(
        (await request(judgeDuplicateMutation, { id: pair.id, verdict, note: note.trim() || null }))
          .judgeDuplicate,
      );
      return t('dup.judged', { verdict: t(`dup.status.${verdict}` as MessageKey) });
    });
  const merge = (keep: DuplicateRecord, other: DuplicateRecord) =>
    act(async () => {
      const variables = { keep: keep.id, merge: other.id, reason: note.trim() || null };
      const { merge } =
        pair.kind === 'Person'
          ? await request(mergePeopleMutation, variables)
          : await request(mergeOrganizationsMutation, variables);
      const done = unwrap(merge);
      return t('dup.merged', { n: done.movedTies });
    });
  const noteId = `note-${pair.id.replace(/\W/g, '')}`;
  return (
    <li
      class="pair"
      data-id={pair.id}
      aria-label={t('dup.pair', { i: index, a: pair.a.name, b: pair.b.name })}
    >
      <div class="pair-sides">
        <RecordCard record={pair.a} />
        <RecordCard record={pair.b} />
      </div>
      <p class="small">
        {t('dup.score', { s: pair.score.toFixed(2) })} ·{' '}
        {t(`dup.status.${pair.status}` as MessageKey)}
        {pair.note && ` · ${pair.note}`}
      </p>
      <details>
        <summary>{t('dup.reasons')}</summary>
        <ul class="reasons">
          {pair.reasons.map((r) => (
            <li key={r.code} class={r.weight < 0 ? 'against' : 'for'}>
              {r.weight > 0 ? '+' : ''}
              {r.weight.toFixed(2)} {reasonText(r)}
            </li>
          ))}
        </ul>
      </details>
      <label class="field-label" for={noteId}>
        {t('dup.note')}
      </label>
      <input
        id={noteId}
        value={note}
        onInput={(e) => setNote((e.target as HTMLInputElement).value)}
      />
      <div class="row">
        {pair.status !== 'merged' && (
          <>
            <button type="button" class="button" onClick={() => void judge('same')}>
              {t('dup.same')}
            </button>
            <button type="button" class="button" onClick={() => void judge('not_same')}>
              {t('dup.notSame')}
            </button>
            <button type="button" class="button" onClick={() => void judge('unsure')}>
              {t('dup.unsure')}
            </button>
            <button type="button" class="button primary" onClick={() => void merge(pair.a, pair.b)}>
              {t('dup.keep', { name: pair.a.name })}
            </button>
            <button type="button" class="button primary" onClick={() => void merge(pair.b, pair.a)}>
              {t('dup.keep', { name: pair.b.name })}
            </button>
          </>
        )}
        {pair.mergeId && (
          <button
            type="button"
            class="button"
            onClick={() =>
              void act(async () => {
                unwrap((await request(undoMergeMutation, { id: pair.mergeId ?? '' })).undoMerge);
                return t('dup.undone');
              })
            }
          >
            {t('dup.undo')}
          </button>
        )}
      </div>
    </li>
  );
}
