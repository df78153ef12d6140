import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Attribution,
  type EntitySummary,
  eventsQuery,
  exportPipelineQuery,
  type OutcomeReport,
  type OutcomeScope,
  outcomeReportQuery,
} from '../../api/operations.ts';
import { request } from '../../app/api.ts';
import { fmtNumber, type MessageKey, t } from '../../app/i18n.ts';
import { ExportButtons } from '../outreach/ExportButtons.tsx';
import { enumText } from '../outreach/result.ts';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { currentBars, funnelBars, type Preset, presetPeriod } from './report-data.ts';

type ScopeKey = 'introducer' | 'field' | 'city';
const scopePickers: { key: ScopeKey; type: 'Person' | 'Field' | 'Place'; label: MessageKey }[] = [
  { key: 'introducer', type: 'Person', label: 'report.introducer' },
  { key: 'field', type: 'Field', label: 'report.field' },
  { key: 'city', type: 'Place', label: 'report.city' },
];

const stageLabel = (s: string) => enumText('stage', s);

/** Outcomes of introductions in a period and scope: funnel and per-stage charts, tables, export. */
export function ReportView() {
  const [period, setPeriod] = useState(() => presetPeriod('all', new Date()));
  const [event, setEvent] = useState('');
  const [picked, setPicked] = useState<Partial<Record<ScopeKey, EntitySummary>>>({});
  const [events] = useLoad((signal) => request(eventsQuery, { first: 200 }, signal), []);
  const scope: OutcomeScope = {
    event: event || null,
    introducer: picked.introducer?.id ?? null,
    field: picked.field?.id ?? null,
    city: picked.city?.id ?? null,
  };
  const scopeKey = JSON.stringify([period, scope]);
  const [report] = useLoad(
    (signal) =>
      request(outcomeReportQuery, { ...period, scope }, signal).then((d) => d.outcomeReport),
    [scopeKey],
  );
  const waiting = loadingText(report);

  return (
    <main class="outreach-layout two" id="report">
      <aside class="sidebar outreach-side">
        <h2>{t('report.title')}</h2>
        <fieldset class="plain">
          <legend class="field-label">{t('report.period')}</legend>
          <div class="actions">
            {(['thisYear', 'last90', 'all'] as Preset[]).map((p) => (
              <button
                type="button"
                key={p}
                class="button small"
                data-preset={p}
                onClick={() => setPeriod(presetPeriod(p, new Date()))}
              >
                {t(`report.${p}` as MessageKey)}
              </button>
            ))}
          </div>
          <label class="field-label" for="report-from">
            {t('report.from')}
          </label>
          <input
            id="report-from"
            class="input"
            type="date"
            value={period.from}
            max={period.to}
            onInput={(e) => {
              const from = (e.target as HTMLInputElement).value;
              if (from) setPeriod((p) => ({ ...p, from }));
            }}
          />
          <label class="field-label" for="report-to">
            {t('report.to')}
          </label>
          <input
            id="report-to"
            class="input"
            type="date"
            value={period.to}
            min={period.from}
            onInput={(e) => {
              const to = (e.target as HTMLInputElement).value;
              if (to) setPeriod((p) => ({ ...p, to }));
            }}
          />
        </fieldset>
        <fieldset class="plain">
          <legend class="field-label">{t('report.scope')}</legend>
          <label class="field-label" for="report-event">
            {t('report.event')}
          </label>
          <select
            id="report-event"
            value={event}
            onChange={(e) => setEvent((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('report.anyEvent')}</option>
            {events.state === 'shown' &&
              events.data.events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
          </select>
          {scopePickers.map((s) => (
            <div key={s.key}>
              <SearchBox
                id={`report-${s.key}`}
                label={t(s.label)}
                types={[s.type]}
                clearOnChoose
                onChoose={(entity) => setPicked((p) => ({ ...p, [s.key]: entity }))}
              />
              {picked[s.key] && (
                <p class="chips">
                  <span class="chip" data-scope={s.key}>
                    {picked[s.key]?.name}
                    <button
                      type="button"
                      class="chip-remove"
                      aria-label={t('report.clear', { name: picked[s.key]?.name ?? '' })}
                      onClick={() => setPicked((p) => ({ ...p, [s.key]: undefined }))}
                    >
                      ×
                    </button>
                  </span>
                </p>
              )}
            </div>
          ))}
        </fieldset>
        <h3>{t('report.exportTitle')}</h3>
        <ExportButtons
          id="report-export"
          load={async (format) =>
            (await request(exportPipelineQuery, { ...period, scope, format })).exportPipeline
          }
        />
      </aside>
      <section class="outreach-main" aria-label={t('report.title')}>
        {waiting && <p class="muted">{waiting}</p>}
        {report.state === 'shown' && <ReportBody report={report.data} />}
      </section>
    </main>
  );
}

function ReportBody({ report }: { report: OutcomeReport }) {
  const funnelEl = useRef<HTMLDivElement>(null);
  const barsEl = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    void import('./report-chart.ts').then(({ drawFunnel, drawStageBars }) => {
      if (disposed || !funnelEl.current || !barsEl.current) return;
      drawFunnel(funnelEl.current, funnelBars(report.stages, stageLabel), (n) => fmtNumber(n));
      drawStageBars(barsEl.current, currentBars(report.stages, stageLabel), (n) => fmtNumber(n));
      funnelEl.current.dataset.state = 'drawn';
      barsEl.current.dataset.state = 'drawn';
    });
    return () => {
      disposed = true;
    };
  }, [report]);
  useEffect(() => {
    const els = [funnelEl.current, barsEl.current];
    return () => {
      void import('../maps/chart.ts').then(({ disposeChart }) => {
        for (const el of els) if (el) disposeChart(el);
      });
    };
  }, []);
  const percent = (n: number | null) =>
    n === null ? '—' : fmtNumber(n, { style: 'percent', maximumFractionDigits: 1 });
  const days = (n: number | null) =>
    n === null ? '—' : fmtNumber(n, { maximumFractionDigits: 1 });

  return (
    <>
      <p id="report-total" data-total={report.total}>
        {t('report.total', { n: report.total })}
      </p>
      <div class="chart-row">
        <figure class="chart-box">
          <figcaption>{t('report.funnel')}</figcaption>
          <div class="report-chart" id="funnel-chart" ref={funnelEl} data-state="empty" />
        </figure>
        <figure class="chart-box">
          <figcaption>{t('report.stages')}</figcaption>
          <div class="report-chart" id="stage-chart" ref={barsEl} data-state="empty" />
        </figure>
      </div>
      <table class="table" id="stage-table">
        <thead>
          <tr>
            <th scope="col">{t('report.stage')}</th>
            <th scope="col" class="num">
              {t('report.current')}
            </th>
            <th scope="col" class="num">
              {t('report.reached')}
            </th>
            <th scope="col" class="num">
              {t('report.conversion')}
            </th>
            <th scope="col" class="num">
              {t('report.meanDays')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.stages.map((s) => (
            <tr key={s.stage} data-stage={s.stage}>
              <th scope="row">{stageLabel(s.stage)}</th>
              <td class="num">{fmtNumber(s.current)}</td>
              <td class="num">{s.reached === null ? '—' : fmtNumber(s.reached)}</td>
              <td class="num">{percent(s.conversion)}</td>
              <td class="num">{days(s.meanDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="chart-row">
        <AttributionTable title={t('report.byIntroducer')} rows={report.byIntroducer} />
        <AttributionTable title={t('report.byEvent')} rows={report.byEvent} />
        <AttributionTable
          title={t('report.byChannel')}
          rows={report.byChannel.map((r) => ({ ...r, name: enumText('channel', r.key) }))}
        />
      </div>
    </>
  );
}

function AttributionTable({ title, rows }: { title: string; rows: Attribution[] }) {
  return (
    <table class="table compact">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outreach.name')}</th>
          <th scope="col" class="num">
            {t('report.signed')}
          </th>
          <th scope="col" class="num">
            {t('report.landed')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={3} class="muted">
              {t('report.noneAttributed')}
            </td>
          </tr>
        )}
        {rows.slice(0, 10).map((r) => (
          <tr key={r.key}>
            <td>{r.name}</td>
            <td class="num">{fmtNumber(r.signed)}</td>
            <td class="num">{fmtNumber(r.landed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
