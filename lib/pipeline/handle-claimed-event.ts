import { dispatchEvent } from "../event-handler/dispatch-event";
import { reportHandlerError } from "../event-handler/report-handler-error";
import type { State } from "../state";
import type { AnyWebhookEvent } from "../types";
import { keepClaim } from "./keep-claim";

/** The store key of an event: namespaced by family, so that ids of two providers can never collide. */
export function eventKey(event: Pick<AnyWebhookEvent, "family" | "id">): string {
  return `${event.family}:${event.id}`;
}

/**
 * Runs the handlers of an event this process has claimed, renewing the claim meanwhile: marks it done
 * when they succeed; releases it (for a retry) and reports the error when one fails. Store errors propagate.
 */
export async function handleClaimedEvent(state: State, event: AnyWebhookEvent, leaseMs: number): Promise<{ ok: true } | { ok: false; error: unknown }> {
  const key = eventKey(event);
  const stop = keepClaim(state, key, leaseMs);
  try {
    await dispatchEvent(state, event);
  } catch (error) {
    stop();
    await state.store.release(key);
    await reportHandlerError(state, error, event);
    return { ok: false, error };
  }
  stop();
  await state.store.complete(key);
  return { ok: true };
}
