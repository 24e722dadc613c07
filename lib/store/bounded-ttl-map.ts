/** Entries that never expire by time (in-flight claims) and are skipped by eviction. */
export const NO_EXPIRY = Number.POSITIVE_INFINITY;

/**
 * A Map of key → expiry time (ms) bounded by `maxEntries`. Evicts the oldest entries first; entries
 * are re-inserted when their expiry changes, so insertion order is also expiry order for a fixed TTL,
 * and expired ones are swept cheaply from the front.
 */
export class BoundedTtlMap {
  private readonly entries = new Map<string, number>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new TypeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The expiry of `key`, or undefined when absent or expired. */
  get(key: string, now: number): number | undefined {
    const expiresAt = this.entries.get(key);
    if (expiresAt === undefined) return undefined;
    if (expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return expiresAt;
  }

  set(key: string, expiresAt: number, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, expiresAt);
    this.sweep(now);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(now: number): void {
    // Expired entries at the front go first; then the oldest until within bounds.
    for (const [key, expiresAt] of this.entries) {
      if (expiresAt > now) break;
      this.entries.delete(key);
    }
    if (this.entries.size <= this.maxEntries) return;
    for (const [key, expiresAt] of this.entries) {
      if (expiresAt === NO_EXPIRY) continue;
      this.entries.delete(key);
      if (this.entries.size <= this.maxEntries) return;
    }
  }
}
