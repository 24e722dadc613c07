// Type tests: checked by `tsc` (see typecheck.test.ts), never run. Each @ts-expect-error must be needed.
import { Webhooks, bankConnectClient, bullmqQueue, ibanfirstClient, memoryQueue, redisStore, type AnyWebhookEvent, type DeadLetter, type ReconcileResult, type WebhookEvent } from "bankhooks";

const webhooks = new Webhooks();

webhooks.on("bankconnect.completed", async (event) => {
  const entity: string = event.payload.entity_id;
  const progress: "completed" = event.payload.progress;
  const link: string | null = event.payload.link_id;
  const family: "bankconnect" = event.family;
  void [entity, progress, link, family];
});

webhooks.on("ibanfirst.documentRequired", async (event) => {
  const company: string = event.payload.body.companyId;
  const type: "documentRequired" = event.payload.type;
  const id: string = event.id;
  const requestId: string | undefined = event.delivery.requestId;
  void [company, type, id, requestId];
});

webhooks.on("ibanfirst.transaction refused", (event) => {
  const transaction: string = event.payload.body.transactionId;
  void transaction;
});

webhooks.on(["ibanfirst.transferCreated", "ibanfirst.transferUpdated"], (event) => {
  const transfer: string = event.payload.body.transferId;
  if (event.name === "ibanfirst.transferUpdated") {
    const status: string = event.payload.body.status;
    void status;
  }
  void transfer;
});

// @ts-expect-error: not a documented event name
webhooks.on("ibanfirst.nope", () => {});

// @ts-expect-error: a family alone is not an event name
webhooks.on("bankconnect", () => {});

webhooks.on("ibanfirst.documentRequired", (event) => {
  // @ts-expect-error: a documentRequired body has no transferId
  const wrong: string = event.payload.body.transferId;
  void wrong;
});

webhooks.onAny((event: AnyWebhookEvent) => {
  if (!event.documented && event.family === "ibanfirst") {
    // Undocumented types: the body is an untyped record.
    const body: Record<string, unknown> = event.payload.body;
    void body;
  }
  if (event.documented && event.name === "bankconnect.failed") {
    const reason: string | null | undefined = event.payload.reason;
    void reason;
  }
});

webhooks.onError((error: Error, event: AnyWebhookEvent) => void [error.message, event.id]);

const handler = (event: WebhookEvent<"bankconnect.completed">) => void event;
webhooks.on("bankconnect.completed", handler);
webhooks.removeListener("bankconnect.completed", handler);

// @ts-expect-error: handlers never get `res`; the middleware answers
webhooks.on("bankconnect.completed", (event, res: unknown) => void [event, res]);

webhooks.middleware({ family: "ibanfirst" });
// @ts-expect-error: no such family
webhooks.middleware({ family: "stripe" });

// Clients and reconcile: typed requests and results.
const bankconnectApi = bankConnectClient({ apiKey: "k", serverHash: "h" });
void bankconnectApi.updateWebhook("https://acme.test/h", { mode: 1 });
// @ts-expect-error: the mode is 0 or 1, and never left out (BankConnect resets it)
void bankconnectApi.updateWebhook("https://acme.test/h", { mode: 2 });
// @ts-expect-error: the mode is required
void bankconnectApi.updateWebhook("https://acme.test/h");
void bankconnectApi.webhookPayloads("link").then((payloads) => payloads.map((p): [string, string] => [p.date_time, p.entity_id]));
void ibanfirstClient({ username: "u", secret: "s" }).registerWebhook("https://acme.test/i").then((id: string) => id);
void webhooks.reconcile("bankconnect", { client: bankconnectApi, linkId: "l" }).then((r: ReconcileResult) => r.handled + r.skipped + r.failed);
// @ts-expect-error: only BankConnect stores payloads to reconcile
void webhooks.reconcile("ibanfirst", { client: bankconnectApi, linkId: "l" });

// Queue mode: a queue and ack: "queue" go together.
const queued = new Webhooks({ ack: "queue", queue: bullmqQueue({ connection: "redis://localhost:6379" }), idempotency: redisStore({ url: "redis://localhost:6379" }) });
new Webhooks({ ack: "queue", queue: memoryQueue({ retry: { attempts: 3, delayMs: 10 } }), enqueueTimeoutMs: 1000 });
// @ts-expect-error: queue mode needs a queue
new Webhooks({ ack: "queue" });
// @ts-expect-error: a queue needs ack: "queue"
new Webhooks({ queue: memoryQueue() });
void queued.deadLetters().then((letters: DeadLetter[]) => letters.map((letter) => [letter.id, letter.event.name, letter.attempts, letter.failedAt.getTime()]));
void queued.replay("bankconnect.abc").then((replayed: boolean) => replayed);
void queued.startWorker({ concurrency: 2 }).then((worker) => worker.close());
// @ts-expect-error: the retry policy has attempts and delayMs
memoryQueue({ retry: { tries: 3 } });
