import { Webhooks } from "bankhooks";
import { fixtures } from "bankhooks/testing";

const silent = { warn() {}, error() {}, info() {}, debug() {} };

describe("on / onAny / onError", () => {
  test("on() registers one name or several; onAny sees every event", async () => {
    const webhooks = new Webhooks({ logger: silent });
    const seen: string[] = [];
    webhooks.on(["ibanfirst.transferCreated", "ibanfirst.transferUpdated"], (event) => {
      seen.push(`transfer:${event.payload.body.transferId}`);
    });
    webhooks.on("ibanfirst.documentRequired", (event) => {
      seen.push(`document:${event.payload.body.companyId}`);
    });
    webhooks.onAny((event) => {
      seen.push(`any:${event.name}`);
    });
    const answer = await webhooks.receive("ibanfirst", fixtures.ibanfirst.delivery);
    expect(answer.status).toBe(200);
    expect(seen).toEqual([
      "transfer:NTQ0NTgzNjc",
      "any:ibanfirst.transferCreated",
      "transfer:NTQ0NTgzNjc",
      "any:ibanfirst.transferUpdated",
      "document:MTIzNDU2",
      "any:ibanfirst.documentRequired",
    ]);
  });

  test("on() refuses names that are not documented, naming the way out", () => {
    const webhooks = new Webhooks({ logger: silent });
    expect(() => webhooks.on("ibanfirst.nope" as never, () => {})).toThrow(/onAny\(\)/);
    expect(() => webhooks.on("bankconnect" as never, () => {})).toThrow(TypeError);
    expect(() => webhooks.on("bankconnect.completed", "not a function" as never)).toThrow(/handler function/);
  });

  test("undocumented types reach onAny only, marked as such", async () => {
    const webhooks = new Webhooks({ logger: silent });
    const any = jest.fn();
    webhooks.onAny(any);
    const delivery = { notifications: [{ notificationId: "n1", type: "somethingNew", body: { x: 1 } }] };
    expect((await webhooks.receive("ibanfirst", delivery)).status).toBe(200);
    expect(any).toHaveBeenCalledWith(
      expect.objectContaining({ name: "ibanfirst.somethingNew", documented: false, payload: delivery.notifications[0] }),
    );
  });

  test("a BankConnect progress value not documented yet reaches onAny only, and is acknowledged", async () => {
    const webhooks = new Webhooks({ logger: silent });
    const named = jest.fn();
    const any = jest.fn();
    webhooks.on(["bankconnect.completed", "bankconnect.failed"], named);
    webhooks.onAny(any);
    const payload = { ...fixtures.bankconnect.completed, progress: "partially_completed" };
    expect((await webhooks.receive("bankconnect", payload)).body).toEqual({ ok: true, events: 1, duplicates: 0 });
    expect(named).not.toHaveBeenCalled();
    expect(any).toHaveBeenCalledWith(expect.objectContaining({ name: "bankconnect.partially_completed", documented: false, type: "partially_completed" }));
  });

  test("onError gets the error and the event; the answer is 500 and the event is released", async () => {
    const webhooks = new Webhooks({ logger: silent });
    const onError = jest.fn();
    let calls = 0;
    webhooks.on("bankconnect.completed", () => {
      calls++;
      if (calls === 1) throw new Error("database down");
    });
    webhooks.onError(onError);
    const first = await webhooks.receive("bankconnect", fixtures.bankconnect.completed);
    expect(first.status).toBe(500);
    expect(JSON.stringify(first.body)).not.toContain("database down");
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "database down" }), expect.objectContaining({ name: "bankconnect.completed" }));
    expect((await webhooks.receive("bankconnect", fixtures.bankconnect.completed)).status).toBe(200);
    expect(calls).toBe(2);
  });

  test("when several handlers fail, onError gets an AggregateError, after all of them settled", async () => {
    const webhooks = new Webhooks({ logger: silent });
    let slowFinished = false;
    webhooks.on("bankconnect.failed", () => Promise.reject(new Error("one")));
    webhooks.onAny(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      slowFinished = true;
      throw new Error("two");
    });
    const errors: Error[] = [];
    webhooks.onError((error) => {
      expect(slowFinished).toBe(true);
      errors.push(error);
    });
    expect((await webhooks.receive("bankconnect", fixtures.bankconnect.failed)).status).toBe(500);
    expect(errors[0]).toBeInstanceOf(AggregateError);
    expect((errors[0] as AggregateError).errors.map((e: Error) => e.message)).toEqual(["one", "two"]);
  });

  test("an onError handler that throws is logged, not thrown", async () => {
    const error = jest.fn();
    const webhooks = new Webhooks({ logger: { ...silent, error } });
    webhooks.on("bankconnect.completed", () => {
      throw new Error("x");
    });
    webhooks.onError(() => {
      throw new Error("onError broke");
    });
    expect((await webhooks.receive("bankconnect", fixtures.bankconnect.completed)).status).toBe(500);
    expect(error).toHaveBeenCalledWith("bankhooks: an onError handler threw", expect.any(Error));
  });
});
