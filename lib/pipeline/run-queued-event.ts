import { dispatchEvent } from "../event-handler/dispatch-event";
import { reportHandlerError } from "../event-handler/report-handler-error";
import { deserializeEvent } from "../queue/serialize-event";
import { ClaimBusyError, type QueuedEvent } from "../queue/webhook-queue";
import type { State } from "../state";
import { keepClaim } from "./keep-claim";

/**
 * A worker's run of one queued event, with the same claim as a live delivery: an event handled already
 * (a re-enqueued duplicate) is skipped, and one that another process is running is tried later.
 * A handler failure rejects, so that the queue retries with backoff or dead-letters it.
 */
export async function runQueuedEvent(state: State, job: QueuedEvent, leaseMs: number): Promise<void> {
  const event = deserializeEvent(job.event);
  const key = `${event.family}:${event.id}`;
  const claim = await state.store.claim(key, leaseMs);
  if (claim === "done") return;
  if (claim === "processing") throw new ClaimBusyError(job.jobId);
  const stop = keepClaim(state, key, leaseMs);
  try {
    await dispatchEvent(state, event);
  } catch (error) {
    stop();
    await state.store.release(key);
    await reportHandlerError(state, error, event);
    throw error;
  }
  stop();
  await state.store.complete(key);
}
