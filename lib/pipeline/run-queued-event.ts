import { deserializeEvent } from "../queue/serialize-event";
import { ClaimBusyError, type QueuedEvent } from "../queue/webhook-queue";
import type { State } from "../state";
import { eventKey, handleClaimedEvent } from "./handle-claimed-event";

/**
 * A worker's run of one queued event, with the same claim as a live delivery: an event handled already
 * (a re-enqueued duplicate) is skipped, and one that another process is running is tried later.
 * A handler failure rejects, so that the queue retries with backoff or dead-letters it.
 */
export async function runQueuedEvent(state: State, job: QueuedEvent, leaseMs: number): Promise<void> {
  const event = deserializeEvent(job.event);
  const claim = await state.store.claim(eventKey(event), leaseMs);
  if (claim === "done") return;
  if (claim === "processing") throw new ClaimBusyError(job.jobId);
  const outcome = await handleClaimedEvent(state, event, leaseMs);
  // Rethrown as an Error whatever was thrown (`throw undefined` too), so that the queue counts a failure.
  if (!outcome.ok) throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
}
