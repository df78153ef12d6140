import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../schema/shared/errors.ts';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle.ts';

export interface RateLimitOptions {
  perIpPerMinute: number;
  perAccountPerMinute: number;
  /** Password guessing: see login-throttle.ts. */
  logins?: LoginThrottleOptions;
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
 * In-memory limits for one server process. A signed-in request counts against its account only, so a
 * whole office behind one address (NAT, proxy) is never throttled for being many; requests without a
 * valid session (anonymous, a bad token, an expired cookie) count against their address. Sign-in
 * attempts have their own limits. Behind a load balancer with several processes, each counts alone.
 */
export function createRateLimits(options: RateLimitOptions) {
  const perIp = new RateLimiterMemory({ points: options.perIpPerMinute, duration: 60 });
  const perAccount = new RateLimiterMemory({ points: options.perAccountPerMinute, duration: 60 });
  const logins = createLoginThrottle(options.logins);
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
    /** Refuses an address that has spent its budget, without counting this request against it. */
    async ipSpent(ip: string) {
      const spent = await perIp.get(ip);
      if (spent && spent.remainingPoints <= 0) {
        throw new RateLimitedError('address', Math.max(1, Math.ceil(spent.msBeforeNext / 1000)));
      }
    },
    account: (id: string) => consume(perAccount, id, 'account'),
    /** Sign-in attempts of `ip`, per account (the e-mail as typed, normalised). */
    login(ip: string) {
      const account = (email: string) => email.trim().toLowerCase().slice(0, 200);
      return {
        check: (email: string) => logins.check(ip, account(email)),
        failed: (email: string) => logins.failed(ip, account(email)),
        succeeded: (email: string) => logins.succeeded(ip, account(email)),
      };
    },
  };
}
