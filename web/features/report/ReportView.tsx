import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { type MessageKey, t } from '../../app/i18n.ts';
import { eventsQuery } from '../events/queries.ts';
import { ExportButtons } from '../outreach/ExportButtons.tsx';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { exportPipelineQuery, type OutcomeScope, outcomeReportQuery } from './queries.ts';
import { ReportBody } from './ReportBody.tsx';
import { presetPeriod } from './report-data.ts';

type ScopeKey = 'introducer' | 'field' | 'city';
const scopePickers: { key: ScopeKey; type: 'Person' | 'Field' | 'Place'; label: MessageKey }[] = [
  { key: 'introducer', type: 'Person', label: 'report.introducer' },
  { key: 'field', type: 'Field', label: 'report.field' },
  { key: 'city', type: 'Place', label: 'report.city' },
];

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
      request(outcomeReportQuery, { ...period, scope }, signal).then((d) => ({
        period: `${period.from}/${period.to}`,
        report: d.outcomeReport,
      })),
    [scopeKey],
  );
  const waiting = loadingText(report);

  return (
    <main class="outreach-layout two" id="report">
      <aside class="sidebar outreach-side">
        <h2>{t('report.title')}</h2>
        <PeriodPicker id="report" value={period} onChange={setPeriod} />
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
      {/* The period shown: the last report stays on screen while the next one loads. */}
      <section
        class="outreach-main"
        aria-label={t('report.title')}
        data-period={report.state === 'shown' ? report.data.period : undefined}
      >
        {waiting && <p class="muted">{waiting}</p>}
        {report.state === 'shown' && <ReportBody report={report.data.report} />}
      </section>
    </main>
  );
}
