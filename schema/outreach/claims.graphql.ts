import { z } from 'zod';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { ConflictError, mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { groupInOrder, loaderFor } from '../shared/loaders.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import {
  type Claim,
  createClaim,
  endClaim,
  lockAndFindOtherClaim,
  readClaimsOn,
} from './claims.cypher.ts';
import { isoDate, note, requireNode } from './common.ts';
import { outreachText } from './outreach-text.ts';
import { teamOf, viewerParams } from './visibility.ts';

const ClaimRef = builder.objectRef<Claim>('Claim').implement({
  description:
    '"Already approached by X since …": a team’s claim on a person. While it is active, no other team may claim the person.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeGlobalId('Claim', c.id) }),
    claimant: t.string({
      description: 'Who approaches the person.',
      resolve: (c, _a, ctx) => outreachText(ctx, c.claimant),
    }),
    since: t.exposeString('since', { description: 'Date (YYYY-MM-DD).' }),
    note: t.string({ nullable: true, resolve: (x, _a, ctx) => outreachText(ctx, x.note) }),
    active: t.exposeBoolean('active'),
    teamName: t.exposeString('teamName', { nullable: true }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.exposeString('createdAt'),
  }),
});

builder.objectField(PersonRef, 'claims', (t) =>
  t.field({
    type: [ClaimRef],
    authScopes: { signedIn: true },
    description: 'Claims on this person you may see, active first, newest first.',
    args: { activeOnly: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: async (p, args, ctx) => {
      const all = await loaderFor<Claim[]>(ctx, 'claims', async (ids) =>
        groupInOrder(ids, await readClaimsOn(ctx.db, ids, viewerParams(ctx)), (c) => c.personId),
      ).load(p.id);
      return args.activeOnly ? all.filter((c) => c.active) : all;
    },
  }),
);

const ClaimInput = builder.inputType('ClaimInput', {
  fields: (t) => ({
    person: t.id({ required: true }),
    claimant: t.string({ required: true, description: 'Who approaches the person, e.g. 张处长.' }),
    since: t.string({ required: false, description: 'YYYY-MM-DD; default today.' }),
    note: t.string({ required: false }),
  }),
});

const claimRules = z.object({
  claimant: requiredText(200),
  since: isoDate.nullish(),
  note: note.nullish(),
});

builder.mutationField('claimPerson', (t) =>
  t.field({
    type: ClaimRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description:
      'Claims a person for your team. A ConflictError when another team holds an active claim.',
    args: { input: t.arg({ type: ClaimInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { id: personId } = idOf(input.person, ['Person'], ['input', 'person']);
      const rules = parseInput(claimRules, input, ['input']);
      const id = ulid();
      const teamId = teamOf(ctx);
      return ctx.db.writeTx(async (tx) => {
        await requireNode(tx, 'Person', personId, input.person, ['input', 'person']);
        const held = await lockAndFindOtherClaim(tx, personId, teamId);
        if (held) {
          throw new ConflictError(
            `already claimed by ${held.team ?? 'another team'} since ${held.since} / 已由其他团队认领`,
            ['input', 'person'],
            held.team
              ? { code: 'claimed', params: { team: held.team, since: held.since } }
              : { code: 'claimed_other', params: { since: held.since } },
          );
        }
        const saved = await createClaim(tx, {
          personId,
          id,
          claimant: rules.claimant,
          since: rules.since ?? null,
          note: rules.note ?? null,
          teamId,
          actor: ctx.actor,
        });
        await recordChange(tx, {
          entityId: personId,
          op: 'update',
          actor: ctx.actor,
          changes: { claim: [null, `${rules.claimant} (${id})`] },
          teamId,
        });
        return saved;
      });
    },
  }),
);

builder.mutationField('releaseClaim', (t) =>
  t.field({
    type: ClaimRef,
    authScopes: { outreach: true },
    errors: { types: mutationErrors },
    description: 'Ends your team’s claim (it stays in the record, inactive).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { id } = idOf(args.id, ['Claim'], ['id']);
      return ctx.db.writeTx(async (tx) => {
        const claim = await endClaim(tx, id, ctx.actor, viewerParams(ctx));
        if (!claim) throw new NotFoundError('Claim', args.id, ['id']);
        await recordChange(tx, {
          entityId: claim.personId,
          op: 'update',
          actor: ctx.actor,
          changes: { claim: [`${claim.claimant} (${id})`, null] },
          teamId: claim.teamId,
        });
        return claim;
      });
    },
  }),
);
