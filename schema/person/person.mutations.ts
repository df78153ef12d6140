import { z } from 'zod';
import { builder } from '../builder.ts';
import { defineCreateUpdate } from '../entity/entity-crud.ts';
import {
  consentStatuses,
  genders,
  languages,
  personCategories,
  talentLevels,
} from '../shared/entity-kinds.ts';
import {
  ConsentStatusEnum,
  GenderEnum,
  LanguageEnum,
  PersonCategoryEnum,
  TalentLevelEnum,
} from '../shared/enums.graphql.ts';
import { birthYear, names, provenance, text, textList } from '../shared/rules.ts';
import { PersonRef } from './person.graphql.ts';

const personRules = z.strictObject({
  ...names,
  gender: z.enum(genders).nullish(),
  birthYear: birthYear.nullish(),
  categories: z.array(z.enum(personCategories)).max(personCategories.length).nullish(),
  level: z.enum(talentLevels).nullish(),
  honours: textList(30, 200).nullish(),
  title: text(200).nullish(),
  bio: text(5000).nullish(),
  consentStatus: z.enum(consentStatuses).nullish(),
  doNotContact: z.boolean().nullish(),
  preferredLanguage: z.enum(languages).nullish(),
  ...provenance,
});

function personInput(create: boolean) {
  return builder.inputType(create ? 'PersonInput' : 'PersonPatch', {
    description: create
      ? 'A new person. Contact details are set separately (setContact), under their own access rules.'
      : 'Changes to a person: only the fields given change; null clears a field.',
    fields: (t) => ({
      name: t.string({
        required: create,
        description: 'Display name (Chinese when known), 1-200 characters.',
      }),
      latinName: t.string({ required: false }),
      aliases: t.stringList({ required: false }),
      gender: t.field({ type: GenderEnum, required: false }),
      birthYear: t.int({ required: false }),
      categories: t.field({ type: [PersonCategoryEnum], required: false }),
      level: t.field({ type: TalentLevelEnum, required: false }),
      honours: t.stringList({ required: false }),
      title: t.string({ required: false }),
      bio: t.string({ required: false }),
      consentStatus: t.field({ type: ConsentStatusEnum, required: false }),
      doNotContact: t.boolean({ required: false }),
      preferredLanguage: t.field({
        type: LanguageEnum,
        required: false,
        description:
          'The language of invitations; unset: Chinese for a Chinese name, else English.',
      }),
      verified: t.boolean({ required: false }),
      confidence: t.float({ required: false }),
    }),
  });
}

defineCreateUpdate({
  kind: 'Person',
  ref: PersonRef,
  createInput: personInput(true),
  patchInput: personInput(false),
  rules: personRules,
  // Consent is unknown until recorded (recordConsent): never missing, so lists can select it.
  defaults: { consentStatus: 'unknown', doNotContact: false },
});
