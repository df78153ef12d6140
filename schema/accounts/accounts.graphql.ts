import { z } from 'zod';
import {
  clearedSessionCookie,
  csrfHeader,
  sessionCookie,
} from '../../server/auth/session-cookie.ts';
import type { Context } from '../../server/context.ts';
import type { Tx } from '../../server/db/run.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { ErrorInterface } from '../shared/errors.graphql.ts';
import { mutationErrors, NotFoundError, ValidationError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { diff, recordChange, recordCreate } from '../shared/history.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import {
  type Account,
  accountRoles,
  createAccount,
  findAccountByEmail,
  openSession,
  outreachVisibilities,
  passwordRule,
  requireTeam,
  revokeSessions,
  type Team,
  teamKinds,
} from './account.model.ts';
import {
  createTeam,
  placeExists,
  readAccounts,
  readEditableAccount,
  readTeams,
  revokeOtherSessions,
  setPasswordHash,
  updateAccount,
} from './accounts.cypher.ts';
import { hashPassword, unknownAccountHash, verifyPassword } from './password.ts';

/** Wrong e-mail or password: one message for both, so the API does not tell which e-mails exist. */
class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  constructor(
    message: string,
    /** What went wrong, as a code (schema/shared/errors.graphql.ts reads it). */
    readonly reasonCode: 'bad_credentials' | 'wrong_password',
  ) {
    super(message);
  }
}

builder.objectType(AuthenticationError, {
  name: 'AuthenticationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof AuthenticationError,
});

const RoleEnum = builder.enumType('Role', { values: accountRoles });
const TeamKindEnum = builder.enumType('TeamKind', { values: teamKinds });
const OutreachVisibilityEnum = builder.enumType('OutreachVisibility', {
  values: {
    team: { description: 'Only the team sees its notes, claims, introductions and follow-ups.' },
    deployment: {
      description: 'Every team of this deployment may read them (only the team writes).',
    },
  },
});

const TeamRef = builder.objectRef<Team>('Team').implement({
  description:
    'Staff belong to a team (a city bureau, a district, a station); outreach records belong to teams.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.id({ resolve: (team) => encodeGlobalId('Team', team.id) }),
    name: t.exposeString('name'),
    kind: t.field({ type: TeamKindEnum, resolve: (team) => team.kind }),
    outreachVisibility: t.field({
      type: OutreachVisibilityEnum,
      resolve: (team) => team.outreachVisibility,
    }),
    scopePlaceId: t.id({
      nullable: true,
      description:
        'Staff of this team see contact details only of people tied to this place (born, living or working there).',
      resolve: (team) => (team.scopePlaceId ? encodeGlobalId('Place', team.scopePlaceId) : null),
    }),
  }),
});

const AccountRef = builder.objectRef<Account>('Account').implement({
  // No type rule: an account is reached only through `me`, `login` (anonymous, their own) and admin fields.
  description: 'A user of TalentGraph. Only admins see other accounts.',
  fields: (t) => ({
    id: t.id({ resolve: (a) => encodeGlobalId('Account', a.id) }),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role }),
    disabled: t.exposeBoolean('disabled'),
    teamId: t.id({
      nullable: true,
      resolve: (a) => (a.teamId ? encodeGlobalId('Team', a.teamId) : null),
    }),
    createdAt: t.exposeString('createdAt'),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: AccountRef,
    nullable: true,
    description: 'The signed-in account, or null.',
    authScopes: { anyone: true },
    resolve: (_root, _args, ctx) => ctx.account,
  }),
);

builder.queryField('myTeam', (t) =>
  t.field({
    type: TeamRef,
    nullable: true,
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => ctx.account?.team ?? null,
  }),
);

builder.queryField('accounts', (t) =>
  t.field({
    type: [AccountRef],
    description: 'Every account, by e-mail.',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => readAccounts(ctx.db),
  }),
);

builder.queryField('teams', (t) =>
  t.field({
    type: [TeamRef],
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => readTeams(ctx.db),
  }),
);

// ---- signing in and out ----

