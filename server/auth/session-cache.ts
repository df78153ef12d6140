import { LRUCache } from 'lru-cache';
import type { SignedIn } from '../../schema/accounts/account.model.ts';

/** Default time a verified session is trusted without asking Neo4j again (SESSION_CACHE_SECONDS). */
export const defaultSessionCacheSeconds = 30;

interface Entry {
  account: SignedIn;
  /** The account's generation when the session was read: a later change makes the entry stale. */
  generation: number;
}

/**
 * Verified sessions kept in memory for a short time, so a signed-in request does not look its session
 * up in Neo4j every time (that lookup was about 14 ms of every request).
 *
 * Whatever this process changes about an account (logout, revocation, a new password, a disabled
 * account, another role or team) takes effect at once: `forgetAccount` bumps the account's generation
 * before and after the write commits, and an entry read under an older generation is never used or
 * stored. A change made by another app server (or straight in the database) is seen here after at
 * most `ttlMs`, and a session never outlives its own `expiresAt`.
 */
export class SessionCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly generations = new Map<string, number>();
  /** Bumped by every `forgetAccount`: a read that overlapped any change is not remembered. */
  private changes = 0;

  constructor(readonly ttlMs: number) {
    // Only verified sessions are stored, so the size is bounded by the sessions in use within ttlMs;
    // the cap keeps memory flat even then.
    this.entries = new LRUCache<string, Entry>({ max: 20_000, ttl: Math.max(1, ttlMs) });
  }

  private generation(accountId: string): number {
    return this.generations.get(accountId) ?? 0;
  }

  /**
   * The session a token (key) names: from memory when fresh, else from `load` (Neo4j), which is then
   * remembered unless the account changed while it was read.
   */
  async find(
    key: string,
    load: () => Promise<(SignedIn & { expiresAtMs: number }) | null>,
  ): Promise<SignedIn | null> {
    if (this.ttlMs <= 0) return load();
    const cached = this.entries.get(key);
    if (cached && cached.generation === this.generation(cached.account.id)) return cached.account;
    const changesBefore = this.changes;
    const found = await load();
    if (!found) return null;
    const { expiresAtMs, ...account } = found;
    const ttl = Math.min(this.ttlMs, expiresAtMs - Date.now());
    if (this.changes === changesBefore && ttl > 0) {
      this.entries.set(key, { account, generation: this.generation(account.id) }, { ttl });
    }
    return account;
  }

  /** Every cached session of the account stops counting now (call before and after the write). */
  forgetAccount(accountId: string): void {
    this.generations.set(accountId, this.generation(accountId) + 1);
    this.changes++;
  }
}
