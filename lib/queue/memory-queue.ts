import { BoundedTtlMap } from "../store/bounded-ttl-map";
import { deserializeEvent } from "./serialize-event";
import {
  ClaimBusyError,
  backoffDelay,
  resolveRetry,
  type DeadLetter,
  type QueueWorker,
  type QueuedEvent,
  type RetryOptions,
  type RunJob,
  type StartWorkerOptions,
  type WebhookQueue,
} from "./webhook-queue";

export interface MemoryQueueOptions {
  retry?: RetryOptions;
  /** Events run at once by the worker. Default 1. */
  concurrency?: number;
  /** How long a completed job id still turns a re-enqueue into a no-op. Default 1 hour. */
  keepCompletedSeconds?: number;
}

type JobState = "waiting" | "active" | "delayed" | "failed";

interface Job {
  data: QueuedEvent;
  state: JobState;
  attemptsMade: number;
  error?: string;
  failedAt?: Date;
  timer?: NodeJS.Timeout;
}

/** How soon a job waiting for its predecessor in the delivery looks again. */
const ORDER_POLL_MS = 10;

/**
 * Queue mode inside one process, for development and tests: the same retries, ordering and dead
 * letters as `bullmqQueue`, but NOT durable: whatever is queued is lost when the process exits.
 */
export function memoryQueue(options: MemoryQueueOptions = {}): WebhookQueue {
  const retry = resolveRetry(options.retry);
  const keepCompletedMs = (options.keepCompletedSeconds ?? 3600) * 1000;
  const jobs = new Map<string, Job>();
  const completed = new BoundedTtlMap(100_000);
  const waiting: Job[] = [];
  let worker: { run: RunJob; concurrency: number; active: Set<Promise<void>>; closed: boolean } | undefined;

  const later = (job: Job, delayMs: number) => {
    job.state = "delayed";
    job.timer = setTimeout(() => {
      job.timer = undefined;
      if (job.state !== "delayed") return;
      job.state = "waiting";
      waiting.push(job);
      pump();
    }, delayMs);
  };

  const predecessorPending = (job: Job) => {
    const before = job.data.after === undefined ? undefined : jobs.get(job.data.after);
    // Gone means completed; a dead-lettered predecessor does not hold the rest back forever.
    return before !== undefined && before.state !== "failed";
  };

  const execute = async (job: Job, run: RunJob) => {
    job.state = "active";
    try {
      await run(job.data);
      jobs.delete(job.data.jobId);
      completed.set(job.data.jobId, Date.now() + keepCompletedMs, Date.now());
    } catch (error) {
      if (error instanceof ClaimBusyError) return later(job, retry.delayMs);
      job.attemptsMade++;
      job.error = error instanceof Error ? error.message : String(error);
      if (job.attemptsMade >= retry.attempts) {
        job.state = "failed";
        job.failedAt = new Date();
      } else {
        later(job, backoffDelay(retry, job.attemptsMade));
      }
    }
  };

  function pump(): void {
    if (!worker || worker.closed) return;
    while (worker.active.size < worker.concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      if (job.state !== "waiting") continue;
      if (predecessorPending(job)) {
        later(job, ORDER_POLL_MS);
        continue;
      }
      const running: Promise<void> = execute(job, worker.run).finally(() => {
        worker?.active.delete(running);
        pump();
      });
      worker.active.add(running);
    }
  }

  return {
    distributed: false,
    // One process: its claims end with their handlers, so the lease never decides anything.
    claimLeaseMs: 30_000,
    async enqueue(queued) {
      const now = Date.now();
      for (const data of queued) {
        if (jobs.has(data.jobId) || completed.get(data.jobId, now) !== undefined) continue;
        const job: Job = { data, state: "waiting", attemptsMade: 0 };
        jobs.set(data.jobId, job);
        waiting.push(job);
      }
      pump();
    },
    async startWorker(run: RunJob, workerOptions: StartWorkerOptions = {}): Promise<QueueWorker> {
      if (worker && !worker.closed) throw new Error("memoryQueue: a worker is already running in this process");
      const concurrency = workerOptions.concurrency ?? options.concurrency ?? 1;
      const current = { run, concurrency, active: new Set<Promise<void>>(), closed: false };
      worker = current;
      pump();
      return {
        async close() {
          current.closed = true;
          await Promise.allSettled([...current.active]);
        },
      };
    },
    async deadLetters(): Promise<DeadLetter[]> {
      return [...jobs.values()]
        .filter((job) => job.state === "failed")
        .map((job) => ({
          id: job.data.jobId,
          event: deserializeEvent(job.data.event),
          attempts: job.attemptsMade,
          error: job.error ?? "",
          failedAt: job.failedAt!,
        }));
    },
    async replay(id: string): Promise<boolean> {
      const job = jobs.get(id);
      if (!job || job.state !== "failed") return false;
      Object.assign(job, { state: "waiting", attemptsMade: 0, error: undefined, failedAt: undefined });
      waiting.push(job);
      pump();
      return true;
    },
    async close() {
      if (worker) {
        worker.closed = true;
        await Promise.allSettled([...worker.active]);
      }
      for (const job of jobs.values()) clearTimeout(job.timer);
    },
  };
}
