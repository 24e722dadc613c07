import type { State } from "../state";
import type { AnyHandlerFunction, AnyWebhookEvent } from "../types";

/** Runs every handler of the event, side by side, and fails if any of them failed once all have settled. */
export async function dispatchEvent(state: State, event: AnyWebhookEvent): Promise<void> {
  const named = event.documented ? (state.handlers.get(event.name) ?? []) : [];
  const handlers = named.length === 0 ? state.anyHandlers : [...named, ...state.anyHandlers];
  if (handlers.length === 0) return;
  if (handlers.length === 1) return void (await handlers[0](event));

  // All settle before the claim is released, so a retry never runs alongside a handler still going.
  const results = await Promise.allSettled(handlers.map((handler) => invoke(handler, event)));
  const errors = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} handlers failed for ${event.name}`);
}

async function invoke(handler: AnyHandlerFunction, event: AnyWebhookEvent): Promise<unknown> {
  return handler(event);
}
