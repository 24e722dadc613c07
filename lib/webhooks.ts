import type { IncomingHttpHeaders } from "node:http";
import { createState } from "./create-state";
import { on, onAny, onError } from "./event-handler/on";
import { removeListener } from "./event-handler/remove-listener";
import { createMiddleware, type Middleware } from "./middleware/create-middleware";
import type { MiddlewareOptions } from "./middleware/route-request";
import { handleDelivery } from "./pipeline/handle-delivery";
import { runQueuedEvent } from "./pipeline/run-queued-event";
import type { DeadLetter, QueueWorker, StartWorkerOptions, WebhookQueue } from "./queue/webhook-queue";
import { reconcileBankConnect, type ReconcileOptions, type ReconcileResult } from "./reconcile/reconcile-bankconnect";
import type { State } from "./state";
import type {
  AnyHandlerFunction,
  Answer,
  ErrorHandlerFunction,
  EventName,
  FamilyName,
  HandlerFunction,
  WebhooksOptions,
} from "./types";

export interface ReceiveOptions {
  headers?: IncomingHttpHeaders;
  /** Query parameters, as a BankConnect `?token=` would arrive. */
  query?: Record<string, string> | URLSearchParams;
  /** The client address, for a BankConnect allowlist. */
  ip?: string;
  /** false skips authentication, for sources you already trust (tests, replays). Default true. */
  verify?: boolean;
}

/** Receives BankConnect and iBanFirst webhooks: register handlers, then mount `middleware()`. */
export class Webhooks {
  readonly #state: State;

  constructor(options: WebhooksOptions = {}) {
    this.#state = createState(options);
  }

  /** Handles one documented event type, or several. */
  on<N extends EventName>(name: N | readonly N[], handler: HandlerFunction<N>): void {
    on(this.#state, name, handler as AnyHandlerFunction);
  }

  /** Handles every event, documented or not. */
  onAny(handler: AnyHandlerFunction): void {
    onAny(this.#state, handler);
  }

  /** Called when a handler throws or rejects, with the event; the event is released for the sender's retry. */
  onError(handler: ErrorHandlerFunction): void {
    onError(this.#state, handler);
  }

  /** Removes a handler; "*" for one added with onAny. */
  removeListener<N extends EventName>(name: N | readonly N[] | "*", handler: HandlerFunction<N> | AnyHandlerFunction): void {
    removeListener(this.#state, name, handler as AnyHandlerFunction);
  }

  /**
   * Express (4 or 5) or node:http middleware. Serves POST `<mount>/bankconnect` and GET/POST
   * `<mount>/ibanfirst`, or one family at the mount path with `{ family }`; other paths go to next().
   */
  middleware(options: MiddlewareOptions = {}): Middleware {
    return createMiddleware(this.#state, options);
  }

  /** The same pipeline without HTTP: resolves to the answer the middleware would have sent. */
  receive(family: FamilyName, body: Buffer | string | object, options: ReceiveOptions = {}): Promise<Answer> {
    return handleDelivery(this.#state, family, {
      method: "POST",
      headers: options.headers ?? {},
      query: new URLSearchParams(options.query),
      getIp: () => options.ip,
      readBody: async () => body,
      checkContentType: false,
      verify: options.verify ?? true,
    });
  }

  /**
   * Recovers missed webhooks: fetches the payloads BankConnect stored for a link and runs, oldest first,
   * those the idempotency store has not seen, through the same pipeline as a live delivery.
   */
  async reconcile(family: "bankconnect", options: ReconcileOptions): Promise<ReconcileResult> {
    // Only BankConnect keeps sent payloads for anyone to fetch again.
    if (family !== "bankconnect") throw new TypeError(`bankhooks: reconcile supports "bankconnect" only, got ${JSON.stringify(family)}`);
    return reconcileBankConnect(this.#state, options);
  }

  /**
   * Queue mode: runs the queued events through this instance's handlers, with the queue's retries,
   * until `close()` is called on the result. Any number of workers may run, in any processes.
   */
  async startWorker(options: StartWorkerOptions = {}): Promise<QueueWorker> {
    const queue = this.#queue("startWorker()");
    return queue.startWorker((job) => runQueuedEvent(this.#state, job, queue.claimLeaseMs), options);
  }

  /** Queue mode: the events whose every attempt failed, oldest first. */
  async deadLetters(): Promise<DeadLetter[]> {
    const letters = await this.#queue("deadLetters()").deadLetters();
    return letters.sort((a, b) => a.failedAt.getTime() - b.failedAt.getTime());
  }

  /** Queue mode: queues a dead letter again, with all its attempts; false when `id` is no dead letter. */
  async replay(id: string): Promise<boolean> {
    return this.#queue("replay()").replay(id);
  }

  /** Closes the queue's workers and connections and the store's own connection; handlers in flight finish first. */
  async close(): Promise<void> {
    await this.#state.queue?.close();
    await this.#state.store.close?.();
  }

  #queue(method: string): WebhookQueue {
    const { queue } = this.#state;
    if (!queue) throw new TypeError(`bankhooks: ${method} needs queue mode: new Webhooks({ ack: "queue", queue: bullmqQueue({ connection }) })`);
    return queue;
  }
}
