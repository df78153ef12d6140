import { useEffect, useRef, useState } from 'preact/hooks';
import { enumWords } from '../../../schema/shared/words/enum-words.ts';
import { request } from '../../app/api.ts';
import { enumText, fieldText, fmtDate, fmtNumber, type MessageKey, t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { download } from '../../graph/export.ts';
import { messageOf, unwrap } from '../../ui/result.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import {
  type AccountRow,
  type AuditFilter,
  type AuditRow,
  accountsQuery,
  auditLogCsvQuery,
  auditLogQuery,
  createAccountMutation,
  createTeamMutation,
  type Role,
  revokeSessionsMutation,
  type TeamRow,
  updateAccountMutation,
} from './queries.ts';

const roles: Role[] = ['admin', 'staff', 'consultant', 'viewer'];
const teamKinds = ['bureau', 'district', 'station', 'consultancy', 'other'] as const;
const auditActions = Object.keys(enumWords.auditAction);

/** What an audit entry touched: the kinds of personal data read, or the properties a write changed. */
function auditFields(row: AuditRow): string[] {
  if (row.fields.length) return row.fields;
  try {
    return Object.keys(JSON.parse(row.changes ?? '{}') as Record<string, unknown>);
  } catch {
    return [];
  }
}

async function attempt(work: () => Promise<string>, after?: () => unknown) {
  try {
    status.value = await work();
    await after?.();
  } catch (error) {
    status.value = `${t('tools.failed')}: ${messageOf(error)}`;
  }
}

/** Account admin (admins only): accounts, teams, and the audit log. */
export function AdminView() {
  const [data, setData] = useState<{ accounts: AccountRow[]; teams: TeamRow[] } | null>(null);
  const load = () =>
    request(accountsQuery, {}).then(setData, (error) => {
      status.value = `${t('tools.failed')}: ${messageOf(error)}`;
    });
  useEffect(() => {
    void load();
  }, []);
  return (
    <main class="page" id="admin">
      <h2>{t('nav.admin')}</h2>
      {data && (
        <>
          <Accounts accounts={data.accounts} teams={data.teams} reload={load} />
          <Teams teams={data.teams} reload={load} />
        </>
      )}
      <Audit />
    </main>
  );
}

function TeamSelect({
  id,
  label,
  value,
  teams,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  teams: TeamRow[];
  onChange: (team: string | null) => void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange((e.target as HTMLSelectElement).value || null)}
    >
      <option value="">{t('admin.noTeam')}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </select>
  );
}

