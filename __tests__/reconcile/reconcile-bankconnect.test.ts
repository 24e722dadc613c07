import { bankConnectClient, memoryQueue, ProviderApiError, type BankConnectStoredPayload } from "bankhooks";
import { buildBankConnectPayload } from "bankhooks/testing";
import { createWebhooks, recordHandler, TOKEN } from "../helpers/create-webhooks";
import { settle, waitUntil } from "../helpers/deferred";
import { startFakeProvider } from "../helpers/fake-provider";
import { post } from "../helpers/http-client";
import { closeServers, startServer } from "../helpers/start-server";

afterEach(closeServers);

const LINK = "customer-42";

/** Five payloads for the link, oldest first, each sent a minute after the previous. */
function storedPayloads(): BankConnectStoredPayload[] {
  return [1, 2, 3, 4, 5].map((n) => ({
    ...buildBankConnectPayload({ link_id: LINK, statement_id: `statement-${n}`, progress: n === 3 ? "failed" : "completed" }),
    date_time: `2026-03-06 12:0${n}:00`,
  }));
}

/** BankConnect's API holding `payloads`, listing them newest first as it documents. */
async function providerWith(payloads: BankConnectStoredPayload[]) {
  const provider = await startFakeProvider(() => ({ status: 200, body: { payloads: [...payloads].reverse() } }), "/bank-connect/v1");
  return { provider, client: bankConnectClient({ apiKey: "k", serverHash: "h", baseUrl: provider.baseUrl }) };
}

const withoutDateTime = ({ date_time: _, ...payload }: BankConnectStoredPayload) => payload;

describe("webhooks.reconcile(\"bankconnect\")", () => {
  test("5 payloads stored, 2 already handled over HTTP: exactly the other 3 are handled, oldest first", async () => {
    const webhooks = createWebhooks();
    const handled = recordHandler(webhooks);
    const receiver = await startServer(webhooks.middleware({ path: "/webhooks" }));
    const stored = storedPayloads();
    // The receiver was up for the 2nd and 4th.
    for (const payload of [stored[1], stored[3]]) {
      const live = await post(receiver.url, "/webhooks/bankconnect", withoutDateTime(payload), { "content-type": "application/json", "x-secret-key": TOKEN });
      expect(live.status).toBe(200);
    }
    expect(handled.count()).toBe(2);
    const { provider, client } = await providerWith(stored);

    const result = await webhooks.reconcile("bankconnect", { client, linkId: LINK });

    expect(result).toEqual({ fetched: 5, handled: 3, queued: 0, skipped: 2, failed: 0 });
    expect(handled.events.slice(2).map((event) => event.payload)).toEqual([stored[0], stored[2], stored[4]].map(withoutDateTime));
    expect(handled.events.slice(2).map((event) => event.name)).toEqual(["bankconnect.completed", "bankconnect.failed", "bankconnect.completed"]);
    expect(provider.requests.map((r) => r.url)).toEqual([`/bank-connect/v1/entity/webhook_payloads/?link_id=${LINK}`]);

    // Run again: everything is known now.
    expect(await webhooks.reconcile("bankconnect", { client, linkId: LINK })).toEqual({ fetched: 5, handled: 0, queued: 0, skipped: 5, failed: 0 });
    expect(handled.count()).toBe(5);
  });

  test("in queue mode every payload is queued, and the worker handles only the 3 not handled before, oldest first", async () => {
    const webhooks = createWebhooks({ ack: "queue", queue: memoryQueue() });
    const handled = recordHandler(webhooks);
    const worker = await webhooks.startWorker();
    const stored = storedPayloads();
    for (const payload of [stored[1], stored[3]]) await webhooks.receive("bankconnect", withoutDateTime(payload), { verify: false });
    await waitUntil(() => handled.count() === 2);
    const { client } = await providerWith(stored);

    expect(await webhooks.reconcile("bankconnect", { client, linkId: LINK })).toEqual({ fetched: 5, handled: 0, queued: 5, skipped: 0, failed: 0 });
    await waitUntil(() => handled.count() === 5);
    await settle(50);
    expect(handled.events.slice(2).map((event) => event.payload)).toEqual([stored[0], stored[2], stored[4]].map(withoutDateTime));
    await worker.close();
  });

  test("a handler failure counts as failed, the rest still run, and the next reconcile retries it", async () => {
    const webhooks = createWebhooks();
    const stored = storedPayloads();
    let failOnce = true;
    const handled = recordHandler(webhooks, (event) => {
      if (event.payload.statement_id === "statement-2" && failOnce) {
        failOnce = false;
        throw new Error("database down");
      }
    });
    const errors: string[] = [];
    webhooks.onError((error) => void errors.push(error.message));
    const { client } = await providerWith(stored);
    const reports: string[] = [];

    const first = await webhooks.reconcile("bankconnect", {
      client,
      linkId: LINK,
      onPayload: ({ payload, outcome, answer }) => reports.push(`${payload.statement_id} ${outcome} ${answer.status}`),
    });

    expect(first).toEqual({ fetched: 5, handled: 4, queued: 0, skipped: 0, failed: 1 });
    expect(reports).toEqual(["statement-1 handled 200", "statement-2 failed 500", "statement-3 handled 200", "statement-4 handled 200", "statement-5 handled 200"]);
    expect(errors).toEqual(["database down"]);
    expect(await webhooks.reconcile("bankconnect", { client, linkId: LINK })).toEqual({ fetched: 5, handled: 1, queued: 0, skipped: 4, failed: 0 });
    expect(handled.events.at(-1)!.payload).toEqual(withoutDateTime(stored[1]));
  });

  test("an answer whose payloads break the schema is refused whole, naming the field, and nothing runs", async () => {
    const webhooks = createWebhooks();
    const handled = recordHandler(webhooks);
    const stored = storedPayloads().slice(0, 2);
    const { client } = await providerWith([stored[0], { ...stored[1], entity_id: "" }]);
    await expect(webhooks.reconcile("bankconnect", { client, linkId: LINK })).rejects.toMatchObject({
      code: "invalid_response",
      message: expect.stringContaining("/payloads/0/entity_id must NOT have fewer than 1 characters"),
    });
    expect(handled.count()).toBe(0);
  });

  test("the provider's refusal reaches the caller as a ProviderApiError, and nothing runs", async () => {
    const webhooks = createWebhooks();
    const handled = recordHandler(webhooks);
    const provider = await startFakeProvider(() => ({ status: 401, body: { detail: "Invalid API key" } }));
    const client = bankConnectClient({ apiKey: "k", serverHash: "h", baseUrl: provider.baseUrl });
    const error = await webhooks.reconcile("bankconnect", { client, linkId: LINK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({ code: "credentials_refused", providerMessage: "Invalid API key" });
    expect(handled.count()).toBe(0);
  });

  test("only BankConnect can be reconciled, and only when it is served", async () => {
    const { client } = await providerWith([]);
    await expect(createWebhooks().reconcile("ibanfirst" as never, { client, linkId: LINK })).rejects.toThrow(
      new TypeError('bankhooks: reconcile supports "bankconnect" only, got "ibanfirst"'),
    );
    await expect(createWebhooks({ bankconnect: false }).reconcile("bankconnect", { client, linkId: LINK })).rejects.toThrow(/bankconnect: false/);
    await expect(createWebhooks().reconcile("bankconnect", { linkId: LINK } as never)).rejects.toThrow(/needs \{ client: bankConnectClient/);
  });
});
