import type { AnyWebhookEvent, Delivery } from "../types";
import type { QueuedEvent } from "./webhook-queue";

/** An event as JSON: `delivery.receivedAt` as an ISO string. */
export type SerializedEvent = Omit<AnyWebhookEvent, "delivery"> & {
  delivery: Omit<Delivery, "receivedAt"> & { receivedAt: string };
};

// Credentials stay out of the queue: a BankConnect token is a long-lived secret, and Redis is not a vault.
const SECRET_HEADERS = new Set(["authorization", "x-wsse", "x-secret-key", "cookie", "proxy-authorization"]);

/** The job id of an event: its family and id, made safe for BullMQ (which reserves ":"). */
export function toJobId(event: Pick<AnyWebhookEvent, "family" | "id">): string {
  return `${event.family}.${encodeURIComponent(event.id)}`;
}

/** The jobs of one delivery's events, each after the one before it so that their order holds. */
export function toQueuedEvents(events: AnyWebhookEvent[]): QueuedEvent[] {
  return events.map((event, index) => ({
    jobId: toJobId(event),
    event: serializeEvent(event),
    ...(index > 0 ? { after: toJobId(events[index - 1]) } : {}),
  }));
}

function serializeEvent(event: AnyWebhookEvent): SerializedEvent {
  const headers = Object.fromEntries(Object.entries(event.delivery.headers).filter(([name]) => !SECRET_HEADERS.has(name)));
  return { ...event, delivery: { ...event.delivery, headers, receivedAt: event.delivery.receivedAt.toISOString() } } as SerializedEvent;
}

export function deserializeEvent(event: SerializedEvent): AnyWebhookEvent {
  return { ...event, delivery: { ...event.delivery, receivedAt: new Date(event.delivery.receivedAt) } } as AnyWebhookEvent;
}
