import { compactKey } from "./compact-key";

/** Entries that never expire by time (in-flight claims) and are skipped by eviction. */
export const NO_EXPIRY = Number.POSITIVE_INFINITY;

/**
 * A Map of key → expiry time (ms) bounded by `maxEntries`. Evicts the oldest entries first; entries
 * are re-inserted when their expiry changes, so insertion order is also expiry order for a fixed TTL,
 * and expired ones are swept cheaply from the front.
 */
export class BoundedTtlMap {
  /** Entries with an expiry, oldest first. Expiries are kept relative to `base`: small integers cost no heap. */
  private readonly expiring = new Map<string, number>();
  /** Entries without expiry: never evicted, so kept out of the eviction order. */
  private readonly held = new Set<string>();
  private base: number | undefined;
  /**
   * One live iterator over `expiring`, never restarted while it lasts: a fresh iterator would walk past every
   * deleted slot at the front of the Map again, which made each write cost O(evicted) once the bound was hit.
   */
  private cursor: IterableIterator<[string, number]> | undefined;
  /** The entry the cursor is on: the oldest, once checked to be still there. */
  private head: [string, number] | undefined;

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new TypeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.expiring.size + this.held.size;
  }

  /** The expiry of `key`, or undefined when absent or expired. */
  get(key: string, now: number): number | undefined {
    if (this.held.has(key)) return NO_EXPIRY;
    const stored = this.expiring.get(key);
    if (stored === undefined) return undefined;
    const expiresAt = stored + this.base!;
    if (expiresAt <= now) {
      this.expiring.delete(key);
      return undefined;
    }
    return expiresAt;
  }

  set(key: string, expiresAt: number, now: number): void {
    if (expiresAt === NO_EXPIRY) {
      this.expiring.delete(key);
      this.held.add(compactKey(key));
    } else {
      this.held.delete(key);
      this.expiring.delete(key);
      this.base ??= now;
      this.expiring.set(compactKey(key), expiresAt - this.base);
    }
    this.sweep(now);
  }

  delete(key: string): void {
    if (!this.held.delete(key)) this.expiring.delete(key);
  }

  private sweep(now: number): void {
    // Expired entries at the front go first; then the oldest until within bounds.
    for (let head = this.oldest(); head && head[1] + this.base! <= now; head = this.oldest()) this.dropOldest(head[0]);
    // The size first: below the bound (the common case) there is no need to look for the oldest.
    while (this.size > this.maxEntries) {
      const head = this.oldest();
      if (!head) break;
      this.dropOldest(head[0]);
    }
  }

  private oldest(): [string, number] | undefined {
    for (;;) {
      if (this.head) {
        // Deleted or re-inserted (so further on) since the cursor passed it: not the oldest any more.
        if (this.expiring.get(this.head[0]) === this.head[1]) return this.head;
        this.head = undefined;
      }
      this.cursor ??= this.expiring.entries();
      const next = this.cursor.next();
      if (next.done) {
        // A finished Map iterator stays finished: start a new one when entries come.
        this.cursor = undefined;
        return undefined;
      }
      this.head = next.value;
    }
  }

  private dropOldest(key: string): void {
    this.expiring.delete(key);
    this.head = undefined;
  }
}
