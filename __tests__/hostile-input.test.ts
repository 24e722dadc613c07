// One test per hostile input a public webhook URL meets, each over real HTTP: the answer is a row of the
// README's status table within a second, nothing reaches a handler unless the delivery was valid and
// authenticated, and the server goes on serving.

import express from "express";
import type { WebhooksOptions } from "bankhooks";
import { buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification, wsseHeader } from "bankhooks/testing";
import { deriveBankConnectEventId } from "../lib/families/bankconnect";
import { CREDENTIAL, createWebhooks, recordHandler, TOKEN } from "./helpers/create-webhooks";
import { httpRequest, post } from "./helpers/http-client";
import { chunk, openRawConnection, requestHead } from "./helpers/raw-http";
import { closeServers, startServer } from "./helpers/start-server";

afterEach(closeServers);

const BC_HEADERS = { "content-type": "application/json", "x-secret-key": TOKEN };
const ibfHeaders = () => ({ "content-type": "application/json", "x-wsse": wsseHeader(CREDENTIAL) });

/** Express 5, bankhooks mounted as the README recommends, or behind express.json() (its object path). */
async function setup(options: WebhooksOptions = {}, parser: "none" | "json-before" = "none") {
  const webhooks = createWebhooks(options);
  const handler = recordHandler(webhooks);
  const app = express();
  if (parser === "json-before") app.use(express.json({ limit: "50mb" }));
  app.use("/webhooks", webhooks.middleware());
  const server = await startServer(app);
  /** POSTs and times the answer: every answer must come within a second. */
  const send = async (path: string, body: string | Buffer, headers: Record<string, string>) => {
    const started = Date.now();
    const res = await post(server.url, path, body, headers);
    expect(Date.now() - started).toBeLessThan(1000);
    return res;
  };
  /** A valid delivery still goes through afterwards: the server survived. */
  const stillServes = async () => {
    const before = handler.count();
    expect((await post(server.url, "/webhooks/bankconnect", buildBankConnectPayload(), BC_HEADERS)).status).toBe(200);
    expect(handler.count()).toBe(before + 1);
  };
  return { ...server, handler, send, stillServes };
}

const bankconnectText = () => JSON.stringify(buildBankConnectPayload());

describe("__proto__ and constructor.prototype keys", () => {
  const attacks: [string, () => { path: string; body: string; headers: Record<string, string> }][] = [
    ["BankConnect, __proto__ at the top", () => ({ path: "/webhooks/bankconnect", body: `{"__proto__":{"polluted":1},${bankconnectText().slice(1)}`, headers: BC_HEADERS })],
    ["BankConnect, constructor.prototype", () => ({ path: "/webhooks/bankconnect", body: `${bankconnectText().slice(0, -1)},"constructor":{"prototype":{"polluted":1}}}`, headers: BC_HEADERS })],
    ["iBanFirst, __proto__ inside a notification body", () => ({ path: "/webhooks/ibanfirst", body: JSON.stringify(buildIbanfirstDelivery()).replace('"body":{', '"body":{"__proto__":{"polluted":1},'), headers: ibfHeaders() })],
    ["iBanFirst, constructor.prototype in the envelope", () => ({ path: "/webhooks/ibanfirst", body: JSON.stringify(buildIbanfirstDelivery()).replace("{", '{"constructor":{"prototype":{"polluted":1}},'), headers: ibfHeaders() })],
  ];

  test.each(["none", "json-before"] as const)("behind %s: each gets 400, no handler runs, Object.prototype stays clean", async (parser) => {
    const { send, handler, stillServes } = await setup({}, parser);
    for (const [, attack] of attacks) {
      const { path, body, headers } = attack();
      const res = await send(path, body, headers);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ok: false, error: "bad_request" });
    }
    expect(handler.count()).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    await stillServes();
  });

  test("keys that merely share a name with Object.prototype's are data: the payload handlers get is a plain object", async () => {
    const { send, handler } = await setup();
    const body = { ...buildBankConnectPayload(), constructor: { name: "x" }, toString: "x", valueOf: 1 };
    expect((await send("/webhooks/bankconnect", JSON.stringify(body), BC_HEADERS)).status).toBe(200);
    const payload = handler.events[0].payload as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(Object.keys(payload).sort()).toEqual(Object.keys(body).sort());
    expect("polluted" in payload).toBe(false);
  });
});

