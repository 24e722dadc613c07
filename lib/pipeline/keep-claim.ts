import type { State } from "../state";

const KEEP_NOTHING = () => {};

/**
 * Renews a claim while its handlers run, for stores whose claims expire (Redis): without it a handler
 * that outlives the lease would let a retry run the same event beside it. Returns the function that stops.
 */
export function keepClaim(state: State, key: string, leaseMs: number): () => void {
  const { store } = state;
  if (!store.extend) return KEEP_NOTHING;
  const timer = setInterval(() => {
    store.extend!(key, leaseMs).then(
      (held) => {
        if (!held) state.log.warn(`bankhooks: the claim on ${key} expired while its handlers ran; a retry may run it again`);
      },
      (error) => state.log.warn(`bankhooks: could not renew the claim on ${key}`, error),
    );
  }, Math.max(Math.floor(leaseMs / 3), 10));
  // A pending renewal must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