const LoginPayload = builder
  .objectRef<{ account: Account; token: string | null; expiresAt: string }>('LoginPayload')
  .implement({
    fields: (t) => ({
      account: t.field({ type: AccountRef, resolve: (p) => p.account }),
      token: t.exposeString('token', {
        nullable: true,
        description:
          'For scripts: send as `Authorization: Bearer <token>` (valid 30 days). Null for the web app, which gets an HttpOnly cookie instead (valid 12 hours).',
      }),
      expiresAt: t.exposeString('expiresAt'),
    }),
  });

/**
 * Runs a write that ends or changes sessions of an account. The app server's session cache forgets
 * the account before the write and again after it commits, so no request after this one (here) still
 * sees the old session, role or team.
 */
async function changingSessions<T>(
  ctx: Context,
  accountId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  ctx.sessions.forgetAccount(accountId);
  try {
    return await ctx.db.writeTx(work);
  } finally {
    ctx.sessions.forgetAccount(accountId);
  }
}

/** Browsers (our web app) send the CSRF header; they get a cookie session, scripts a bearer token. */
const fromBrowser = (ctx: Context) => ctx.requestHeaders.get(csrfHeader) !== null;

builder.mutationField('login', (t) =>
  t.field({
    type: LoginPayload,
    description: 'Signs in with e-mail and password.',
    authScopes: { anyone: true },
    errors: { types: [AuthenticationError, ValidationError] },
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.limits.login.check(args.email);
      const account = await findAccountByEmail(ctx.db, args.email.slice(0, 300));
      const ok = await verifyPassword(
        args.password.slice(0, 300),
        account?.passwordHash ?? (await unknownAccountHash),
      );
      if (!account || !ok || account.disabled) {
        await ctx.limits.login.failed(args.email);
        throw new AuthenticationError(
          'wrong e-mail or password, or the account is disabled',
          'bad_credentials',
        );
      }
      ctx.limits.login.succeeded(args.email);
      const via = fromBrowser(ctx) ? 'cookie' : 'bearer';
      const session = await ctx.db.writeTx(async (tx) => {
        const opened = await openSession(tx, account.id, via);
        await recordChange(tx, {
          entityId: account.id,
          op: 'update',
          actor: `Account:${account.id}`,
          changes: { session: [null, `login:${via}`] },
        });
        return opened;
      });
      if (via === 'cookie') ctx.setCookies.push(sessionCookie(session.token, ctx.secureCookies));
      const { passwordHash: _, ...visible } = account;
      return {
        account: visible,
        token: via === 'bearer' ? session.token : null,
        expiresAt: session.expiresAt,
      };
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends this session (the cookie or the bearer token stops working at once).',
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      const account = ctx.account!;
      await changingSessions(ctx, account.id, (tx) =>
        revokeSessions(tx, { sessionId: account.sessionId }),
      );
      if (account.via === 'cookie') ctx.setCookies.push(clearedSessionCookie(ctx.secureCookies));
      return true;
    },
  }),
);

builder.mutationField('changePassword', (t) =>
  t.boolean({
    description: 'Changes your password and ends your other sessions.',
    authScopes: { signedIn: true },
    errors: { types: [AuthenticationError, ValidationError] },
    args: { current: t.arg.string({ required: true }), next: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const account = await findAccountByEmail(ctx.db, ctx.account!.email);
      if (!account || !(await verifyPassword(args.current.slice(0, 300), account.passwordHash))) {
        throw new AuthenticationError('the current password is wrong', 'wrong_password');
      }
      const next = parseInput(passwordRule, args.next, ['next']);
      const hash = await hashPassword(next);
      await changingSessions(ctx, account.id, async (tx) => {
        await setPasswordHash(tx, account.id, hash);
        await revokeOtherSessions(tx, account.id, ctx.account!.sessionId);
        await recordChange(tx, {
          entityId: account.id,
          op: 'update',
          actor: ctx.actor,
          changes: { password: ['(hidden)', '(changed)'] },
        });
      });
      return true;
    },
  }),
);

// ---- administration ----

const NewAccountInput = builder.inputType('NewAccountInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    password: t.string({ required: true, description: 'At least 12 characters.' }),
    team: t.id(),
  }),
});

const teamIdOf = (id: string | null | undefined, path: string[]) =>
  id ? idOf(id, ['Team'], path).id : null;

builder.mutationField('createAccount', (t) =>
  t.field({
    type: AccountRef,
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: NewAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      ctx.db.writeTx((tx) =>
        createAccount(tx, { ...input, teamId: teamIdOf(input.team, ['input', 'team']) }, ctx.actor),
      ),
  }),
);

