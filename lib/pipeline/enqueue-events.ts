import { toQueuedEvents } from "../queue/serialize-event";
import type { WebhookQueue } from "../queue/webhook-queue";
import type { State } from "../state";
import type { Answer, AnyWebhookEvent } from "../types";
import { answers } from "./answers";

/** Queue mode: the delivery is acknowledged once the queue holds all its events, before any handler runs. */
export async function enqueueEvents(state: State, queue: WebhookQueue, events: AnyWebhookEvent[]): Promise<Answer> {
  try {
    await withDeadline(queue.enqueue(toQueuedEvents(events)), state.enqueueTimeoutMs);
  } catch (error) {
    // Nothing was acknowledged, so the sender keeps the delivery and retries it; job ids make that safe
    // even if this enqueue still lands later.
    state.log.error("bankhooks: could not enqueue a delivery; answered 503", error);
    return answers.queueUnavailable(state.retryAfterSeconds);
  }
  return answers.queued(events.length);
}

/** A Redis that is down makes clients retry for a long time: the sender must not wait that long. */
async function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue did not take the delivery within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // A late failure after the deadline has nothing left to answer.
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