describe("deeply nested JSON", () => {
  const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

  test.each(["none", "json-before"] as const)("behind %s: 10^5 levels get 400 within a second, no handler runs", async (parser) => {
    const { send, handler, stillServes } = await setup({}, parser);
    const inside = `${bankconnectText().slice(0, -1)},"extra":${nested(100_000)}}`;
    const res = await send("/webhooks/bankconnect", inside, BC_HEADERS);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ok: false, error: "bad_request", message: "The body nests deeper than 64 levels." });
    const { body } = await send("/webhooks/ibanfirst", `{"notifications":${nested(100_000)}}`, ibfHeaders());
    expect(body.error).toBe("bad_request");
    expect(handler.count()).toBe(0);
    await stillServes();
  });

  test("a delivery nested 60 levels is accepted, and its handler can serialise the payload", async () => {
    const { send, handler } = await setup();
    const serialised: string[] = [];
    handler.events.length = 0;
    const res = await send("/webhooks/bankconnect", `${bankconnectText().slice(0, -1)},"extra":${nested(59)}}`, BC_HEADERS);
    expect(res.status).toBe(200);
    serialised.push(JSON.stringify(handler.events[0].payload));
    expect(structuredClone(handler.events[0].payload)).toEqual(handler.events[0].payload);
    expect(serialised[0]).toContain("[[[[");
  });
});

describe("bodies too large or too slow", () => {
  test("a declared Content-Length of 100 MB gets 413 before a single body byte is sent, and the connection is closed", async () => {
    const { port, handler, stillServes } = await setup();
    const conn = await openRawConnection(port);
    const started = Date.now();
    conn.write(requestHead("POST", "/webhooks/bankconnect", { ...BC_HEADERS, "content-length": 100 * 1024 * 1024 }));
    const res = await conn.response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: "payload_too_large" });
    expect(Date.now() - started).toBeLessThan(1000);
    await conn.closed;
    expect(handler.count()).toBe(0);
    await stillServes();
  });

  test("a chunked body that keeps coming past bodyLimit gets 413 and is cut off", async () => {
    const { port, handler, stillServes } = await setup({ bodyLimit: "64kb" });
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/webhooks/ibanfirst", { ...ibfHeaders(), "transfer-encoding": "chunked" }));
    conn.write(chunk('{"notifications":['));
    const piece = chunk("x".repeat(4096));
    let sent = 0;
    const feeder = setInterval(() => {
      conn.write(piece);
      sent += piece.length;
    }, 2);
    try {
      expect((await conn.response).status).toBe(413);
      await conn.closed;
    } finally {
      clearInterval(feeder);
    }
    // Cut off near the limit, not after the sender ran out of patience.
    expect(sent).toBeLessThan(1024 * 1024);
    expect(handler.count()).toBe(0);
    await stillServes();
  });

  test("a slow-drip body (a byte every 50 ms) gets 408 at bodyTimeoutMs, and the socket is freed though it keeps dripping", async () => {
    const { port, server, handler, stillServes } = await setup({ bodyTimeoutMs: 300 });
    const conn = await openRawConnection(port);
    const started = Date.now();
    conn.write(requestHead("POST", "/webhooks/bankconnect", { ...BC_HEADERS, "content-length": 10_000 }));
    const drip = setInterval(() => conn.write("x"), 50);
    try {
      const res = await conn.response;
      expect(res.status).toBe(408);
      expect(Date.now() - started).toBeLessThan(1000);
      await conn.closed;
      // Freed within the grace period after the answer, not when the drip ends.
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      clearInterval(drip);
    }
    const connections = await new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count)));
    expect(connections).toBe(0);
    expect(handler.count()).toBe(0);
    await stillServes();
  });
});

