import { builder } from '../builder.ts';
import { sourceKinds } from './provenance.ts';

const SourceKindEnum = builder.enumType('SourceKind', { values: sourceKinds });

export const SourceInputRef = builder.inputType('SourceInput', {
  description:
    'Where a fact comes from: an existing source by id, or a new one (title and/or url). Leave it out and the fact is recorded as unsourced, entered by you.',
  fields: (t) => ({
    id: t.id({ required: false }),
    kind: t.field({ type: SourceKindEnum, required: false }),
    title: t.string({ required: false }),
    url: t.string({ required: false }),
  }),
});
