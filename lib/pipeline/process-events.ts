import type { State } from "../state";
import type { Answer, AnyWebhookEvent } from "../types";
import { answers } from "./answers";
import { eventKey, handleClaimedEvent } from "./handle-claimed-event";

/**
 * Claims and handles the events of one delivery in order. Stops at the first event it cannot finish:
 * the sender retries the whole delivery, and the events done by then are skipped as duplicates.
 */
export async function processEvents(state: State, events: AnyWebhookEvent[]): Promise<Answer> {
  let duplicates = 0;
  for (const event of events) {
    const claim = await state.store.claim(eventKey(event), state.claimLeaseMs);
    if (claim === "done") {
      duplicates++;
      continue;
    }
    if (claim === "processing") return answers.inProgress(state.retryAfterSeconds);
    const outcome = await handleClaimedEvent(state, event, state.claimLeaseMs);
    if (!outcome.ok) return answers.handlerFailed();
  }
  return answers.accepted(events.length, duplicates);
}
