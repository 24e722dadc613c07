import type { State } from "../state";
import type { AnyWebhookEvent } from "../types";

/** Hands a handler failure to the onError handlers, or to the logger when there are none. */
export async function reportHandlerError(state: State, reason: unknown, event: AnyWebhookEvent): Promise<void> {
  const error = reason instanceof Error ? reason : new Error(String(reason));
  if (state.errorHandlers.length === 0) {
    state.log.error(`bankhooks: handler failed for ${event.name} (${event.id}); the event was released for the sender's retry`, error);
    return;
  }
  for (const handler of state.errorHandlers) {
    try {
      await handler(error, event);
    } catch (handlerError) {
      state.log.error("bankhooks: an onError handler threw", handlerError);
    }
  }
}
