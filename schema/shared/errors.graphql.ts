import { builder } from '../builder.ts';
import { ConflictError, type Issue, NotFoundError, ValidationError } from './errors.ts';
import type { Param, Params } from './words/words.ts';

interface ErrorParam {
  name: string;
  value: string;
  enum: string | null;
}

export const ErrorParamRef = builder.objectRef<ErrorParam>('ErrorParam').implement({
  description:
    'A value a problem names, to fill into its words (e.g. the stage an introduction is in).',
  fields: (t) => ({
    name: t.exposeString('name'),
    value: t.exposeString('value'),
    enum: t.exposeString('enum', {
      nullable: true,
      description:
        'The GraphQL enum the value is of (then put the value in words), `field` when it names a field, or null.',
    }),
  }),
});

/** A problem's params as a list (GraphQL has no maps). */
export const paramList = (params: Params | undefined): ErrorParam[] =>
  Object.entries(params ?? {}).map(([name, p]: [string, Param]) =>
    typeof p === 'object'
      ? { name, value: p.value, enum: p.enum }
      : { name, value: String(p), enum: null },
  );

/** The code of anything a mutation returns as an error (a plain Error has none: `invalid`). */
const reasonOf = (e: Error): { reasonCode?: string; params?: Params } =>
  e as { reasonCode?: string; params?: Params };

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description:
    'An expected failure, returned as data: every mutation result can be one of these. `message` is in English; `code` and `params` let a client say it in its own language.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.string({
      description:
        'What went wrong (`stage_move`, `too_long` …); a ValidationError’s issues have their own.',
      resolve: (e) => reasonOf(e).reasonCode ?? 'invalid',
    }),
    params: t.field({
      type: [ErrorParamRef],
      resolve: (e) => paramList(reasonOf(e).params),
    }),
  }),
});

builder.objectType(Error, {
  name: 'BaseError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof Error,
});

const IssueRef = builder.objectRef<Issue>('ValidationIssue').implement({
  description: 'Which input field is wrong, and why.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.string({ resolve: (i) => i.message ?? i.code }),
    code: t.string({
      description: 'Why, as a code (`empty`, `too_long` …) to put in words with `params`.',
      resolve: (i) => i.code,
    }),
    params: t.field({ type: [ErrorParamRef], resolve: (i) => paramList(i.params) }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [IssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    entity: t.exposeString('entity'),
    id: t.exposeString('id'),
    path: t.exposeStringList('path'),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({ path: t.exposeStringList('path') }),
});
