import { builder } from '../builder.ts';
import { ConflictError, type Issue, NotFoundError, ValidationError } from './errors.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, returned as data: every mutation result can be one of these.',
  fields: (t) => ({ message: t.exposeString('message') }),
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
    message: t.exposeString('message'),
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
