import { enumKinds } from '../../schema/shared/words/enum-words.ts';
import { fieldOfPath } from '../../schema/shared/words/words.ts';
import type { MutationError } from '../api/fragments.ts';
import { GraphQLRequestError } from '../api/graphql-client.ts';
import { messages } from './catalogue.ts';
import { enumText, fieldText, lang, type MessageKey, t } from './i18n.ts';

/**
 * The API's problems in the user's language. Typed errors and validation issues carry a code and its
 * values (schema/shared/words/issue-words.ts): they are said here, field first, with coded values in
 * words; the API's English `message` is used only for a code this build has no words for.
 */
type ParamList = readonly { name: string; value: string; enum?: string | null }[];
type ParamRecord = Record<string, string | number | { enum: string; value: string }>;

function paramWords(params: ParamList | ParamRecord | null | undefined): Record<string, string> {
  const list: ParamList = Array.isArray(params)
    ? params
    : Object.entries((params ?? {}) as ParamRecord).map(([name, v]) =>
        typeof v === 'object' ? { name, ...v } : { name, value: String(v) },
      );
  const out: Record<string, string> = {};
  for (const p of list) {
    const kind = p.enum ? enumKinds[p.enum] : undefined;
    out[p.name] =
      p.enum === 'field' ? fieldText(p.value) : kind ? enumText(kind, p.value) : p.value;
  }
  return out;
}

/** One problem: "field: what is wrong", or `fallback` when the code has no words here. */
export function problemText(
  code: string | null | undefined,
  params: ParamList | ParamRecord | null | undefined,
  path: readonly string[] | null | undefined,
  fallback: string,
): string {
  const key = `issue.${code}`;
  if (!code || !(key in messages[lang.value])) return fallback;
  const text = t(key as MessageKey, paramWords(params));
  const field = fieldOfPath(path ?? []);
  return field ? `${fieldText(field)}${t('problem.colon')}${text}` : text;
}

/**
 * A mutation's typed error in words: each issue of a ValidationError after the field it is about; a
 * missing record after the field that named it; a conflict on its own (it says what it is about).
 */
export function errorText(error: MutationError): string {
  if (error.__typename === 'ValidationError' && error.issues.length) {
    return error.issues
      .map((i) => problemText(i.code, i.params, i.path, i.message))
      .join(t('problem.separator'));
  }
  const path = error.__typename === 'NotFoundError' ? error.path : null;
  return problemText(error.code, error.params, path, error.message);
}

interface IssueBody {
  path?: string[];
  code?: string;
  params?: ParamRecord;
  message?: string;
}

/**
 * A failed request in words: the API's error codes (not signed in, no right, too many requests,
 * database down, a bad input or a conflict with its reason), or the network.
 */
export function requestErrorText(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as Record<string, unknown>;
    const code = String(ext.code ?? '');
    if (code === 'BAD_USER_INPUT' && Array.isArray(ext.issues)) {
      return (ext.issues as IssueBody[])
        .map((i) => problemText(i.code, i.params, i.path, i.message ?? first?.message ?? ''))
        .join(t('problem.separator'));
    }
    if (code === 'CONFLICT') {
      return problemText(
        String(ext.reason ?? ''),
        ext.params as ParamRecord,
        null,
        first?.message ?? '',
      );
    }
    if (code === 'NOT_FOUND') {
      return problemText('not_found', null, ext.path as string[], first?.message ?? '');
    }
    const key = `problem.${code}`;
    if (code && key in messages[lang.value]) return t(key as MessageKey);
    if (!first && error.status) return t('problem.http', { status: String(error.status) });
    return error.message;
  }
  if (error instanceof TypeError) return t('problem.network');
  return error instanceof Error ? error.message : String(error);
}
