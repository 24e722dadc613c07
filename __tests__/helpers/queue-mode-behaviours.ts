import type { AnyWebhookEvent, IdempotencyStore, QueueWorker, WebhookQueue, Webhooks } from "bankhooks";
import { bankConnectHeaders, buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification, ibanfirstHeaders } from "bankhooks/testing";
import { CREDENTIAL, TOKEN, createWebhooks } from "./create-webhooks";
import { settle } from "./deferred";
import { post } from "./http-client";
import { closeServers, startServer } from "./start-server";

export interface QueueModeSetup {
  queue(): WebhookQueue;
  store?(): IdempotencyStore;
}

/** Waits, polling, until `condition()` holds (queue workers run on their own timers). */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("eventually: condition not met in time");
    await settle(20);
  }
}

/**
 * What queue mode promises, over real HTTP, whichever queue carries it: the same suite runs on
 * memoryQueue() and on bullmqQueue() against a real Redis.
 */
export function describeQueueModeBehaviours(setup: QueueModeSetup): void {
  let webhooks: Webhooks;
  let url: string;
  let workers: QueueWorker[];
  let handled: AnyWebhookEvent[];
  let behaviour: (event: AnyWebhookEvent, attempt: number) => unknown;
  let errors: string[];

  beforeEach(async () => {
    workers = [];
    handled = [];
    errors = [];
    behaviour = () => undefined;
    webhooks = createWebhooks({ ack: "queue", queue: setup.queue(), ...(setup.store ? { idempotency: setup.store() } : {}) });
    const attempts = new Map<string, number>();
    webhooks.onAny(async (event) => {
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      await behaviour(event, attempt);
      handled.push(event);
    });
    webhooks.onError((error) => void errors.push(error.message));
    const middleware = webhooks.middleware();
    url = (await startServer((req, res) => middleware(req, res))).url;
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await closeServers();
    await webhooks.close();
  });

  const startWorker = async (concurrency?: number) => {
    const worker = await webhooks.startWorker({ concurrency });
    workers.push(worker);
    return worker;
  };
  const sendIbanfirst = (body: object) => post(url, "/ibanfirst", body, ibanfirstHeaders(CREDENTIAL));
  const sendBankConnect = (body: object) => post(url, "/bankconnect", body, bankConnectHeaders(TOKEN));

  test("answers 200 once the events are queued, before any handler runs; the worker then handles them", async () => {
    const delivery = buildIbanfirstDelivery([buildIbanfirstNotification("transferCreated"), buildIbanfirstNotification("transferUpdated")]);
    const answer = await sendIbanfirst(delivery);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true, events: 2, queued: true });
    expect((await sendBankConnect(buildBankConnectPayload())).status).toBe(200);
    await settle(100);
    expect(handled).toHaveLength(0);

    await startWorker();
    await eventually(() => handled.length === 3);
    expect(handled.slice(0, 2).map((event) => event.id)).toEqual(delivery.notifications.map((n) => n.notificationId));
    expect(handled[2].family).toBe("bankconnect");
  });

  test("a delivery sent again is acknowledged again but never handled twice", async () => {
    await startWorker();
    const delivery = buildIbanfirstDelivery([buildIbanfirstNotification("transferCreated"), buildIbanfirstNotification("entityUpdated")]);
    for (let i = 0; i < 3; i++) expect((await sendIbanfirst(delivery)).status).toBe(200);
    await eventually(() => handled.length >= 2);
    // Once handled (and its job gone from the queue), a retry is still a duplicate: the store knows it.
    expect((await sendIbanfirst(delivery)).status).toBe(200);
    await settle(300);
    expect(handled.map((event) => event.id)).toEqual(delivery.notifications.map((n) => n.notificationId));
  });

  test("a handler that fails twice succeeds on its third attempt, without a new delivery", async () => {
    behaviour = (_event, attempt) => {
      if (attempt <= 2) throw new Error(`flaky ${attempt}`);
    };
    await startWorker();
    const payload = buildBankConnectPayload();
    expect((await sendBankConnect(payload)).status).toBe(200);
    await eventually(() => handled.length === 1);
    expect(handled[0].payload).toMatchObject({ entity_id: payload.entity_id });
    expect(errors).toEqual(["flaky 1", "flaky 2"]);
    expect(await webhooks.deadLetters()).toEqual([]);
  });

  test("an event that always fails is dead-lettered, listed, and handled once replayed after the fix", async () => {
    let fixed = false;
    behaviour = () => {
      if (!fixed) throw new Error("downstream is down");
    };
    await startWorker();
    const notification = buildIbanfirstNotification("transferReversed");
    expect((await sendIbanfirst(buildIbanfirstDelivery([notification]))).status).toBe(200);
    await eventually(async () => (await webhooks.deadLetters()).length === 1);

    const [letter] = await webhooks.deadLetters();
    expect(letter).toMatchObject({ attempts: 3, error: "downstream is down" });
    expect(letter.event).toMatchObject({ id: notification.notificationId, name: "ibanfirst.transferReversed", documented: true });
    expect(letter.event.delivery.receivedAt).toBeInstanceOf(Date);
    expect(letter.failedAt).toBeInstanceOf(Date);
    expect(handled).toHaveLength(0);

    fixed = true;
    expect(await webhooks.replay(letter.id)).toBe(true);
    await eventually(() => handled.length === 1);
    expect(handled[0].id).toBe(notification.notificationId);
    expect(await webhooks.deadLetters()).toEqual([]);
    expect(await webhooks.replay(letter.id)).toBe(false);
    expect(await webhooks.replay("no-such-id")).toBe(false);
  });

  test("dead letters are listed oldest first", async () => {
    behaviour = () => {
      throw new Error("always");
    };
    await startWorker();
    const first = buildBankConnectPayload();
    expect((await sendBankConnect(first)).status).toBe(200);
    await eventually(async () => (await webhooks.deadLetters()).length === 1);
    const second = buildBankConnectPayload();
    expect((await sendBankConnect(second)).status).toBe(200);
    await eventually(async () => (await webhooks.deadLetters()).length === 2);
    const letters = await webhooks.deadLetters();
    expect(letters.map((letter) => (letter.event.payload as { entity_id: string }).entity_id)).toEqual([first.entity_id, second.entity_id]);
    expect(letters[0].failedAt.getTime()).toBeLessThanOrEqual(letters[1].failedAt.getTime());
  });

  test("events of one delivery keep their order, even when an early one needs retries and workers run side by side", async () => {
    behaviour = (event, attempt) => {
      if (event.id === delivery.notifications[0].notificationId && attempt === 1) throw new Error("first try fails");
    };
    const delivery = buildIbanfirstDelivery(Array.from({ length: 5 }, () => buildIbanfirstNotification("transferUpdated")));
    expect((await sendIbanfirst(delivery)).status).toBe(200);
    await startWorker(4);
    await eventually(() => handled.length === 5);
    expect(handled.map((event) => event.id)).toEqual(delivery.notifications.map((n) => n.notificationId));
  });

  test("credentials are not stored in the queue; the rest of the delivery is", async () => {
    await startWorker();
    expect((await sendBankConnect(buildBankConnectPayload())).status).toBe(200);
    await eventually(() => handled.length === 1);
    const { delivery } = handled[0];
    expect(delivery.headers["x-secret-key"]).toBeUndefined();
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.receivedAt).toBeInstanceOf(Date);
  });
}