describe("encodings and duplicate keys", () => {
  test.each([
    ["a lone continuation byte", [0x80]],
    ["a truncated sequence", [0xc3, 0x28]],
    ["an overlong encoding of /", [0xc0, 0xaf]],
    ["an encoded UTF-16 surrogate", [0xed, 0xa0, 0x80]],
    ["a code point beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
  ])("invalid UTF-8 (%s) inside a string gets 400", async (_what, bytes) => {
    const { send, handler } = await setup();
    const text = bankconnectText();
    const at = text.indexOf('"link_id":"') + 11;
    const body = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]);
    const res = await send("/webhooks/bankconnect", body, BC_HEADERS);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ok: false, error: "bad_request", message: "The body is not valid UTF-8." });
    expect(handler.count()).toBe(0);
  });

  test("a UTF-8 byte order mark is accepted at the start; inside the JSON it is not whitespace, so 400", async () => {
    const { send, handler } = await setup();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect((await send("/webhooks/bankconnect", Buffer.concat([bom, Buffer.from(bankconnectText())]), BC_HEADERS)).status).toBe(200);
    const inside = Buffer.concat([Buffer.from("{"), bom, Buffer.from(bankconnectText().slice(1))]);
    expect((await send("/webhooks/bankconnect", inside, BC_HEADERS)).body).toMatchObject({ error: "bad_request" });
    expect(handler.count()).toBe(1);
  });

  test("duplicate keys: the last one wins, for validation, the event id and the payload alike", async () => {
    const { send, handler } = await setup();
    const payload = buildBankConnectPayload({ progress: "completed" });
    const text = JSON.stringify(payload).replace('"reason":""', '"reason":"first","progress":"failed","reason":"last"');
    expect((await send("/webhooks/bankconnect", text, BC_HEADERS)).status).toBe(200);
    const [event] = handler.events;
    expect(event.name).toBe("bankconnect.failed");
    expect(event.payload).toMatchObject({ progress: "failed", reason: "last" });
    expect(event.id).toBe(deriveBankConnectEventId(event.payload as never));

    // Valid first, invalid last: refused, the schema saw what handlers would have.
    const invalidLast = JSON.stringify(buildIbanfirstDelivery()).replace('"notificationId":', '"notificationId":"ok","notificationId":12,"x":');
    expect((await send("/webhooks/ibanfirst", invalidLast, ibfHeaders())).body).toMatchObject({ error: "invalid_payload" });
    const twoIds = JSON.stringify(buildIbanfirstDelivery([buildIbanfirstNotification("transferCreated", { notificationId: "second" })])).replace(
      '"notificationId":"second"',
      '"notificationId":"first","notificationId":"second"',
    );
    expect((await send("/webhooks/ibanfirst", twoIds, ibfHeaders())).status).toBe(200);
    expect(handler.events[1]).toMatchObject({ id: "second", payload: { notificationId: "second" } });
  });
});

describe("a delivery with 100,000 notifications", () => {
  const many = (count: number, notification: () => object) =>
    JSON.stringify({ requestId: "r", date: "2026-03-14 09:26:53", notifications: Array.from({ length: count }, notification) });

  test("under a 50 MB bodyLimit, maxNotifications answers 413 within a second, before validation, and no handler runs", async () => {
    const { send, handler, stillServes } = await setup({ bodyLimit: "50mb" });
    // Every item invalid: Ajv listing 100,000 errors would take seconds; the bound comes first.
    const invalid = many(100_000, () => ({ notificationId: "", type: "transferCreated", body: {} }));
    const res = await send("/webhooks/ibanfirst", invalid, ibfHeaders());
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      ok: false,
      error: "too_many_notifications",
      message: "A delivery may carry at most 1000 notifications; send them in smaller batches.",
    });
    const valid = many(100_000, () => buildIbanfirstNotification("transferUpdated"));
    expect((await send("/webhooks/ibanfirst", valid, ibfHeaders())).status).toBe(413);
    expect(handler.count()).toBe(0);
    await stillServes();
  });

  test("maxNotifications is exact: that many are handled, one more is refused whole", async () => {
    const { send, handler } = await setup({ maxNotifications: 5 });
    const five = buildIbanfirstDelivery(Array.from({ length: 5 }, () => buildIbanfirstNotification("transferCreated")));
    expect((await send("/webhooks/ibanfirst", JSON.stringify(five), ibfHeaders())).body).toEqual({ ok: true, events: 5, duplicates: 0 });
    const six = buildIbanfirstDelivery(Array.from({ length: 6 }, () => buildIbanfirstNotification("transferCreated")));
    expect((await send("/webhooks/ibanfirst", JSON.stringify(six), ibfHeaders())).status).toBe(413);
    expect(handler.count()).toBe(5);
  });

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("maxNotifications: %p is refused at construction", (value) => {
    expect(() => createWebhooks({ maxNotifications: value })).toThrow("bankhooks: maxNotifications must be a positive number");
  });
});

