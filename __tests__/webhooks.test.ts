import { Webhooks, memoryStore, type IdempotencyStore } from "bankhooks";
import { buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification, fixtures, wsseHeader } from "bankhooks/testing";

const silent = { warn() {}, error() {}, info() {}, debug() {} };
const credential = { username: "acme", secret: "s3cret" };

describe("new Webhooks()", () => {
  test("warns once per family served without authentication, naming the option to set", () => {
    const warn = jest.fn();
    new Webhooks({ logger: { ...silent, warn } });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0][0]).toMatch(/bankconnect deliveries are not authenticated.*bankconnect: \{ token \}/);
    expect(warn.mock.calls[1][0]).toMatch(/ibanfirst deliveries are not authenticated.*credentials/);

    warn.mockClear();
    new Webhooks({ logger: { ...silent, warn }, ibanfirst: { credentials: [credential] }, bankconnect: { token: "t" } });
    expect(warn).not.toHaveBeenCalled();
  });

  test("a family set to false is not served, nor warned about", async () => {
    const warn = jest.fn();
    const webhooks = new Webhooks({ logger: { ...silent, warn }, bankconnect: false, ibanfirst: { credentials: [credential] } });
    expect(warn).not.toHaveBeenCalled();
    expect((await webhooks.receive("bankconnect", fixtures.bankconnect.completed)).status).toBe(404);
    expect(() => webhooks.middleware({ family: "bankconnect" })).toThrow(/does not serve/);
  });

  test.each([
    [{ bodyLimit: "lots" }, /bodyLimit/],
    [{ bodyLimit: 0 }, /bodyLimit/],
    [{ timeoutMs: -5 }, /timeoutMs/],
    [{ bodyTimeoutMs: Number.NaN }, /bodyTimeoutMs/],
    [{ bankconnect: { allowIps: ["nonsense"] } }, /allowIps/],
  ])("refuses bad options %j with a clear message", (options, message) => {
    expect(() => new Webhooks({ logger: silent, ...(options as object) })).toThrow(message);
  });
});

