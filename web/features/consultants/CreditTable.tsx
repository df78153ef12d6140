import { displayName, fmtNumber, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { NumHeader } from '../outreach/NumHeader.tsx';
import type { CreditRow } from './credit-rows.ts';

/**
 * Consultants or stations with what was credited to them in the period. The name opens the person
 * or organisation in the graph; "show" opens their pane here (`#/consultants?<param>=<id>`).
 */
export function CreditTable({
  id,
  caption,
  empty,
  rows,
  period,
  param,
  chosen,
}: {
  id: string;
  caption: string;
  empty: string;
  rows: CreditRow[];
  /** `<from>/<to>` of the rows: the old period's rows stay shown while a new period loads. */
  period: string;
  /** The route parameter that selects a row: consultant or station. */
  param: 'consultant' | 'station';
  chosen: string | null;
}) {
  return (
    <table class="table compact credit-table" id={id} data-period={period}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outreach.name')}</th>
          <NumHeader>{t('consultants.introductions')}</NumHeader>
          <NumHeader>{t('report.signed')}</NumHeader>
          <NumHeader>{t('report.landed')}</NumHeader>
          <NumHeader title={t('consultants.reachHint')}>{t('consultants.reach')}</NumHeader>
          <th scope="col">
            <span class="visually-hidden">{t('consultants.show')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={6} class="muted">
              {empty}
            </td>
          </tr>
        )}
        {rows.map((r) => {
          const name = displayName(r);
          return (
            <tr key={r.id} data-id={r.id} class={r.id === chosen ? 'chosen' : undefined}>
              <th scope="row">
                {r.entityId ? <a href={href('explore', { open: r.entityId })}>{name}</a> : name}
              </th>
              <td class="num" data-col="introductions">
                {fmtNumber(r.introductions)}
              </td>
              <td class="num" data-col="signed">
                {fmtNumber(r.signed)}
              </td>
              <td class="num" data-col="landed">
                {fmtNumber(r.landed)}
              </td>
              <td class="num" data-col="reach">
                {r.reach === null ? '—' : fmtNumber(r.reach)}
              </td>
              <td>
                <a
                  class="button small"
                  href={href('consultants', { [param]: r.id })}
                  aria-label={t('consultants.showLabel', { name })}
                  aria-current={r.id === chosen ? 'true' : undefined}
                >
                  {t('consultants.show')}
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
