import { BoundedTtlMap, NO_EXPIRY } from "./bounded-ttl-map";
import type { ClaimResult, IdempotencyStore } from "./idempotency-store";

export interface MemoryStoreOptions {
  /** How long a handled id is remembered. Default 4 days: iBanFirst retries for 3. */
  ttlSeconds?: number;
  /** Ids remembered at most; the oldest handled ones are forgotten first. Default 100,000. */
  maxEntries?: number;
}

const FOUR_DAYS_SECONDS = 4 * 24 * 60 * 60;

/**
 * The default store: one process's memory. In-flight claims need no lease here: their holder is this
 * process, and they end when its handler settles. Use a shared store when several processes receive.
 */
export function memoryStore(options: MemoryStoreOptions = {}): IdempotencyStore {
  const ttlMs = (options.ttlSeconds ?? FOUR_DAYS_SECONDS) * 1000;
  if (!(ttlMs > 0)) throw new TypeError(`memoryStore: ttlSeconds must be positive, got ${options.ttlSeconds}`);
  const ids = new BoundedTtlMap(options.maxEntries ?? 100_000);

  return {
    async claim(id: string): Promise<ClaimResult> {
      const now = Date.now();
      const expiresAt = ids.get(id, now);
      if (expiresAt === NO_EXPIRY) return "processing";
      if (expiresAt !== undefined) return "done";
      ids.set(id, NO_EXPIRY, now);
      return "claimed";
    },
    async complete(id: string): Promise<void> {
      const now = Date.now();
      ids.set(id, now + ttlMs, now);
    },
    async release(id: string): Promise<void> {
      ids.delete(id);
    },
  };
}
