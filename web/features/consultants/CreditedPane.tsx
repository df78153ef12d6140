import type { EntitySummary, IntroductionCard } from '../../api/fragments.ts';
import { request } from '../../app/api.ts';
import { displayName, enumText, fmtDate, fmtNumber, t } from '../../app/i18n.ts';
import { href } from '../../app/router.ts';
import { NumHeader } from '../outreach/NumHeader.tsx';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { ReportBody } from '../report/ReportBody.tsx';
import type { Period } from '../report/report-data.ts';
import {
  type CreditedDetails,
  consultantQuery,
  type Reach,
  talentStationQuery,
} from './queries.ts';
import { reachKindText } from './reach-kind.ts';

/** Introductions listed in a pane, newest first (the report counts all of them). */
const shownIntroductions = 50;

type Kind = 'consultant' | 'station';

/** A consultant or a station as the pane shows it: the entity to open, and a consultant's roles. */
type Credited = CreditedDetails & { entity: EntitySummary | null; roles: string[] };

async function loadCredited(kind: Kind, id: string, period: Period, signal: AbortSignal) {
  const variables = { id, ...period, first: shownIntroductions };
  if (kind === 'consultant') {
    const { consultant } = await request(consultantQuery, variables, signal);
    // An account's only "role" is the API's 'consultant account': the pane says that in words.
    return (
      consultant && {
        ...consultant,
        entity: consultant.person,
        roles: consultant.person ? consultant.roles : [],
      }
    );
  }
  const { talentStation } = await request(talentStationQuery, variables, signal);
  return talentStation && { ...talentStation, entity: talentStation.organization, roles: [] };
}

const entityLink = (entity: EntitySummary | null) =>
  entity ? <a href={href('explore', { open: entity.id })}>{displayName(entity)}</a> : '—';

/**
 * One consultant or station: whom they know, projects landed, conversion in the period and their
 * latest introductions.
 */
export function CreditedPane({ kind, id, period }: { kind: Kind; id: string; period: Period }) {
  const [loaded] = useLoad(
    (signal): Promise<Credited | null> => loadCredited(kind, id, period, signal),
    [kind, id, period.from, period.to],
  );
  const waiting = loadingText(loaded);
  if (waiting || loaded.state !== 'shown') return <p class="muted">{waiting}</p>;
  const c = loaded.data;
  if (!c) return <p class="notice-inline">{t('consultants.notFound')}</p>;
  return (
    <article id="credited-pane" data-kind={kind} data-id={c.id}>
      <header class="pane-head">
        <h2>{c.entity ? entityLink(c.entity) : c.name}</h2>
        {kind === 'consultant' && !c.entity && (
          <span class="badge">{t('consultants.account')}</span>
        )}
        {c.roles.map((role) => (
          <span key={role} class="badge">
            {role}
          </span>
        ))}
      </header>
      <div class="chart-row">
        <ReachBox kind={kind} reach={c.reach} />
        <section class="chart-box" aria-labelledby="projects-title">
          <h3 id="projects-title">{t('consultants.projectsTitle')}</h3>
          {c.projectsLanded.length === 0 && <p class="muted">{t('consultants.noProjects')}</p>}
          <ul class="record-list" id="projects-landed">
            {c.projectsLanded.map((l) => (
              <li key={l.project?.id ?? l.landedAt} data-id={l.project?.id}>
                {entityLink(l.project)}
                <span class="muted small">
                  {t('consultants.landedAt', { date: fmtDate(l.landedAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <h3>
        {t('consultants.funnelTitle', { from: fmtDate(period.from), to: fmtDate(period.to) })}
      </h3>
      <ReportBody report={c.report} />
      <h3>{t('consultants.introductionsTitle', { n: shownIntroductions })}</h3>
      <IntroductionTable introductions={c.introductions} />
    </article>
  );
}

function ReachBox({ kind, reach }: { kind: Kind; reach: Reach | null }) {
  return (
    <section class="chart-box" aria-labelledby="reach-title">
      <h3 id="reach-title">{t('consultants.reachTitle')}</h3>
      {!reach && <p class="muted">{t('consultants.reachNone')}</p>}
      {reach && (
        <>
          <p id="reach-summary" data-one={reach.oneHop} data-two={reach.twoHops}>
            {t(kind === 'consultant' ? 'consultants.reachPerson' : 'consultants.reachStation', {
              one: reach.oneHop,
              two: reach.twoHops,
            })}
          </p>
          <table class="table compact" id="reach-table">
            <thead>
              <tr>
                <th scope="col">{t('consultants.tie')}</th>
                <NumHeader>{t('consultants.people')}</NumHeader>
              </tr>
            </thead>
            <tbody>
              {reach.byKind.map((k) => (
                <tr key={k.kind} data-kind={k.kind}>
                  <th scope="row">{reachKindText(k.kind)}</th>
                  <td class="num">{fmtNumber(k.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function IntroductionTable({ introductions }: { introductions: IntroductionCard[] }) {
  if (introductions.length === 0) return <p class="muted">{t('consultants.noIntroductions')}</p>;
  return (
    <table class="table" id="credited-introductions">
      <thead>
        <tr>
          <th scope="col">{t('pipeline.talent')}</th>
          <th scope="col">{t('pipeline.target')}</th>
          <th scope="col">{t('report.stage')}</th>
          <th scope="col">{t('pipeline.introducer')}</th>
          <th scope="col">{t('consultants.since')}</th>
        </tr>
      </thead>
      <tbody>
        {introductions.map((i) => (
          <tr key={i.id} data-id={i.id} data-stage={i.stage}>
            <td>{entityLink(i.talent)}</td>
            <td>{entityLink(i.target)}</td>
            <td>
              <a href={href('pipeline', { open: i.id })}>{enumText('stage', i.stage)}</a>
            </td>
            <td>{entityLink(i.introducer)}</td>
            <td>{fmtDate(i.stageAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
