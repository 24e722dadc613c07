import { dispatchEvent } from "../event-handler/dispatch-event";
import { reportHandlerError } from "../event-handler/report-handler-error";
import type { State } from "../state";
import type { Answer, AnyWebhookEvent } from "../types";
import { answers } from "./answers";
import { keepClaim } from "./keep-claim";

/**
 * Claims and handles the events of one delivery in order. Stops at the first event it cannot finish:
 * the sender retries the whole delivery, and the events done by then are skipped as duplicates.
 */
export async function processEvents(state: State, events: AnyWebhookEvent[]): Promise<Answer> {
  let duplicates = 0;
  for (const event of events) {
    // Namespaced, so that ids of two providers can never collide.
    const key = `${event.family}:${event.id}`;
    const claim = await state.store.claim(key, state.claimLeaseMs);
    if (claim === "done") {
      duplicates++;
      continue;
    }
    if (claim === "processing") return answers.inProgress(state.retryAfterSeconds);
    const stop = keepClaim(state, key, state.claimLeaseMs);
    try {
      await dispatchEvent(state, event);
    } catch (error) {
      stop();
      await state.store.release(key);
      await reportHandlerError(state, error, event);
      return answers.handlerFailed();
    }
    stop();
    await state.store.complete(key);
  }
  return answers.accepted(events.length, duplicates);
}
