/** What `claim` found: take it, someone else is on it, or it was handled already. */
export type ClaimResult = "claimed" | "processing" | "done";

/**
 * Remembers which event ids were handled, so that a sender's retry does not run handlers twice.
 * Async throughout so that a shared store (Redis, a database) can implement it.
 */
export interface IdempotencyStore {
  /**
   * Takes `id` for processing when nobody has it. `leaseMs` bounds how long the claim blocks others
   * if its holder dies without completing or releasing it: stores shared between processes must honour it.
   */
  claim(id: string, leaseMs: number): Promise<ClaimResult>;
  /** Marks `id` handled: later claims answer "done" until the store's TTL passes. */
  complete(id: string): Promise<void>;
  /** Gives `id` up after a failure, so that the sender's retry runs it again. */
  release(id: string): Promise<void>;
  /**
   * Renews this process's claim on `id` for another `leaseMs`, while a long handler runs; false when the
   * claim was lost (it expired and someone else holds it). Stores whose claims cannot expire omit it.
   */
  extend?(id: string, leaseMs: number): Promise<boolean>;
  /** Frees what the store opened itself (a connection it created from a URL). */
  close?(): Promise<void>;
}
