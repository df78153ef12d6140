import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './rate-limits.ts';

export interface LoginThrottleOptions {
  /** Sign-in attempts per address in 15 minutes, whatever the account (password spraying). */
  attemptsPerAddress?: number;
  /** Failures of one account from one address before each further one doubles a wait. */
  freeFailures?: number;
  /** The first of those waits (then 2×, 4×, …). */
  firstWaitSeconds?: number;
  /** The longest wait of one account from one address. */
  maxBackoffSeconds?: number;
  /** Failures per account and hour from addresses it never signed in from (a distributed guess). */
  accountFailuresPerHour?: number;
  /** How many of those one address may use up: a lone attacker cannot fill the ceiling. */
  failuresPerAddressShare?: number;
  now?: () => number;
}

interface Backoff {
  failures: number;
  blockedUntil: number;
  lastAt: number;
}

const day = 86_400_000;
const maxTracked = 100_000;

/**
 * Keeps password guessing bounded without letting anyone lock an account's owner out:
 * - one account from one address: the first few failures are free, then each doubles a wait (up to
 *   `maxBackoffSeconds`); a success clears it. The wait holds for right and wrong passwords alike,
 *   so guessing through it is pointless, and it binds only that address.
 * - one address, any accounts: `attemptsPerAddress` in 15 minutes.
 * - one account, all addresses it has never signed in from: a slow ceiling (`accountFailuresPerHour`),
 *   to which each address adds at most `failuresPerAddressShare`. Addresses the owner has signed in
 *   from are exempt, so filling it shuts out nobody already known.
 * In memory, per server process (as the request rate limits are).
 */
export function createLoginThrottle(options: LoginThrottleOptions = {}) {
  const {
    attemptsPerAddress = 200,
    freeFailures = 5,
    firstWaitSeconds = 1,
    maxBackoffSeconds = 900,
    accountFailuresPerHour = 50,
    failuresPerAddressShare = 5,
    now = Date.now,
  } = options;
  const perAddress = new RateLimiterMemory({ points: attemptsPerAddress, duration: 900 });
  const perAccount = new RateLimiterMemory({ points: accountFailuresPerHour, duration: 3600 });
  const addressShare = new RateLimiterMemory({ points: failuresPerAddressShare, duration: 3600 });
  const backoffs = new Map<string, Backoff>();
  /** Account -> addresses it signed in from, with when. */
  const known = new Map<string, Map<string, number>>();

  const pairKey = (address: string, account: string) => `${account}\n${address}`;
  const isKnown = (address: string, account: string) =>
    now() - (known.get(account)?.get(address) ?? -Infinity) < 30 * day;
  const prune = () => {
    if (backoffs.size < maxTracked) return;
    for (const [key, b] of backoffs) if (now() - b.lastAt > day) backoffs.delete(key);
  };

  return {
    /** Before checking a password: throws RateLimitedError when this attempt must wait. */
    async check(address: string, account: string): Promise<void> {
      try {
        await perAddress.consume(address);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw limited('address', error.msBeforeNext);
        throw error;
      }
      const backoff = backoffs.get(pairKey(address, account));
      if (backoff && backoff.blockedUntil > now()) {
        throw limited('account from this address', backoff.blockedUntil - now());
      }
      if (!isKnown(address, account)) {
        const spent = await perAccount.get(account);
        if (spent && spent.consumedPoints >= accountFailuresPerHour) {
          throw limited('account from new addresses', spent.msBeforeNext);
        }
      }
    },
    /** A wrong password (or unknown account): lengthens this address's wait for the account. */
    async failed(address: string, account: string): Promise<void> {
      prune();
      const key = pairKey(address, account);
      const failures = (backoffs.get(key)?.failures ?? 0) + 1;
      const extra = failures - freeFailures;
      const waitMs =
        extra > 0 ? Math.min(firstWaitSeconds * 2 ** (extra - 1), maxBackoffSeconds) * 1000 : 0;
      backoffs.set(key, { failures, blockedUntil: now() + waitMs, lastAt: now() });
      if (isKnown(address, account)) return;
      const share = await addressShare.consume(key).then(
        () => true,
        () => false,
      );
      if (share) await perAccount.consume(account).catch(() => undefined);
    },
    /** The right password: clears this address's wait and remembers the address for the account. */
    succeeded(address: string, account: string): void {
      backoffs.delete(pairKey(address, account));
      const addresses = known.get(account) ?? new Map<string, number>();
      addresses.set(address, now());
      if (addresses.size > 50) addresses.delete(addresses.keys().next().value as string);
      known.set(account, addresses);
      if (known.size > maxTracked) known.delete(known.keys().next().value as string);
    },
  };
}

function limited(scope: string, ms: number): RateLimitedError {
  return new RateLimitedError(scope, Math.max(1, Math.ceil(ms / 1000)));
}
