import { ulid } from '../ids.ts';

const acceptable = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id a request is logged and audited under: the client's `x-request-id` when it is a plain token
 * (at most 64 of A-Z a-z 0-9 . _ : -), so a proxy's id links the logs; anything else is replaced by a
 * new ULID, so no client text reaches the audit log through it.
 */
export function requestIdOf(headers: Headers): string {
  const sent = headers.get('x-request-id');
  return sent && acceptable.test(sent) ? sent : ulid();
}
