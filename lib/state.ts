import type { Authenticator } from "./auth/authenticator";
import type { Family } from "./families";
import type { WebhookQueue } from "./queue/webhook-queue";
import type { AnyHandlerFunction, ErrorHandlerFunction, FamilyName, IdempotencyStore, Logger } from "./types";

/** Everything a Webhooks instance holds; the small functions of the pipeline take it as their first argument. */
export interface State {
  /** The families served, with their authenticator (undefined: none configured). */
  families: Map<FamilyName, { family: Family; authenticate?: Authenticator }>;
  store: IdempotencyStore;
  /** Queue mode (`ack: "queue"`): deliveries are answered once their events are queued. */
  queue: WebhookQueue | undefined;
  enqueueTimeoutMs: number;
  /** Handlers by event name. */
  handlers: Map<string, AnyHandlerFunction[]>;
  anyHandlers: AnyHandlerFunction[];
  errorHandlers: ErrorHandlerFunction[];
  bodyLimit: number;
  bodyTimeoutMs: number;
  timeoutMs: number | undefined;
  retryAfterSeconds: number;
  claimLeaseMs: number;
  maxNotifications: number;
  log: Logger;
}
