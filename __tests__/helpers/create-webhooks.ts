import { Webhooks, type AnyWebhookEvent, type WebhooksOptions } from "bankhooks";
import { silentLogger } from "./silent-logger";

export const CREDENTIAL = { username: "acme", secret: "s3cret" } as const;
export const TOKEN = "tok";

/** A fresh Webhooks (fresh memory store) with both families authenticated and a silent logger. */
export function createWebhooks(options: WebhooksOptions = {}): Webhooks {
  return new Webhooks({
    ibanfirst: { credentials: [{ ...CREDENTIAL }] },
    bankconnect: { token: TOKEN },
    logger: silentLogger,
    ...options,
  });
}

export interface HandlerRecorder {
  /** Every event handed to the handler, in call order. */
  events: AnyWebhookEvent[];
  /** The ids of those events, in call order. */
  ids(): string[];
  count(): number;
}

/**
 * Registers an onAny handler that records each event, then runs `behaviour` (throw, await…) for it.
 * onAny sees every event of both families, documented or not.
 */
export function recordHandler(
  webhooks: Webhooks,
  behaviour: (event: AnyWebhookEvent, call: number) => unknown = () => undefined,
): HandlerRecorder {
  const events: AnyWebhookEvent[] = [];
  webhooks.onAny((event) => {
    events.push(event);
    return behaviour(event, events.length);
  });
  return { events, ids: () => events.map((event) => event.id), count: () => events.length };
}