describe("webhooks.receive()", () => {
  test("runs the same pipeline without HTTP, authentication included", async () => {
    const webhooks = new Webhooks({ logger: silent, ibanfirst: { credentials: [credential] } });
    const handled: string[] = [];
    webhooks.onAny((event) => void handled.push(event.id));
    const delivery = fixtures.ibanfirst.delivery;

    expect((await webhooks.receive("ibanfirst", delivery)).status).toBe(401);
    const answer = await webhooks.receive("ibanfirst", JSON.stringify(delivery), { headers: { "x-wsse": wsseHeader(credential) } });
    expect(answer).toEqual({ status: 200, headers: {}, body: { ok: true, events: 3, duplicates: 0 } });
    expect(handled).toEqual(delivery.notifications.map((n) => n.notificationId));

    // verify: false is for sources the caller already trusts; duplicates are still skipped.
    const again = await webhooks.receive("ibanfirst", Buffer.from(JSON.stringify(delivery)), { verify: false });
    expect(again.body).toEqual({ ok: true, events: 3, duplicates: 3 });
    expect(handled).toHaveLength(3);
  });

  test("gives the handler { id, name, family, type, payload, delivery }", async () => {
    const webhooks = new Webhooks({ logger: silent });
    const events: unknown[] = [];
    webhooks.onAny((event) => void events.push(event));
    const delivery = buildIbanfirstDelivery([buildIbanfirstNotification("transaction refused", { notificationId: "n-1" })], {
      requestId: "r-1",
      date: "2026-03-14 09:26:53",
    });
    await webhooks.receive("ibanfirst", delivery, { headers: { "x-request": "1" } });
    expect(events).toEqual([
      {
        id: "n-1",
        name: "ibanfirst.transaction refused",
        family: "ibanfirst",
        type: "transaction refused",
        documented: true,
        payload: delivery.notifications[0],
        delivery: { receivedAt: expect.any(Date), headers: { "x-request": "1" }, requestId: "r-1", date: "2026-03-14 09:26:53" },
      },
    ]);
  });

  test("answers 400 with pointers for invalid payloads and runs no handler of the delivery", async () => {
    const webhooks = new Webhooks({ logger: silent });
    const handler = jest.fn();
    webhooks.onAny(handler);
    const delivery = buildIbanfirstDelivery([
      buildIbanfirstNotification("transferCreated"),
      { ...buildIbanfirstNotification("documentRequired"), body: { documentType: "kbis" } } as never,
    ]);
    const answer = await webhooks.receive("ibanfirst", delivery);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ ok: false, errors: [{ pointer: "/notifications/1/body/companyId", message: "is required" }] });
    expect(handler).not.toHaveBeenCalled();
  });

  test("stops a delivery at its first failure; the retry skips what was done and runs the rest", async () => {
    const webhooks = new Webhooks({ logger: silent });
    const runs: string[] = [];
    let failSecond = true;
    webhooks.onAny((event) => {
      runs.push(event.id);
      if (event.id === "2" && failSecond) throw new Error("flaky");
    });
    const delivery = buildIbanfirstDelivery(["1", "2", "3"].map((notificationId) => buildIbanfirstNotification("entityUpdated", { notificationId })));
    expect((await webhooks.receive("ibanfirst", delivery)).status).toBe(500);
    expect(runs).toEqual(["1", "2"]);
    failSecond = false;
    expect((await webhooks.receive("ibanfirst", delivery)).body).toEqual({ ok: true, events: 3, duplicates: 1 });
    expect(runs).toEqual(["1", "2", "2", "3"]);
  });

  test("answers 503 in_progress while another request holds an event, and loses nothing", async () => {
    const webhooks = new Webhooks({ logger: silent, retryAfterSeconds: 30 });
    let finish!: () => void;
    const handler = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    webhooks.on("bankconnect.completed", handler);
    const payload = buildBankConnectPayload();
    const first = webhooks.receive("bankconnect", payload);
    await new Promise((resolve) => setImmediate(resolve));
    const second = await webhooks.receive("bankconnect", payload);
    expect(second).toMatchObject({ status: 503, headers: { "retry-after": "30" }, body: { error: "in_progress" } });
    finish();
    expect((await first).status).toBe(200);
    expect((await webhooks.receive("bankconnect", payload)).body).toEqual({ ok: true, events: 1, duplicates: 1 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test("timeoutMs answers 503 while the handler goes on; its event stays claimed until it ends", async () => {
    const webhooks = new Webhooks({ logger: silent, timeoutMs: 30 });
    let finish!: () => void;
    const handler = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    webhooks.on("bankconnect.failed", handler);
    const payload = buildBankConnectPayload({ progress: "failed", reason: "bad pdf" });
    expect(await webhooks.receive("bankconnect", payload)).toMatchObject({ status: 503, headers: { "retry-after": "60" }, body: { error: "timeout" } });
    expect((await webhooks.receive("bankconnect", payload)).body).toMatchObject({ error: "in_progress" });
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await webhooks.receive("bankconnect", payload)).body).toEqual({ ok: true, events: 1, duplicates: 1 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test("a failing idempotency store answers 500 and is logged, never thrown", async () => {
    const error = jest.fn();
    const broken: IdempotencyStore = { ...memoryStore(), claim: () => Promise.reject(new Error("store down")) };
    const webhooks = new Webhooks({ logger: { ...silent, error }, idempotency: broken });
    expect((await webhooks.receive("bankconnect", fixtures.bankconnect.completed)).body).toMatchObject({ error: "internal_error" });
    expect(error).toHaveBeenCalled();
  });

  test("uses the idempotency store it is given", async () => {
    const store = memoryStore();
    const payload = buildBankConnectPayload();
    const a = new Webhooks({ logger: silent, idempotency: store });
    const b = new Webhooks({ logger: silent, idempotency: store });
    expect((await a.receive("bankconnect", payload)).body).toMatchObject({ duplicates: 0 });
    expect((await b.receive("bankconnect", payload)).body).toMatchObject({ duplicates: 1 });
  });
});