function Accounts({
  accounts,
  teams,
  reload,
}: {
  accounts: AccountRow[];
  teams: TeamRow[];
  reload: () => unknown;
}) {
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'viewer' as Role });
  const [team, setTeam] = useState<string | null>(null);
  const field = (
    key: 'email' | 'name' | 'password',
    type: 'text' | 'email' | 'password' = 'text',
  ) => (
    <div>
      <label class="field-label" for={`new-${key}`}>
        {t(`admin.${key}` as MessageKey)}
      </label>
      <input
        id={`new-${key}`}
        type={type as 'text'}
        required
        value={form[key]}
        onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })}
      />
    </div>
  );
  const update = (a: AccountRow, input: Parameters<typeof updateAccount>[1]) =>
    attempt(async () => {
      await updateAccount(a.id, input);
      return t('admin.saved');
    }, reload);
  return (
    <section aria-labelledby="admin-accounts">
      <h3 id="admin-accounts">{t('admin.accounts')}</h3>
      <form
        class="tool-form inline-form"
        id="new-account"
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(async () => {
            const created = unwrap(
              (await request(createAccountMutation, { input: { ...form, team } })).createAccount,
            );
            setForm({ email: '', name: '', password: '', role: 'viewer' });
            return t('admin.created', { email: created.email });
          }, reload);
        }}
      >
        {field('email', 'email')}
        {field('name')}
        {field('password', 'password')}
        <div>
          <label class="field-label" for="new-role">
            {t('admin.role')}
          </label>
          <select
            id="new-role"
            value={form.role}
            onChange={(e) =>
              setForm({ ...form, role: (e.target as HTMLSelectElement).value as Role })
            }
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label class="field-label" for="new-team">
            {t('admin.team')}
          </label>
          <TeamSelect
            id="new-team"
            label={t('admin.team')}
            value={team}
            teams={teams}
            onChange={setTeam}
          />
        </div>
        <button type="submit" class="button primary">
          {t('admin.create')}
        </button>
      </form>
      <table class="table" id="account-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.email')}</th>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.team')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-email={a.email}>
              <td>{a.email}</td>
              <td>{a.name}</td>
              <td>
                <select
                  aria-label={t('admin.roleOf', { name: a.name })}
                  value={a.role}
                  onChange={(e) =>
                    void update(a, { role: (e.target as HTMLSelectElement).value as Role })
                  }
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <TeamSelect
                  id={`team-${a.id.replace(/\W/g, '')}`}
                  label={t('admin.teamOf', { name: a.name })}
                  value={a.teamId}
                  teams={teams}
                  onChange={(next) => void update(a, { team: next })}
                />
              </td>
              <td>{t(a.disabled ? 'admin.disabled' : 'admin.active')}</td>
              <td class="row">
                <button
                  type="button"
                  class="button small"
                  onClick={() => void update(a, { disabled: !a.disabled })}
                >
                  {t(a.disabled ? 'admin.enable' : 'admin.disable')}
                </button>
                <button
                  type="button"
                  class="button small"
                  onClick={() =>
                    void attempt(async () => {
                      const n = unwrap(
                        (await request(revokeSessionsMutation, { account: a.id })).revokeSessions,
                      );
                      return t('admin.revoked', { n });
                    })
                  }
                >
                  {t('admin.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function updateAccount(
  id: string,
  input: { role?: Role; team?: string | null; disabled?: boolean },
) {
  return unwrap((await request(updateAccountMutation, { id, input })).updateAccount);
}

function Teams({ teams, reload }: { teams: TeamRow[]; reload: () => unknown }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof teamKinds)[number]>('bureau');
  const [visibility, setVisibility] = useState<'team' | 'deployment'>('team');
  const [place, setPlace] = useState<{ id: string; name: string } | null>(null);
  return (
    <section aria-labelledby="admin-teams">
      <h3 id="admin-teams">{t('admin.teams')}</h3>
      <ul class="view-list">
        {teams.map((team) => (
          <li key={team.id}>
            <strong>{team.name}</strong>{' '}
            <span class="muted small">
              {t(`teamKind.${team.kind}` as MessageKey)} ·{' '}
              {t(`visibility.${team.outreachVisibility}`)}
              {team.scopePlaceId && ` · ${team.scopePlaceId}`}
            </span>
          </li>
        ))}
      </ul>
      <form
        class="tool-form inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(async () => {
            const created = unwrap(
              (
                await request(createTeamMutation, {
                  input: {
                    name: name.trim(),
                    kind,
                    outreachVisibility: visibility,
                    scopePlace: place?.id ?? null,
                  },
                })
              ).createTeam,
            );
            setName('');
            setPlace(null);
            return t('admin.teamCreated', { name: created.name });
          }, reload);
        }}
      >
        <div>
          <label class="field-label" for="team-name">
            {t('admin.teamName')}
          </label>
          <input
            id="team-name"
            required
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label class="field-label" for="team-kind">
            {t('admin.teamKind')}
          </label>
          <select
            id="team-kind"
            value={kind}
            onChange={(e) => setKind((e.target as HTMLSelectElement).value as typeof kind)}
          >
            {teamKinds.map((k) => (
              <option key={k} value={k}>
                {t(`teamKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label class="field-label" for="team-visibility">
            {t('admin.visibility')}
          </label>
          <select
            id="team-visibility"
            value={visibility}
            onChange={(e) =>
              setVisibility((e.target as HTMLSelectElement).value as typeof visibility)
            }
          >
            <option value="team">{t('visibility.team')}</option>
            <option value="deployment">{t('visibility.deployment')}</option>
          </select>
        </div>
        <div class="grow">
          <SearchBox
            id="team-place"
            label={`${t('admin.scopePlace')}${place ? `: ${place.name}` : ''}`}
            types={['Place']}
            onChoose={(e) => setPlace({ id: e.id, name: e.name })}
          />
        </div>
        <button type="submit" class="button primary">
          {t('admin.createTeam')}
        </button>
      </form>
    </section>
  );
}

function Audit() {
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [page, setPage] = useState<{ total: number; next: string | null }>({
    total: 0,
    next: null,
  });
  const clean = (f: AuditFilter): AuditFilter =>
    Object.fromEntries(
      Object.entries(f).filter(([, v]) => (Array.isArray(v) ? v.length : v)),
    ) as AuditFilter;
  // The newest request wins: the answer to a filter already replaced is dropped (the first,
  // unfiltered page can come back after the filtered one on a busy server, and overwrote it).
  const latest = useRef(0);
  const load = async (after: string | null) => {
    const ticket = ++latest.current;
    try {
      const { auditLog } = await request(auditLogQuery, {
        filter: clean(filter),
        first: 50,
        after,
      });
      if (ticket !== latest.current) return;
      const nodes = auditLog.edges.map((e) => e.node);
      setRows(after ? [...rows, ...nodes] : nodes);
      setPage({
        total: auditLog.totalCount,
        next: auditLog.pageInfo.hasNextPage ? auditLog.pageInfo.endCursor : null,
      });
    } catch (error) {
      if (ticket === latest.current) status.value = `${t('tools.failed')}: ${messageOf(error)}`;
    }
  };
  useEffect(() => {
    void load(null);
  }, [filter]);
  const input = (
    key: 'actor' | 'subject' | 'from' | 'to',
    type: 'text' | 'datetime-local' = 'text',
  ) => (
    <div>
      <label class="field-label" for={`audit-${key}`}>
        {t(`audit.${key}`)}
      </label>
      <input
        id={`audit-${key}`}
        type={type as 'text'}
        value={draft[key] ?? ''}
        onInput={(e) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).value })}
      />
    </div>
  );
  const iso = (f: AuditFilter): AuditFilter => ({
    ...f,
    from: f.from ? new Date(f.from).toISOString() : null,
    to: f.to ? new Date(f.to).toISOString() : null,
  });
  return (
    <section aria-labelledby="admin-audit">
      <h3 id="admin-audit">{t('admin.audit')}</h3>
      <form
        class="tool-form inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(iso(draft));
        }}
      >
        {input('actor')}
        {input('subject')}
        <div>
          <label class="field-label" for="audit-actions">
            {t('audit.actions')}
          </label>
          <select
            id="audit-actions"
            value={draft.actions?.[0] ?? ''}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              setDraft({ ...draft, actions: value ? [value] : [] });
            }}
          >
            <option value="">{t('filters.any')}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {enumText('auditAction', a)}
              </option>
            ))}
          </select>
        </div>
        {input('from', 'datetime-local')}
        {input('to', 'datetime-local')}
        <button type="submit" class="button">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() =>
            void attempt(async () => {
              const { auditLogCsv } = await request(auditLogCsvQuery, { filter: clean(filter) });
              download(auditLogCsv, 'audit-log.csv', 'text/csv;charset=utf-8');
              return t('audit.csv');
            })
          }
        >
          {t('audit.csv')}
        </button>
      </form>
      <p class="muted small">{t('audit.total', { n: fmtNumber(page.total) })}</p>
      <table class="table" id="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.subject')}</th>
            <th scope="col">{t('audit.fields')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{fmtDate(r.at)}</td>
              <td data-actor={r.actor}>
                {r.actorName ??
                  (r.actor.startsWith('system:') ? t('audit.system') : t('outreach.someone'))}
              </td>
              <td data-action={r.action}>{enumText('auditAction', r.action)}</td>
              <td data-subject={r.subjectId ?? ''}>
                {r.subjectName ?? (r.subjectId ? t('audit.unnamed') : '')}
              </td>
              <td>{auditFields(r).map(fieldText).join(t('import.listSeparator'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.next && (
        <button type="button" class="button" onClick={() => void load(page.next)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
