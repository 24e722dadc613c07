import type { ConnectionOptions, Job, Queue, Worker } from "bullmq";
import { loadPeer } from "../optional/load-peer";
import type { RedisClientLike } from "../store/redis-store";
import { deserializeEvent } from "./serialize-event";
import {
  ClaimBusyError,
  resolveRetry,
  type DeadLetter,
  type QueueWorker,
  type QueuedEvent,
  type RetryOptions,
  type RunJob,
  type StartWorkerOptions,
  type WebhookQueue,
} from "./webhook-queue";

type BullMQ = typeof import("bullmq");
type OwnedClient = import("ioredis").Redis;

/** Where BullMQ connects: a Redis URL, ioredis options (`{ host, port, … }`), or an ioredis instance. */
export type BullmqConnection = string | Record<string, unknown> | RedisClientLike;

export interface BullmqQueueOptions {
  connection: BullmqConnection;
  /** The BullMQ queue name. Default "bankhooks". */
  name?: string;
  /** BullMQ's key prefix. Default BullMQ's own ("bull"). */
  prefix?: string;
  retry?: RetryOptions;
  /** Events run at once by each worker. Default 1. */
  concurrency?: number;
  /** How long a worker's hold on a job lasts unless renewed; a killed worker's jobs return after it. Default 30,000 ms. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died. Default 30,000 ms. */
  stalledIntervalMs?: number;
  /** How long a completed job is kept, so that re-enqueueing its id is a no-op. Default 1 hour. */
  keepCompletedSeconds?: number;
}

/** How soon a job waiting for its predecessor in the delivery is looked at again. */
const ORDER_POLL_MS = 50;
/** Pending states: the predecessor has yet to run (or to finish). */
const PENDING = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children", "wait"]);

/**
 * Queue mode on BullMQ: jobs are durable in Redis, retried with exponential backoff by any number of
 * workers, and kept as failed jobs (the dead letters) when every attempt failed.
 */
export function bullmqQueue(options: BullmqQueueOptions): WebhookQueue {
  if (!options || options.connection === undefined) throw new TypeError("bullmqQueue: pass { connection } (a Redis URL, ioredis options or an ioredis instance)");
  const retry = resolveRetry(options.retry);
  const name = options.name ?? "bankhooks";
  const lockDuration = options.lockDurationMs ?? 30_000;
  const opened: OwnedClient[] = [];
  const workers = new Set<Worker>();
  let bullmq: BullMQ | undefined;
  let connection: ConnectionOptions | undefined;
  let queue: Queue | undefined;

  // Loaded and connected on first use, so that constructing Webhooks opens nothing.
  const getQueue = (): Queue => {
    if (queue) return queue;
    bullmq = loadPeer<BullMQ>("bullmq", "bullmqQueue()");
    connection = toConnection(options.connection, opened);
    queue = new bullmq.Queue(name, { connection, prefix: options.prefix });
    queue.on("error", () => {}); // Errors reach the caller of each operation; don't crash on the event.
    return queue;
  };

  const jobOptions = (jobId: string) => ({
    jobId,
    attempts: retry.attempts,
    backoff: { type: "exponential", delay: retry.delayMs },
    removeOnComplete: { age: options.keepCompletedSeconds ?? 3600 },
    removeOnFail: false,
  });

  const predecessorPending = async (jobId: string | undefined) => {
    if (jobId === undefined) return false;
    const state = await getQueue().getJobState(jobId);
    return PENDING.has(state);
  };

  return {
    distributed: true,
    // A killed worker's jobs come back after its lock expires; its claims must not outlast that.
    claimLeaseMs: lockDuration,
    async enqueue(jobs: QueuedEvent[]) {
      await getQueue().addBulk(jobs.map((data) => ({ name: data.event.name, data, opts: jobOptions(data.jobId) })));
    },
    async startWorker(run: RunJob, workerOptions: StartWorkerOptions = {}): Promise<QueueWorker> {
      getQueue();
      const { Worker, DelayedError } = bullmq!;
      const later = async (job: Job, token: string | undefined, delayMs: number) => {
        await job.moveToDelayed(Date.now() + delayMs, token);
        // Tells BullMQ the job was rescheduled, not failed: no attempt is spent.
        throw new DelayedError();
      };
      const worker = new Worker(
        name,
        async (job: Job<QueuedEvent>, token?: string) => {
          if (await predecessorPending(job.data.after)) return later(job, token, ORDER_POLL_MS);
          try {
            await run(job.data);
          } catch (error) {
            if (error instanceof ClaimBusyError) return later(job, token, Math.max(retry.delayMs, ORDER_POLL_MS));
            throw error;
          }
        },
        {
          connection: connection!,
          prefix: options.prefix,
          concurrency: workerOptions.concurrency ?? options.concurrency ?? 1,
          lockDuration,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          // A job whose worker was killed goes back to the queue, a few times, rather than failing at once.
          maxStalledCount: 5,
        },
      );
      worker.on("error", () => {}); // Connection errors are retried by ioredis; failures are recorded on jobs.
      workers.add(worker);
      await worker.waitUntilReady();
      return {
        async close() {
          workers.delete(worker);
          await worker.close();
        },
      };
    },
    async deadLetters(): Promise<DeadLetter[]> {
      const failed = await getQueue().getFailed(0, -1);
      return failed.filter(Boolean).map((job) => ({
        id: job.id!,
        event: deserializeEvent((job.data as QueuedEvent).event),
        attempts: job.attemptsMade,
        error: job.failedReason ?? "",
        failedAt: new Date(job.finishedOn ?? Date.now()),
      }));
    },
    async replay(id: string): Promise<boolean> {
      const q = getQueue();
      const job = await bullmq!.Job.fromId(q, id);
      if (!job || (await job.getState()) !== "failed") return false;
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    },
    async close() {
      await Promise.all([...workers].map((worker) => worker.close()));
      workers.clear();
      await queue?.close();
      // quit() waits for a reply that a Redis out of reach never sends; disconnect() then just stops retrying.
      for (const client of opened) {
        if (client.status === "ready") await client.quit();
        else client.disconnect();
      }
    },
  };
}

/** A URL becomes an ioredis connection of our own (closed with the queue); the rest goes to BullMQ as is. */
function toConnection(connection: BullmqConnection, opened: OwnedClient[]): ConnectionOptions {
  if (typeof connection !== "string") return connection as ConnectionOptions;
  const { Redis } = loadPeer<typeof import("ioredis")>("ioredis", "bullmqQueue({ connection: url })");
  // BullMQ's workers block on Redis and need maxRetriesPerRequest: null.
  const client = new Redis(connection, { maxRetriesPerRequest: null });
  opened.push(client);
  return client as unknown as ConnectionOptions;
}
