import type { AnyWebhookEvent } from "../types";
import type { SerializedEvent } from "./serialize-event";

/** One event as a queue holds it: plain JSON, so that another process can run it. */
export interface QueuedEvent {
  /** Unique per event (its family and id): a retried delivery adds nothing new. */
  jobId: string;
  event: SerializedEvent;
  /** The job of the event before it in the same delivery: this one waits until that one has run. */
  after?: string;
}

/** What the worker does with one job; a rejection counts as a failed attempt. */
export type RunJob = (job: QueuedEvent) => Promise<void>;

export interface RetryOptions {
  /** Tries in all, the first included, before the event is dead-lettered. Default 10. */
  attempts?: number;
  /** The first retry's delay; each next one doubles it. Default 1,000 ms. */
  delayMs?: number;
}

export interface StartWorkerOptions {
  /** Events run at once. Default: the queue's `concurrency`, else 1. */
  concurrency?: number;
}

export interface QueueWorker {
  /** Stops taking jobs and waits for the running ones. */
  close(): Promise<void>;
}

/** An event whose every attempt failed: listed by `deadLetters()`, run again by `replay(id)`. */
export interface DeadLetter {
  /** The job id, to pass to `replay`. */
  id: string;
  event: AnyWebhookEvent;
  attempts: number;
  /** The last attempt's error message. */
  error: string;
  failedAt: Date;
}

/** The seam between the pipeline and a queue (BullMQ, or memory for development). */
export interface WebhookQueue {
  /** Whether several processes share it (and so should share an idempotency store too). */
  readonly distributed: boolean;
  /** How long a worker's claim on an event lasts unless renewed: a killed worker's events wait no longer. */
  readonly claimLeaseMs: number;
  /** Resolves once the queue holds every job; jobs whose id it already holds are left as they are. */
  enqueue(jobs: QueuedEvent[]): Promise<void>;
  startWorker(run: RunJob, options?: StartWorkerOptions): Promise<QueueWorker>;
  deadLetters(): Promise<DeadLetter[]>;
  /** Moves a dead letter back to the queue with all its attempts; false when no dead letter has that id. */
  replay(id: string): Promise<boolean>;
  /** Closes what the queue opened (workers, connections it created). */
  close(): Promise<void>;
}

/**
 * Thrown by a job run that could not start because another process holds the event's claim: the job
 * is tried again later without spending an attempt.
 */
export class ClaimBusyError extends Error {
  constructor(readonly jobId: string) {
    super(`event ${jobId} is being processed elsewhere`);
    this.name = "ClaimBusyError";
  }
}

/** The delay before retry number `attempt` (1-based): exponential, as the README documents. */
export function backoffDelay(retry: Required<RetryOptions>, attempt: number): number {
  return retry.delayMs * 2 ** (attempt - 1);
}

export function resolveRetry(retry: RetryOptions = {}): Required<RetryOptions> {
  const attempts = retry.attempts ?? 10;
  const delayMs = retry.delayMs ?? 1000;
  if (!Number.isInteger(attempts) || attempts < 1) throw new TypeError(`retry.attempts must be a positive integer, got ${attempts}`);
  if (!(delayMs >= 0) || !Number.isFinite(delayMs)) throw new TypeError(`retry.delayMs must be a number ≥ 0, got ${delayMs}`);
  return { attempts, delayMs };
}
