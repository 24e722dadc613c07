export { Webhooks, type ReceiveOptions } from "./webhooks";
export { memoryStore, type MemoryStoreOptions } from "./store/memory-store";
export type { ClaimResult, IdempotencyStore } from "./store/idempotency-store";
export type { Middleware, NextFunction } from "./middleware/create-middleware";
export type { MiddlewareOptions } from "./middleware/route-request";
export { EVENT_NAMES } from "./event-handler/validate-event-name";
export { BANKCONNECT_EVENT_TYPES, IBANFIRST_EVENT_TYPES, type IbanfirstBodies } from "./generated/event-types";
export type * from "./generated/schema-types";
export type * from "./types";
