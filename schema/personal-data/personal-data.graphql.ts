import { z } from 'zod';
import type { Context } from '../../server/context.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { loadEntity } from '../entity/entity.loaders.ts';
import type { Person } from '../entity/entity.model.ts';
import { PersonRef } from '../person/person.graphql.ts';
import { ConsentStatusEnum, ContactKindEnum } from '../shared/enums.graphql.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { encodeGlobalId, idOf } from '../shared/global-id.ts';
import { recordChange } from '../shared/history.ts';
import { loaderFor } from '../shared/loaders.ts';
import { parseInput } from '../shared/validate.ts';
import { consentHides } from './consent.ts';
import { contactRules } from './contact-rules.ts';

interface Contact {
  id: string;
  kind: string;
  value: string;
}

/** Why contact details are hidden: in English, and as a code a client says in its language. */
interface Hidden {
  code: 'role_hides_contacts' | 'consent_hides_contacts' | 'outside_scope';
  message: string;
}

interface PersonalData {
  visible: boolean;
  hidden: Hidden | null;
  contacts: Contact[] | null;
}

const ContactRef = builder.objectRef<Contact>('Contact').implement({
  description:
    'A phone number, e-mail, WeChat id or identity number. Personal data: every read is logged.',
  authScopes: { personalData: true },
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeGlobalId('Contact', c.id) }),
    kind: t.field({ type: ContactKindEnum, resolve: (c) => c.kind as never }),
    value: t.exposeString('value'),
  }),
});

const PersonalDataRef = builder.objectRef<PersonalData>('PersonalData').implement({
  description:
    'Contact details and identifiers, shown only to roles allowed to see them and only with consent.',
  fields: (t) => ({
    visible: t.exposeBoolean('visible'),
    reason: t.string({
      nullable: true,
      description: 'Why the details are hidden (English).',
      resolve: (p) => p.hidden?.message ?? null,
    }),
    reasonCode: t.string({
      nullable: true,
      description:
        'Why the details are hidden, as a code: role_hides_contacts, consent_hides_contacts or outside_scope.',
      resolve: (p) => p.hidden?.code ?? null,
    }),
    contacts: t.field({ type: [ContactRef], nullable: true, resolve: (p) => p.contacts }),
  }),
});

/** Why `ctx` may not see this person's contact details, or null when it may (the team scope is checked with the read). */
export function hiddenBecause(ctx: Context, person: Person): Hidden | null {
  if (ctx.role !== 'admin' && ctx.role !== 'staff') {
    return {
      code: 'role_hides_contacts',
      message: `the ${ctx.role} role may not see contact details`,
    };
  }
  if (consentHides(person)) {
    return {
      code: 'consent_hides_contacts',
      message: `the person has ${person.consentStatus} consent`,
    };
  }
  return null;
}

/**
 * Staff of a team with a scope place see contacts only of people born, living or currently working
 * there (or below it in the place hierarchy); admins and teams without a scope see everyone's.
 */
export const inTeamScope = `$scopePlaceId IS NULL
  OR EXISTS { MATCH (p)-[:BORN_IN|LIVES_IN]->(:Place)-[:PART_OF*0..4]->(:Place {id: $scopePlaceId}) }
  OR EXISTS { MATCH (p)-[w:WORKED_AT]->(:Organization)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..4]->(:Place {id: $scopePlaceId})
              WHERE w.current }`;

interface ScopedContacts {
  inScope: boolean;
  contacts: Contact[];
}

/**
 * Contacts for many people at once, and one audit entry per person read, written in one transaction
 * with the read: if the log cannot be written, nothing is shown.
 */
export function loadContacts(ctx: Context, personId: string): Promise<ScopedContacts> {
  const scopePlaceId = ctx.role === 'admin' ? null : (ctx.account?.team?.scopePlaceId ?? null);
  return loaderFor<ScopedContacts>(ctx, 'contacts', async (ids) =>
    ctx.db.writeTx(async (tx) => {
      const rows = await tx.run<{ personId: string } & ScopedContacts>(
        `UNWIND $ids AS personId MATCH (p:Person {id: personId})
         WITH personId, p, ${inTeamScope} AS inScope
         OPTIONAL MATCH (p)-[:HAS_CONTACT]->(c:Contact) WHERE inScope
         WITH personId, inScope, c ORDER BY c.kind, c.id
         RETURN personId, inScope, collect(c {.id, .kind, .value}) AS contacts`,
        { ids, scopePlaceId },
      );
      await tx.run(
        `UNWIND $rows AS row
         CREATE (:AuditEntry {id: row.id, at: datetime(), actor: $actor, role: $role, requestId: $requestId,
                              action: 'read_personal_data', subjectId: row.personId, fields: row.fields})`,
        {
          actor: ctx.actor,
          role: ctx.role,
          requestId: ctx.requestId,
          rows: rows
            .filter((r) => r.inScope)
            .map((r) => ({
              id: ulid(),
              personId: r.personId,
              fields: [...new Set(r.contacts.map((c) => c.kind))],
            })),
        },
      );
      const byId = new Map(rows.map((r) => [r.personId, r]));
      return ids.map((id) => byId.get(id) ?? { inScope: false, contacts: [] });
    }),
  ).load(personId);
}

