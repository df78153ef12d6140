import { useState } from 'preact/hooks';
import type { IntroductionCard } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { displayName, enumText, fmtDate, fmtNumber, t } from '../../app/i18n.ts';
import { errorText } from '../../app/problems.ts';
import { route } from '../../app/router.ts';
import { status } from '../../app/status.ts';
import { PickAndApply } from '../outreach/PickAndApply.tsx';
import { Problem } from '../outreach/Problem.tsx';
import { outcome } from '../outreach/result.ts';
import { TextField } from '../outreach/TextField.tsx';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { BoardFilterBar } from './BoardFilterBar.tsx';
import { draggedId, otherStages, overrideOffered, replaceCard, toColumns } from './board.ts';
import { type BoardFilters, filtersKey, filterVariables, noFilters } from './board-filters.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { type IntroductionStage, introductionsQuery, moveIntroductionMutation } from './queries.ts';

const shown = 500;

interface Refusal {
  card: IntroductionCard;
  to: IntroductionStage;
  message: string;
}

const cardName = (c: IntroductionCard) =>
  t('pipeline.card', {
    talent: c.talent ? displayName(c.talent) : '?',
    target: c.target ? displayName(c.target) : '?',
  });

/** The introductions pipeline: a column per stage; drag a card (or use its menu) to move it. */
export function PipelineView() {
  const [filters, setFilters] = useState<BoardFilters>(noFilters);
  const key = filtersKey(filters);
  const [loaded] = useLoad(
    (signal) =>
      request(introductionsQuery, { first: shown, ...filterVariables(filters) }, signal).then(
        (d) => ({ key, cards: d.introductions }),
      ),
    [key],
  );
  const [cards, setCards] = useState<IntroductionCard[] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [openId, setOpenId] = useState<string | null>(route.value.params.get('open'));
  const [over, setOver] = useState<IntroductionStage | null>(null);
  const [historyTick, setHistoryTick] = useState(0);
  const all = cards ?? (loaded.state === 'shown' ? loaded.data.cards : null);
  const filter = (next: BoardFilters) => {
    setCards(null); // moves made on the previous answer are in the next one
    setFilters(next);
  };
  const waiting = all ? null : loadingText(loaded);

  async function move(card: IntroductionCard, to: IntroductionStage, override?: string) {
    if (card.stage === to) return;
    setRefusal(null);
    try {
      const { moveIntroduction } = await request(moveIntroductionMutation, {
        input: override
          ? { id: card.id, stage: to, override: true, note: override }
          : { id: card.id, stage: to },
      });
      const result = outcome(moveIntroduction);
      if (!result.ok) {
        setRefusal({ card, to, message: errorText(result.error) });
        return;
      }
      setCards(replaceCard(all ?? [], result.data));
      setHistoryTick((n) => n + 1);
      status.value = t('pipeline.moved', {
        name: cardName(card),
        from: enumText('stage', card.stage),
        to: enumText('stage', to),
      });
    } catch (e) {
      setRefusal({ card, to, message: (e as Error).message });
    }
  }

  return (
    <main class="outreach-board-page" id="pipeline">
      <header class="pane-head board-head">
        <h2>{t('pipeline.title')}</h2>
        <p class="muted small">{t('pipeline.hint')}</p>
        {all && <p class="muted small">{t('pipeline.shown', { n: all.length })}</p>}
      </header>
      <BoardFilterBar filters={filters} onChange={filter} />
      {refusal && (
        <RefusalNote refusal={refusal} onOverride={move} onDismiss={() => setRefusal(null)} />
      )}
      {waiting && <p class="muted">{waiting}</p>}
      {all?.length === 0 && (
        <p class="notice-inline" id="board-empty">
          {t(key ? 'pipeline.noneFiltered' : 'pipeline.none')}
        </p>
      )}
      <div class="board-wrap">
        {all && (
          <div
            class="board"
            id="board"
            data-filters={loaded.state === 'shown' ? loaded.data.key : undefined}
            data-fresh={loaded.state === 'shown' && loaded.data.key === key}
          >
            {toColumns(all).map((column) => (
              <section
                key={column.stage}
                class={`board-column${over === column.stage ? ' drop-target' : ''}`}
                data-stage={column.stage}
                aria-label={enumText('stage', column.stage)}
                onDragOver={(e) => {
                  e.preventDefault();
                  if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
                  setOver(column.stage);
                }}
                onDragLeave={() => setOver((s) => (s === column.stage ? null : s))}
                onDrop={(e) => {
                  e.preventDefault();
                  setOver(null);
                  const id = draggedId(e.dataTransfer?.getData('text/plain'), all);
                  const card = all.find((c) => c.id === id);
                  if (card) void move(card, column.stage);
                }}
              >
                <h3>
                  {enumText('stage', column.stage)}{' '}
                  <span class="count">{fmtNumber(column.cards.length)}</span>
                </h3>
                {column.cards.length === 0 && (
                  <p class="muted small">{t('pipeline.emptyColumn')}</p>
                )}
                <ul>
                  {column.cards.map((card) => (
                    <Card
                      key={card.id}
                      card={card}
                      open={openId === card.id}
                      onOpen={() => setOpenId(card.id)}
                      onMove={(to) => void move(card, to)}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
        {openId && (
          <HistoryPanel
            key={`${openId}:${historyTick}`}
            id={openId}
            onClose={() => setOpenId(null)}
          />
        )}
      </div>
    </main>
  );
}

function Card({
  card,
  open,
  onOpen,
  onMove,
}: {
  card: IntroductionCard;
  open: boolean;
  onOpen: () => void;
  onMove: (to: IntroductionStage) => void;
}) {
  const name = cardName(card);
  return (
    <li
      class={`card${open ? ' open' : ''}`}
      data-id={card.id}
      data-stage={card.stage}
      draggable
      onDragStart={(e) => {
        e.dataTransfer?.setData('text/plain', card.id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <button
        type="button"
        class="link card-title"
        aria-label={t('pipeline.open', { name })}
        onClick={onOpen}
      >
        {name}
      </button>
      {card.introducer && (
        <div class="muted small">
          {t('pipeline.introducer')}: {displayName(card.introducer)}
        </div>
      )}
      <div class="muted small card-owner">
        {t('pipeline.owner')}: {card.ownerName ?? t('pipeline.noOwner')}
      </div>
      <div class="muted small">
        {t('pipeline.since', { date: fmtDate(card.stageAt) })}
        {card.channel && ` · ${enumText('channel', card.channel)}`}
      </div>
      <PickAndApply
        className="card-move"
        choices={otherStages(card.stage)}
        labelOf={(s) => enumText('stage', s)}
        selectLabel={t('pipeline.moveLabel', { name })}
        placeholder={`${t('pipeline.moveTo')}…`}
        buttonLabel={t('pipeline.moveTo')}
        onApply={onMove}
      />
    </li>
  );
}

/** The API's refusal, in words; where the API has a recorded override, a form to use it. */
function RefusalNote({
  refusal,
  onOverride,
  onDismiss,
}: {
  refusal: Refusal;
  onOverride: (card: IntroductionCard, to: IntroductionStage, note: string) => Promise<void>;
  onDismiss: () => void;
}) {
  const [note, setNote] = useState('');
  const { card, to } = refusal;
  return (
    <Problem id="board-refusal" text={t('pipeline.refused', { message: refusal.message })}>
      {overrideOffered(card.stage, to) && (
        <form
          class="inline-form"
          id="override-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onOverride(card, to, note.trim());
          }}
        >
          <p class="small">{t('pipeline.override')}</p>
          <TextField
            id="override-note"
            label={t('pipeline.overrideNote')}
            required
            maxLength={2000}
            value={note}
            onValue={setNote}
          />
          <button type="submit" class="button primary" disabled={!note.trim()}>
            {t('pipeline.overrideDo')}
          </button>
        </form>
      )}
      <button type="button" class="link small" onClick={onDismiss}>
        {t('pipeline.dismiss')}
      </button>
    </Problem>
  );
}
