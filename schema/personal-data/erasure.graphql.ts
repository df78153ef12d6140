import { loadConfig } from '../../server/config.ts';
import { ulid } from '../../server/ids.ts';
import { builder } from '../builder.ts';
import { eraseFromExportFiles } from '../export/export-files.ts';
import { mutationErrors, NotFoundError } from '../shared/errors.ts';
import { idOf } from '../shared/global-id.ts';
import { requiredText } from '../shared/rules.ts';
import { parseInput } from '../shared/validate.ts';
import { erasePersonEverything } from './erase-person.ts';

const ErasureScopeEnum = builder.enumType('ErasureScope', {
  values: {
    CONTACTS: {
      description:
        'Contact details, identifiers and consent records; the person stays in the graph, marked do-not-contact.',
    },
    EVERYTHING: {
      description:
        'Also the person (and records merged into it), every tie, the outreach about them (notes, interactions, claims, follow-ups, introductions of them, notes of introductions they made), their contact values quoted in any outreach text, and every export file that holds them; their history entries keep only who and when, no values.',
    },
  },
});

const ErasureRef = builder
  .objectRef<{ auditEntryId: string; erased: string[] }>('Erasure')
  .implement({
    description: 'What an erasure removed, and the audit entry that records it.',
    fields: (t) => ({
      auditEntryId: t.exposeString('auditEntryId'),
      erased: t.exposeStringList('erased'),
    }),
  });

/**
 * Erasure on request (PIPL art. 47): personal data is deleted for good, not soft-deleted. What remains
 * is an (:AuditEntry {action: 'erase'}) stub saying who erased what kinds of data, when and why.
 */
builder.mutationField('erasePersonalData', (t) =>
  t.field({
    type: ErasureRef,
    authScopes: { personalData: true },
    errors: { types: mutationErrors },
    args: {
      person: t.arg.id({ required: true }),
      scope: t.arg({ type: ErasureScopeEnum, required: true }),
      reason: t.arg.string({
        required: true,
        description: 'The request being honoured, e.g. its reference.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const { id } = idOf(args.person, ['Person'], ['person']);
      const reason = parseInput(requiredText(500), args.reason, ['reason']);
      const result = await ctx.db.writeTx(async (tx) => {
        const found = await tx.run<{ contactKinds: string[]; consents: number }>(
          `MATCH (p:Person {id: $id})
           RETURN COLLECT { MATCH (p)-[:HAS_CONTACT]->(c:Contact) RETURN DISTINCT c.kind } AS contactKinds,
                  COUNT { (p)-[:GAVE_CONSENT]->(:Consent) } AS consents`,
          { id },
        );
        if (!found[0]) throw new NotFoundError('Person', args.person, ['person']);
        const erased = [
          ...found[0].contactKinds.map((k) => `contact.${k}`),
          ...(found[0].consents ? ['consent'] : []),
        ];
        let personIds = [id];
        if (args.scope === 'EVERYTHING') {
          const everything = await erasePersonEverything(tx, id);
          personIds = everything.personIds;
          erased.push(...everything.erased);
        } else {
          await tx.run(
            `MATCH (p:Person {id: $id})
             OPTIONAL MATCH (p)-[:HAS_CONTACT|GAVE_CONSENT]->(d:Contact|Consent)
             DETACH DELETE d
             WITH DISTINCT p
             SET p.doNotContact = true, p.consentStatus = 'withdrawn', p.updatedAt = datetime()`,
            { id },
          );
        }
        const auditEntryId = ulid();
        await tx.run(
          `CREATE (:AuditEntry {id: $auditEntryId, at: datetime(), actor: $actor, role: $role, requestId: $requestId,
                                action: 'erase', subjectId: $id, fields: $erased, reason: $reason})`,
          {
            auditEntryId,
            actor: ctx.actor,
            role: ctx.role,
            requestId: ctx.requestId,
            id,
            erased,
            reason,
          },
        );
        return { auditEntryId, erased, personIds };
      });
      if (args.scope === 'EVERYTHING') {
        // After the commit: a file deleted for an erasure that then rolled back would be lost for
        // nothing. A crash in between leaves files the expiry sweep removes.
        const files = await eraseFromExportFiles(ctx.db, loadConfig().dataDir, result.personIds);
        if (files) result.erased.push(`export files (${files})`);
      }
      return { auditEntryId: result.auditEntryId, erased: result.erased };
    },
  }),
);
