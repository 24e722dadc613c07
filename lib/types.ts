import type { IncomingHttpHeaders } from "node:http";
import type { BANKCONNECT_EVENT_TYPES, IBANFIRST_EVENT_TYPES, IbanfirstBodies } from "./generated/event-types";
import type { BankConnectWebhook, IbanfirstNotificationEnvelope } from "./generated/schema-types";
import type { WebhookQueue } from "./queue/webhook-queue";
import type { IdempotencyStore } from "./store/idempotency-store";

export type FamilyName = "bankconnect" | "ibanfirst";
export type BankConnectEventType = (typeof BANKCONNECT_EVENT_TYPES)[number];
export type IbanfirstEventType = (typeof IBANFIRST_EVENT_TYPES)[number];

/** Every event name a handler can be registered for: `<family>.<type>`. */
export type EventName = `bankconnect.${BankConnectEventType}` | `ibanfirst.${IbanfirstEventType}`;

/** One iBanFirst notification, its body typed for its documented type. */
export type IbanfirstNotification<T extends IbanfirstEventType = IbanfirstEventType> = T extends IbanfirstEventType
  ? IbanfirstNotificationEnvelope & { type: T; body: IbanfirstBodies[T] }
  : never;

type FamilyOf<N extends EventName> = N extends `${infer F extends FamilyName}.${string}` ? F : never;
type TypeOf<N extends EventName> = N extends `${FamilyName}.${infer T}` ? T : never;

type PayloadOf<N extends EventName> = N extends `bankconnect.${infer T}`
  ? BankConnectWebhook & { progress: T }
  : N extends `ibanfirst.${infer T extends IbanfirstEventType}`
    ? IbanfirstNotification<T>
    : never;

/** What one HTTP delivery (or `receive` call) carried besides its events. */
export interface Delivery {
  receivedAt: Date;
  headers: IncomingHttpHeaders;
  /** iBanFirst: the envelope's `requestId`. */
  requestId?: string;
  /** iBanFirst: the envelope's `date`, as sent (`YYYY-MM-DD HH:MM:SS`). */
  date?: string;
}

interface EventBase {
  /** The idempotency key: iBanFirst's notificationId, or a stable hash of a BankConnect payload. */
  id: string;
  delivery: Delivery;
}

/** An event of a documented type; `WebhookEvent<"a" | "b">` is a union you can narrow on `name`. */
export type WebhookEvent<N extends EventName = EventName> = N extends EventName
  ? EventBase & { documented: true; name: N; family: FamilyOf<N>; type: TypeOf<N>; payload: PayloadOf<N> }
  : never;

/** An event of a type the bundled schemas do not document (providers add types); only `onAny` sees it. */
export type UnknownWebhookEvent =
  | (EventBase & {
      documented: false;
      name: `ibanfirst.${string}`;
      family: "ibanfirst";
      type: string;
      payload: IbanfirstNotificationEnvelope & { body: Record<string, unknown> };
    })
  | (EventBase & {
      documented: false;
      name: `bankconnect.${string}`;
      family: "bankconnect";
      type: string;
      payload: BankConnectWebhook;
    });

export type AnyWebhookEvent = WebhookEvent | UnknownWebhookEvent;

export type HandlerFunction<N extends EventName> = (event: WebhookEvent<N>) => unknown | Promise<unknown>;
export type AnyHandlerFunction = (event: AnyWebhookEvent) => unknown | Promise<unknown>;
/** Called when a handler throws or rejects; `error` is an AggregateError when several did. */
export type ErrorHandlerFunction = (error: Error, event: AnyWebhookEvent) => unknown | Promise<unknown>;

export interface Logger {
  debug(message: string, ...meta: unknown[]): void;
  info(message: string, ...meta: unknown[]): void;
  warn(message: string, ...meta: unknown[]): void;
  error(message: string, ...meta: unknown[]): void;
}

export interface IbanfirstCredential {
  username: string;
  secret: string;
}

export interface IbanfirstOptions {
  /** X-WSSE credentials; several allow rotation. None: requests are not authenticated (a warning is logged). */
  credentials?: IbanfirstCredential[];
  /** Reject a token whose `Created` is older than this. Default 300. */
  maxTokenAgeSeconds?: number;
  /** Reject a token whose `Created` is further ahead than this. Default 300. */
  maxClockSkewSeconds?: number;
  /** Nonces remembered for replay detection, at most. Default 100,000. */
  maxNonces?: number;
}

export interface BankConnectOptions {
  /** Shared secret(s), accepted from the `x-secret-key` header or a `token` query parameter. */
  token?: string | string[];
  /** Addresses or CIDR ranges allowed to deliver (IPv4 or IPv6). Honours Express's `trust proxy` via `req.ip`. */
  allowIps?: string[];
}

/** `new Webhooks(options)`: queue mode (`ack: "queue"`) needs a `queue`, and a queue needs `ack: "queue"`. */
export type WebhooksOptions = CommonWebhooksOptions & (AckAfterHandlers | AckWhenQueued);

/** The default: the sender gets its 200 once the handlers have run. */
export interface AckAfterHandlers {
  ack?: "handlers";
  queue?: undefined;
}

/** Queue mode: the sender gets its 200 once every event of the delivery is queued; workers run the handlers. */
export interface AckWhenQueued {
  ack: "queue";
  /** `bullmqQueue(…)`, or `memoryQueue()` for development. */
  queue: WebhookQueue;
  /** Answer 503 when the queue has not taken a delivery after this long (Redis down). Default 5,000 ms. */
  enqueueTimeoutMs?: number;
}

export interface CommonWebhooksOptions {
  /** iBanFirst settings, or `false` to not serve iBanFirst at all. */
  ibanfirst?: IbanfirstOptions | false;
  /** BankConnect settings, or `false` to not serve BankConnect at all. */
  bankconnect?: BankConnectOptions | false;
  /** Where processed event ids are remembered. Default: `memoryStore()`. */
  idempotency?: IdempotencyStore;
  /** Largest body accepted, in bytes or as "1mb"/"500kb". Default "1mb". */
  bodyLimit?: number | string;
  /** How long a body may take to arrive, from its first byte. Default 10,000 ms. */
  bodyTimeoutMs?: number;
  /** Answer 503 if handlers have not finished after this long (they keep running). Default: off. */
  timeoutMs?: number;
  /** `Retry-After` seconds sent with 503 answers. Default 60. */
  retryAfterSeconds?: number;
  /** How long an in-flight claim may block others if its holder dies; shared stores honour it. Default 15 min. */
  claimLeaseMs?: number;
  /** Most notifications one delivery may carry; more are refused with 413 before any is validated or handled. Default 1,000. */
  maxNotifications?: number;
  /** Where warnings and errors go. Default: console. */
  logger?: Partial<Logger>;
}

/** What bankhooks answers a delivery with; the middleware writes it, `receive` returns it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: AnswerBody;
}

export type AnswerBody =
  | { ok: true; events: number; duplicates: number }
  | { ok: true; events: number; queued: true }
  | { ok: true; handshake: true }
  | { ok: false; error: string; message: string; errors?: { pointer: string; message: string }[] };

export type { IdempotencyStore, WebhookQueue };
