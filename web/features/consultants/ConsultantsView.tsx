import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { route } from '../../app/router.ts';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { PeriodPicker } from '../report/PeriodPicker.tsx';
import { presetPeriod } from '../report/report-data.ts';
import { CreditedPane } from './CreditedPane.tsx';
import { CreditTable } from './CreditTable.tsx';
import { consultantRows, stationRows } from './credit-rows.ts';
import { consultantsQuery, talentStationsQuery } from './queries.ts';

/** Rows asked for per table: the API allows 500; more would not be read in a sidebar. */
const shown = 200;

/**
 * Recruitment consultants (招才顾问) and talent service stations: who brought introductions in a
 * period (default the last 12 months), and `#/consultants?consultant=…` or `?station=…` opens one.
 */
export function ConsultantsView() {
  const params = route.value.params;
  const consultant = params.get('consultant');
  const station = params.get('station');
  const [period, setPeriod] = useState(() => presetPeriod('last12m', new Date()));
  const periodKey = `${period.from}/${period.to}`;
  const [consultants] = useLoad(
    (signal) =>
      request(consultantsQuery, { ...period, first: shown }, signal).then((d) => ({
        period: periodKey,
        rows: consultantRows(d.consultants),
      })),
    [periodKey],
  );
  const [stations] = useLoad(
    (signal) =>
      request(talentStationsQuery, { ...period, first: shown }, signal).then((d) => ({
        period: periodKey,
        rows: stationRows(d.talentStations),
      })),
    [periodKey],
  );
  const tables = [
    {
      id: 'consultant-table',
      caption: t('consultants.consultants'),
      empty: t('consultants.noConsultants'),
      loaded: consultants,
      param: 'consultant',
      chosen: consultant,
    },
    {
      id: 'station-table',
      caption: t('consultants.stations'),
      empty: t('consultants.noStations'),
      loaded: stations,
      param: 'station',
      chosen: station,
    },
  ] as const;

  return (
    <main class="outreach-layout consultants" id="consultants">
      <aside class="sidebar outreach-side">
        <h2>{t('consultants.title')}</h2>
        <PeriodPicker id="consultants" value={period} onChange={setPeriod} />
        {tables.map(({ loaded, ...table }) =>
          loaded.state === 'shown' ? (
            <CreditTable key={table.id} {...table} {...loaded.data} />
          ) : (
            <p key={table.id} class="muted">
              {loadingText(loaded)}
            </p>
          ),
        )}
      </aside>
      <section class="outreach-main" aria-label={t('consultants.title')}>
        {consultant && (
          <CreditedPane key={consultant} kind="consultant" id={consultant} period={period} />
        )}
        {!consultant && station && (
          <CreditedPane key={station} kind="station" id={station} period={period} />
        )}
        {!consultant && !station && <p class="muted">{t('consultants.pick')}</p>}
      </section>
    </main>
  );
}
