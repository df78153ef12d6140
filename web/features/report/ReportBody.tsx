import { useEffect, useRef } from 'preact/hooks';
import type { Attribution, OutcomeReport } from '../../api/fragments.ts';
import { enumText, fmtNumber, lang, t } from '../../app/i18n.ts';
import { NumHeader } from '../outreach/NumHeader.tsx';
import { currentBars, funnelBars } from './report-data.ts';

const stageLabel = (s: string) => enumText('stage', s);

/**
 * An outcome report's numbers: the total, the funnel and per-stage charts, the stage table and the
 * attribution tables. Used by the report screen and by a consultant's or station's pane; one at a
 * time is on screen, so its element ids are fixed.
 */
export function ReportBody({ report }: { report: OutcomeReport }) {
  const funnelEl = useRef<HTMLDivElement>(null);
  const barsEl = useRef<HTMLDivElement>(null);
  // Drawn again on a language switch too: the stage names are painted into the canvas.
  useEffect(() => {
    let disposed = false;
    void import('./report-chart.ts').then(({ drawFunnel, drawStageBars }) => {
      if (disposed || !funnelEl.current || !barsEl.current) return;
      const drawn = [
        [
          funnelEl.current,
          drawFunnel(funnelEl.current, funnelBars(report.stages, stageLabel), (n) => fmtNumber(n)),
        ],
        [
          barsEl.current,
          drawStageBars(barsEl.current, currentBars(report.stages, stageLabel), (n) =>
            fmtNumber(n),
          ),
        ],
      ] as const;
      // 'drawn' once ECharts has finished animating: a screenshot (or a test) then sees the charts whole.
      for (const [el, chart] of drawn) {
        el.dataset.state = 'drawing';
        chart.off('finished');
        chart.on('finished', () => {
          el.dataset.state = 'drawn';
        });
      }
    });
    return () => {
      disposed = true;
    };
  }, [report, lang.value]);
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
      <PeopleCounts report={report} />
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
            <NumHeader>{t('report.current')}</NumHeader>
            <NumHeader>{t('report.reached')}</NumHeader>
            <NumHeader>{t('report.conversion')}</NumHeader>
            <NumHeader>{t('report.meanDays')}</NumHeader>
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
        <AttributionTable
          id="report-by-introducer"
          title={t('report.byIntroducer')}
          rows={report.byIntroducer}
        />
        <AttributionTable id="report-by-event" title={t('report.byEvent')} rows={report.byEvent} />
        <AttributionTable
          id="report-by-channel"
          title={t('report.byChannel')}
          rows={report.byChannel.map((r) => ({ ...r, name: enumText('channel', r.key) }))}
        />
        <AttributionTable
          id="report-by-station"
          title={t('report.byStation')}
          rows={report.byStation}
        />
      </div>
    </>
  );
}

/** People reached, invited and attended in the period (each person once per count). */
function PeopleCounts({ report }: { report: OutcomeReport }) {
  const counts = [
    ['reached', 'report.peopleReached', report.reached],
    ['invited', 'report.peopleInvited', report.invited],
    ['attended', 'report.peopleAttended', report.attended],
  ] as const;
  return (
    <dl class="report-people" id="report-people" aria-label={t('report.people')}>
      {counts.map(([key, label, n]) => (
        <div key={key} data-count={key} data-value={n}>
          <dt>{t(label)}</dt>
          <dd class="num">{fmtNumber(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function AttributionTable({ id, title, rows }: { id: string; title: string; rows: Attribution[] }) {
  return (
    <table class="table compact" id={id}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outreach.name')}</th>
          <NumHeader>{t('report.signed')}</NumHeader>
          <NumHeader>{t('report.landed')}</NumHeader>
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
          <tr key={r.key} data-key={r.key}>
            <td>{r.name}</td>
            <td class="num">{fmtNumber(r.signed)}</td>
            <td class="num">{fmtNumber(r.landed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
