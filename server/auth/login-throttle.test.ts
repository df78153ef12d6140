import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.ts';
import { RateLimitedError } from './rate-limits.ts';

/** A throttle on a clock the test moves. */
function throttle(options: Parameters<typeof createLoginThrottle>[0] = {}) {
  let t = 1_000_000;
  const login = createLoginThrottle({ ...options, now: () => t });
  /** The wait (seconds) this attempt meets, or 0 when it may go ahead. */
  const wait = (address: string, account: string) =>
    login.check(address, account).then(
      () => 0,
      (error: unknown) => {
        if (error instanceof RateLimitedError) return error.retryAfterSeconds;
        throw error;
      },
    );
  return { login, wait, pass: (seconds: number) => (t += seconds * 1000) };
}

describe('login throttle', () => {
  it('lets 5 failures go, then doubles the wait of that account from that address, up to a cap', async () => {
    const { login, wait, pass } = throttle({ maxBackoffSeconds: 64 });
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const w = await wait('10.0.0.1', 'owner@x');
      waits.push(w);
      pass(w);
      await login.failed('10.0.0.1', 'owner@x');
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 64]);
    // The wait binds the right password too: guessing through it is pointless.
    expect(await wait('10.0.0.1', 'owner@x')).toBe(64);
  });

  it('never makes the owner wait at another address for an attacker’s failures', async () => {
    const { login, wait } = throttle();
    for (let i = 0; i < 40; i++) await login.failed('10.0.0.66', 'owner@x');
    expect(await wait('10.0.0.66', 'owner@x')).toBeGreaterThan(0);
    expect(await wait('192.168.1.5', 'owner@x')).toBe(0);
  });

  it('caps a distributed guess at the account’s ceiling, except for addresses the owner used', async () => {
    const { login, wait } = throttle({ accountFailuresPerHour: 20, failuresPerAddressShare: 5 });
    login.succeeded('192.168.1.5', 'owner@x');
    // One address cannot fill the ceiling alone ...
    for (let i = 0; i < 30; i++) await login.failed('10.0.0.1', 'owner@x');
    expect(await wait('10.0.0.99', 'owner@x')).toBe(0);
    // ... four can: new addresses then wait, the owner's known one does not.
    for (const address of ['10.0.0.2', '10.0.0.3', '10.0.0.4'])
      for (let i = 0; i < 5; i++) await login.failed(address, 'owner@x');
    expect(await wait('10.0.0.99', 'owner@x')).toBeGreaterThan(0);
    expect(await wait('192.168.1.5', 'owner@x')).toBe(0);
  });

  it('clears the wait after the right password', async () => {
    const { login, wait, pass } = throttle();
    for (let i = 0; i < 7; i++) await login.failed('10.0.0.1', 'owner@x');
    pass(await wait('10.0.0.1', 'owner@x'));
    login.succeeded('10.0.0.1', 'owner@x');
    await login.failed('10.0.0.1', 'owner@x');
    expect(await wait('10.0.0.1', 'owner@x')).toBe(0);
  });

  it('limits the attempts of one address across accounts', async () => {
    const { wait } = throttle({ attemptsPerAddress: 3 });
    const waits = [];
    for (const account of ['a@x', 'b@x', 'c@x', 'd@x']) waits.push(await wait('10.0.0.1', account));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(0);
  });
});