describe("X-WSSE attacks", () => {
  const delivery = () => JSON.stringify(buildIbanfirstDelivery());

  test("a replayed nonce gets 401, even with a new body; the first use ran its handler once", async () => {
    const { send, handler } = await setup();
    const headers = ibfHeaders();
    expect((await send("/webhooks/ibanfirst", delivery(), headers)).status).toBe(200);
    const replay = await send("/webhooks/ibanfirst", delivery(), headers);
    expect(replay.status).toBe(401);
    expect(replay.headers["www-authenticate"]).toMatch(/^WSSE /);
    expect(handler.count()).toBe(1);
  });

  test("a nonce first used by a GET handshake cannot be replayed on a POST", async () => {
    const { url, send, handler } = await setup();
    const headers = ibfHeaders();
    const handshake = await httpRequest(url, "/webhooks/ibanfirst", { method: "GET", headers });
    expect(handshake.status).toBe(200);
    expect((await send("/webhooks/ibanfirst", delivery(), headers)).status).toBe(401);
    expect(handler.count()).toBe(0);
  });

  test("forged digests get 401: the wrong secret, random bytes of the right length, a digest of another token", async () => {
    const { send, handler } = await setup();
    const forged = [
      wsseHeader({ ...CREDENTIAL, secret: "guessed" }),
      wsseHeader(CREDENTIAL).replace(/PasswordDigest="[^"]*"/, `PasswordDigest="${Buffer.alloc(20, 7).toString("base64")}"`),
      wsseHeader(CREDENTIAL).replace(/PasswordDigest="[^"]*"/, wsseHeader(CREDENTIAL).match(/PasswordDigest="[^"]*"/)![0]),
    ];
    for (const header of forged) {
      expect((await send("/webhooks/ibanfirst", delivery(), { "content-type": "application/json", "x-wsse": header })).status).toBe(401);
    }
    expect(handler.count()).toBe(0);
  });

  test("Created in the future: beyond maxClockSkewSeconds gets 401; within it is accepted", async () => {
    const { send, handler } = await setup();
    const at = (seconds: number) => ({ "content-type": "application/json", "x-wsse": wsseHeader({ ...CREDENTIAL, created: new Date(Date.now() + seconds * 1000) }) });
    expect((await send("/webhooks/ibanfirst", delivery(), at(600))).status).toBe(401);
    expect((await send("/webhooks/ibanfirst", delivery(), at(10 * 365 * 86_400))).status).toBe(401);
    expect((await send("/webhooks/ibanfirst", delivery(), at(240))).status).toBe(200);
    expect(handler.count()).toBe(1);
  });
});

describe("oversized headers", () => {
  test("headers over Node's 16 KB limit get 431 from Node itself, the connection is closed, and the server goes on", async () => {
    const { port, handler, stillServes } = await setup();
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/webhooks/ibanfirst", { ...ibfHeaders(), "x-padding": "x".repeat(20 * 1024), "content-length": 2 }));
    conn.write("{}");
    expect((await conn.response).status).toBe(431);
    await conn.closed;
    expect(handler.count()).toBe(0);
    await stillServes();
  });

  test("an 8 KB X-WSSE header (under Node's limit) gets 401 without being parsed", async () => {
    const { send, handler } = await setup();
    const huge = `UsernameToken ${'Nonce="x", '.repeat(800)}${wsseHeader(CREDENTIAL).slice("UsernameToken ".length)}`;
    expect(huge.length).toBeGreaterThan(8000);
    expect((await send("/webhooks/ibanfirst", JSON.stringify(buildIbanfirstDelivery()), { "content-type": "application/json", "x-wsse": huge })).status).toBe(401);
    expect(handler.count()).toBe(0);
  });
});
