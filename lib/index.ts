export { Webhooks, type ReceiveOptions } from "./webhooks";
export type { ReconcileOptions, ReconcileResult } from "./reconcile/reconcile-bankconnect";
export type { ReconcileOutcome } from "./reconcile/classify-answer";
export {
  bankConnectClient,
  BANKCONNECT_API_URL,
  type BankConnectClient,
  type BankConnectClientOptions,
  type BankConnectWebhookMode,
} from "./clients/bankconnect-client";
export { ibanfirstClient, IBANFIRST_API_URL, type IbanfirstClient, type IbanfirstClientOptions } from "./clients/ibanfirst-client";
export { ProviderApiError, type ProviderApiErrorCode, type ProviderApiErrorDetails } from "./clients/provider-api-error";
export { memoryStore, type MemoryStoreOptions } from "./store/memory-store";
export { redisStore, type RedisStoreOptions, type RedisClientLike } from "./store/redis-store";
export type { ClaimResult, IdempotencyStore } from "./store/idempotency-store";
export { bullmqQueue, type BullmqQueueOptions, type BullmqConnection } from "./queue/bullmq-queue";
export { memoryQueue, type MemoryQueueOptions } from "./queue/memory-queue";
export type { DeadLetter, QueueWorker, QueuedEvent, RetryOptions, StartWorkerOptions, WebhookQueue } from "./queue/webhook-queue";
export type { SerializedEvent } from "./queue/serialize-event";
export type { Middleware, NextFunction } from "./middleware/create-middleware";
export type { MiddlewareOptions } from "./middleware/route-request";
export { EVENT_NAMES } from "./event-handler/validate-event-name";
export { BANKCONNECT_EVENT_TYPES, IBANFIRST_EVENT_TYPES, type IbanfirstBodies } from "./generated/event-types";
export type * from "./generated/schema-types";
export type * from "./types";