builder.objectField(PersonRef, 'personalData', (t) =>
  t.field({
    type: PersonalDataRef,
    description:
      'Contact details: null with a reason unless your role and the person’s consent allow it.',
    resolve: async (person, _args, ctx) => {
      const hidden = hiddenBecause(ctx, person);
      if (hidden) return { visible: false, hidden, contacts: null };
      const { inScope, contacts } = await loadContacts(ctx, person.id);
      return inScope
        ? { visible: true, hidden: null, contacts }
        : {
            visible: false,
            hidden: {
              code: 'outside_scope' as const,
              message: 'the person is outside your team’s place scope',
            },
            contacts: null,
          };
    },
  }),
);

builder.mutationField('setContact', (t) =>
  t.field({
    type: ContactRef,
    description: 'Adds a contact detail to a person (staff and admins only).',
    authScopes: { personalData: true },
    errors: { types: mutationErrors },
    args: {
      person: t.arg.id({ required: true }),
      kind: t.arg({ type: ContactKindEnum, required: true }),
      value: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const { id: personId } = idOf(args.person, ['Person'], ['person']);
      const contact = parseInput(contactRules, { kind: args.kind, value: args.value }, []);
      const id = ulid();
      await ctx.db.writeTx(async (tx) => {
        const found = await tx.run(
          'MATCH (p:Person {id: $personId}) WHERE NOT p.deleted RETURN p.id',
          { personId },
        );
        if (!found.length) throw new NotFoundError('Person', args.person, ['person']);
        await tx.run(
          `MATCH (p:Person {id: $personId})
           MERGE (p)-[:HAS_CONTACT]->(c:Contact {kind: $kind, value: $value})
           ON CREATE SET c.id = $id, c.createdAt = datetime(), c.createdBy = $actor`,
          { personId, kind: contact.kind, value: contact.value, id, actor: ctx.actor },
        );
        // History says a contact was added, never its value: history is readable by every role.
        await recordChange(tx, {
          entityId: personId,
          op: 'update',
          actor: ctx.actor,
          changes: { [`contact.${contact.kind}`]: [null, '[personal data]'] },
        });
      });
      const rows = await ctx.db.read<Contact>(
        'MATCH (:Person {id: $personId})-[:HAS_CONTACT]->(c:Contact {kind: $kind, value: $value}) RETURN c.id AS id, c.kind AS kind, c.value AS value',
        { personId, kind: contact.kind, value: contact.value },
      );
      const saved = rows[0];
      if (!saved) throw new Error('the contact could not be read back after saving it');
      return saved;
    },
  }),
);

builder.mutationField('removeContact', (t) =>
  t.id({
    description: 'Erases a contact detail for good (personal data is not soft-deleted).',
    authScopes: { personalData: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.id, ['Contact'], ['id']);
      await ctx.db.writeTx(async (tx) => {
        const rows = await tx.run<{ personId: string; kind: string }>(
          'MATCH (p:Person)-[:HAS_CONTACT]->(c:Contact {id: $id}) WITH p, c, c.kind AS kind DETACH DELETE c RETURN p.id AS personId, kind',
          { id },
        );
        if (!rows[0]) throw new NotFoundError('Contact', args.id, ['id']);
        await recordChange(tx, {
          entityId: rows[0].personId,
          op: 'update',
          actor: ctx.actor,
          changes: { [`contact.${rows[0].kind}`]: ['[personal data]', null] },
        });
      });
      return args.id;
    },
  }),
);

const consentChannels = ['in_person', 'phone', 'email', 'wechat', 'form', 'other'] as const;
const ConsentChannelEnum = builder.enumType('ConsentChannel', { values: consentChannels });

const consentRules = z.object({
  purpose: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(500, { message: 'must be at most 500 characters' }),
});

builder.mutationField('recordConsent', (t) =>
  t.field({
    type: PersonRef,
    description:
      'Records a person’s consent decision (purpose, channel, when) as its own Consent node and sets their consent status. Withdrawn or refused consent hides their contact details from every role.',
    authScopes: { personalData: true },
    errors: { types: mutationErrors },
    args: {
      person: t.arg.id({ required: true }),
      status: t.arg({ type: ConsentStatusEnum, required: true }),
      purpose: t.arg.string({
        required: true,
        description: 'What the data may be used for, e.g. 招才引智活动邀请.',
      }),
      channel: t.arg({ type: ConsentChannelEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const { id: personId } = idOf(args.person, ['Person'], ['person']);
      const { purpose } = parseInput(consentRules, { purpose: args.purpose }, []);
      await ctx.db.writeTx(async (tx) => {
        const rows = await tx.run<{ before: string | null }>(
          `MATCH (p:Person {id: $personId}) WHERE NOT p.deleted
           WITH p, p.consentStatus AS before
           SET p.consentStatus = $status, p.updatedAt = datetime()
           CREATE (p)-[:GAVE_CONSENT]->(:Consent {id: $id, status: $status, purpose: $purpose, channel: $channel,
                                                 at: datetime(), recordedBy: $actor})
           RETURN before`,
          {
            personId,
            status: args.status,
            purpose,
            channel: args.channel,
            id: ulid(),
            actor: ctx.actor,
          },
        );
        if (!rows.length) throw new NotFoundError('Person', args.person, ['person']);
        await recordChange(tx, {
          entityId: personId,
          op: 'update',
          actor: ctx.actor,
          changes: { consentStatus: [rows[0]?.before ?? 'unknown', args.status] },
        });
      });
      const person = await loadEntity(ctx, 'Person', personId);
      if (!person) throw new NotFoundError('Person', args.person, ['person']);
      return person;
    },
  }),
);
