import bytes from "bytes";
import { FAMILIES, FAMILY_NAMES } from "./families";
import { memoryStore } from "./store/memory-store";
import type { State } from "./state";
import type { Logger, WebhooksOptions } from "./types";

const NO_AUTH_HINT = {
  ibanfirst: "pass ibanfirst: { credentials: [{ username, secret }] } to check their X-WSSE header",
  bankconnect: "pass bankconnect: { token } (sent as x-secret-key or ?token=) and/or { allowIps }",
};

export function createState(options: WebhooksOptions): State {
  const log = createLogger(options.logger);
  const families: State["families"] = new Map();
  for (const name of FAMILY_NAMES) {
    const familyOptions = options[name];
    if (familyOptions === false) continue;
    const family = FAMILIES[name];
    const authenticate = family.createAuthenticator((familyOptions ?? {}) as never);
    if (!authenticate) {
      log.warn(`bankhooks: ${name} deliveries are not authenticated, so anyone who knows the URL can post events; ${NO_AUTH_HINT[name]}.`);
    }
    families.set(name, { family, authenticate });
  }

  return {
    families,
    store: options.idempotency ?? memoryStore(),
    queue: resolveQueue(options, log),
    enqueueTimeoutMs: positive("enqueueTimeoutMs", (options.ack === "queue" ? options.enqueueTimeoutMs : undefined) ?? 5000),
    handlers: new Map(),
    anyHandlers: [],
    errorHandlers: [],
    bodyLimit: parseBodyLimit(options.bodyLimit ?? "1mb"),
    bodyTimeoutMs: positive("bodyTimeoutMs", options.bodyTimeoutMs ?? 10_000),
    timeoutMs: options.timeoutMs === undefined ? undefined : positive("timeoutMs", options.timeoutMs),
    retryAfterSeconds: positive("retryAfterSeconds", options.retryAfterSeconds ?? 60),
    claimLeaseMs: positive("claimLeaseMs", options.claimLeaseMs ?? 15 * 60_000),
    maxNotifications: positive("maxNotifications", options.maxNotifications ?? 1000),
    log,
  };
}

function createLogger(logger: Partial<Logger> = {}): Logger {
  return {
    debug: logger.debug?.bind(logger) ?? (() => {}),
    info: logger.info?.bind(logger) ?? console.info.bind(console),
    warn: logger.warn?.bind(logger) ?? console.warn.bind(console),
    error: logger.error?.bind(logger) ?? console.error.bind(console),
  };
}

function parseBodyLimit(limit: number | string): number {
  const parsed = typeof limit === "number" ? limit : bytes.parse(limit);
  if (typeof parsed !== "number" || !(parsed > 0)) {
    throw new TypeError(`bankhooks: bodyLimit must be a positive number of bytes or a size like "1mb", got ${JSON.stringify(limit)}`);
  }
  return parsed;
}

function positive(name: string, value: number): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`bankhooks: ${name} must be a positive number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function resolveQueue(options: WebhooksOptions, log: Logger): State["queue"] {
  const { ack = "handlers", queue } = options;
  if (ack !== "handlers" && ack !== "queue") {
    throw new TypeError(`bankhooks: ack must be "handlers" or "queue", got ${JSON.stringify(ack)}`);
  }
  if (ack === "queue" && !queue) {
    throw new TypeError('bankhooks: ack: "queue" needs a queue: pass queue: bullmqQueue({ connection }) (or memoryQueue() in development)');
  }
  if (ack === "handlers" && queue) {
    throw new TypeError('bankhooks: a queue was passed without ack: "queue"; add ack: "queue" to answer once events are queued');
  }
  if (ack === "queue" && queue!.distributed && !options.idempotency) {
    log.warn(
      "bankhooks: queue mode with the in-memory idempotency store: each process remembers only its own handled ids; pass idempotency: redisStore(…) when several workers run",
    );
  }
  return ack === "queue" ? queue : undefined;
}