const AccountUpdateInput = builder.inputType('AccountUpdateInput', {
  fields: (t) => ({
    name: t.string(),
    role: t.field({ type: RoleEnum }),
    team: t.id({ description: 'A team id; an empty string removes the account from its team.' }),
    disabled: t.boolean({ description: 'Disabling ends every session of the account at once.' }),
  }),
});

builder.mutationField('updateAccount', (t) =>
  t.field({
    type: AccountRef,
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: AccountUpdateInput, required: true }),
    },
    resolve: async (_root, { id: globalId, input }, ctx) => {
      const { id } = idOf(globalId, ['Account'], ['id']);
      const name =
        input.name == null
          ? undefined
          : parseInput(requiredText(100), input.name, ['input', 'name']);
      if (id === ctx.account!.id && (input.disabled || (input.role && input.role !== 'admin'))) {
        throw new ValidationError([
          {
            path: ['input'],
            code: 'own_account',
            message: 'you may not disable or demote your own account',
          },
        ]);
      }
      return changingSessions(ctx, id, async (tx) => {
        const before = await readEditableAccount(tx, id);
        if (!before) throw new NotFoundError('Account', globalId, ['id']);
        const teamId =
          input.team === undefined || input.team === null
            ? undefined
            : teamIdOf(input.team, ['input', 'team']);
        if (teamId) await requireTeam(tx, teamId, ['input', 'team']);
        const after = {
          ...before,
          ...(name === undefined ? {} : { name }),
          ...(input.role ? { role: input.role } : {}),
          ...(input.disabled == null ? {} : { disabled: input.disabled }),
          ...(teamId === undefined ? {} : { teamId }),
        };
        const account = await updateAccount(tx, { id, ...after, teamId: after.teamId ?? null });
        // A changed role or team must not keep working under old sessions.
        if (after.disabled || after.role !== before.role || after.teamId !== before.teamId) {
          await revokeSessions(tx, { accountId: id });
        }
        await recordChange(tx, {
          entityId: id,
          op: 'update',
          actor: ctx.actor,
          changes: diff(before, after),
        });
        return account;
      });
    },
  }),
);

builder.mutationField('revokeSessions', (t) =>
  t.int({
    description:
      'Ends every session of an account (a lost laptop, a leaked token); returns how many ended.',
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    args: { account: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const { id } = idOf(args.account, ['Account'], ['account']);
      return changingSessions(ctx, id, async (tx) => {
        const ended = await revokeSessions(tx, { accountId: id });
        await recordChange(tx, {
          entityId: id,
          op: 'update',
          actor: ctx.actor,
          changes: { sessions: [ended, 0] },
        });
        return ended;
      });
    },
  }),
);

const teamRules = z.object({
  name: requiredText(100),
  kind: z.enum(teamKinds),
  outreachVisibility: z.enum(outreachVisibilities),
  scopePlaceId: z.string().nullish(),
});

const NewTeamInput = builder.inputType('NewTeamInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: TeamKindEnum, required: true }),
    outreachVisibility: t.field({ type: OutreachVisibilityEnum, defaultValue: 'team' }),
    scopePlace: t.id({
      description: 'Limits the contact details its staff may see to people tied to this place.',
    }),
  }),
});

builder.mutationField('createTeam', (t) =>
  t.field({
    type: TeamRef,
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: NewTeamInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const team = parseInput(
        teamRules,
        {
          ...input,
          scopePlaceId: input.scopePlace
            ? idOf(input.scopePlace, ['Place'], ['input', 'scopePlace']).id
            : null,
        },
        ['input'],
      );
      return ctx.db.writeTx(async (tx) => {
        if (team.scopePlaceId) {
          if (!(await placeExists(tx, team.scopePlaceId)))
            throw new NotFoundError('Place', input.scopePlace!, ['input', 'scopePlace']);
        }
        // A taken name breaks the team_name constraint, a ConflictError (ConstraintViolationError is one).
        const created = await createTeam(tx, {
          ...team,
          scopePlaceId: team.scopePlaceId ?? null,
          id: ulid(),
        });
        await recordCreate(tx, created.id, ctx.actor, { name: created.name, kind: created.kind });
        return created;
      });
    },
  }),
);
