import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../schema/shared/errors.ts';

export interface RateLimitOptions {
  perIpPerMinute: number;
  perAccountPerMinute: number;
  /** Sign-in attempts (failed or not) in 15 minutes, per e-mail and per IP: password guessing. */
  loginsPerEmail?: number;
  loginsPerIp?: number;
}

/** Too many requests; `retryAfterSeconds` says when to try again (sent as HTTP 429 + Retry-After). */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  constructor(
    readonly scope: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`too many requests from this ${scope}: try again in ${retryAfterSeconds} s`);
  }
}

/**
 * In-memory limits for one server process: per IP before any work is done, per account once the session
 * is known, and for sign-in attempts. Behind a load balancer with several processes, each counts alone.
 */
export function createRateLimits(options: RateLimitOptions) {
  const perIp = new RateLimiterMemory({ points: options.perIpPerMinute, duration: 60 });
  const perAccount = new RateLimiterMemory({ points: options.perAccountPerMinute, duration: 60 });
  const loginsPerEmail = new RateLimiterMemory({
    points: options.loginsPerEmail ?? 10,
    duration: 900,
  });
  const loginsPerIp = new RateLimiterMemory({ points: options.loginsPerIp ?? 200, duration: 900 });
  const consume = async (limiter: RateLimiterMemory, key: string, scope: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(scope, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      }
      throw error;
    }
  };
  return {
    ip: (ip: string) => consume(perIp, ip, 'address'),
    account: (id: string) => consume(perAccount, id, 'account'),
    login: (ip: string, email: string) =>
      Promise.all([
        consume(loginsPerIp, ip, 'address'),
        consume(loginsPerEmail, email.trim().toLowerCase().slice(0, 200), 'account'),
      ]).then(() => undefined),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
