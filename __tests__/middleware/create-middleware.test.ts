// The acknowledgement contract, row by row, over real HTTP: what a sender gets for each kind of
// request, and what handlers see. Run on the mounts where bankhooks reads the body itself (plain
// node:http, Express 5 and Express 4 with no body parser); mounting.test.ts runs the core rows in
// every other way of mounting it.

import type { AnyWebhookEvent, IdempotencyStore, Webhooks, WebhooksOptions } from "bankhooks";
import { buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification, fixtures, wsseHeader } from "bankhooks/testing";
import request from "supertest";
import { createDeferred, settle, waitUntil } from "../helpers/deferred";
import { CREDENTIAL, createWebhooks, recordHandler, TOKEN, type HandlerRecorder } from "../helpers/create-webhooks";
import { bankconnectCase, FAMILY_CASES, ibanfirstCase } from "../helpers/family-cases";
import { httpRequest, post } from "../helpers/http-client";
import { express, express4, MOUNTING_VARIANTS, type Mounted } from "../helpers/mounting-variants";
import { openRawConnection, requestHead } from "../helpers/raw-http";
import { closeServers, startServer, type RunningServer } from "../helpers/start-server";

const UNAUTHORIZED = { ok: false, error: "unauthorized", message: "Authentication failed." };
const JSON_HEADERS = { "content-type": "application/json" };

afterEach(closeServers);

const MOUNTS = MOUNTING_VARIANTS.filter((variant) => variant.parser === "none" && variant.layout === "prefix");

describe.each(MOUNTS.map((variant) => ({ ...variant, label: variant.name })))("$label", (variant) => {
  let webhooks: Webhooks;
  let handler: HandlerRecorder;
  let mounted: Mounted;
  let server: RunningServer;

  /** A fresh Webhooks with these options, a recording onAny handler, mounted and listening. */
  async function setup(options: WebhooksOptions = {}, behaviour?: Parameters<typeof recordHandler>[1]): Promise<void> {
    webhooks = createWebhooks(options);
    handler = recordHandler(webhooks, behaviour);
    mounted = variant.mount(webhooks);
    server = await startServer(mounted.listener);
  }

  describe("200: accepted once every handler finished", () => {
    test.each(FAMILY_CASES)("$family: exactly 200 with events and duplicates", async (fc) => {
      await setup();
      const res = await post(server.url, mounted.paths[fc.family], fc.body(), fc.headers());
      expect(res.status).toBe(200);
      expect(res.text).toBe(JSON.stringify({ ok: true, events: fc.events, duplicates: 0 }));
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    });

    test.each(FAMILY_CASES)("$family: 200 when no handler is registered", async (fc) => {
      webhooks = createWebhooks();
      mounted = variant.mount(webhooks);
      server = await startServer(mounted.listener);
      const res = await post(server.url, mounted.paths[fc.family], fc.body(), fc.headers());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, events: fc.events, duplicates: 0 });
    });

    test.each(FAMILY_CASES)("$family: the answer waits for the handler to finish", async (fc) => {
      const gate = createDeferred();
      let finished = false;
      await setup({}, async (_event, call) => {
        if (call === 1) await gate.promise;
        finished = true;
      });
      let answered = false;
      const pending = post(server.url, mounted.paths[fc.family], fc.body(), fc.headers()).then((res) => {
        answered = true;
        return res;
      });
      await waitUntil(() => handler.count() === 1);
      await settle(50);
      expect(answered).toBe(false);
      gate.resolve();
      const res = await pending;
      expect(finished).toBe(true);
      expect(res.status).toBe(200);
    });

    test("the iBanFirst sample delivery: {ok:true, events:3, duplicates:0}, handlers given each notification", async () => {
      await setup();
      const res = await post(server.url, mounted.paths.ibanfirst, fixtures.ibanfirst.delivery, ibanfirstCase.headers());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, events: 3, duplicates: 0 });
      expect(handler.events.map((event) => [event.name, event.id])).toEqual([
        ["ibanfirst.transferCreated", "NjU1MzQ3OTA"],
        ["ibanfirst.transferUpdated", "NjU1MzQ3OTE"],
        ["ibanfirst.documentRequired", "NjU1MzQ3OTI"],
      ]);
      expect(handler.events[0].delivery).toMatchObject({ requestId: fixtures.ibanfirst.delivery.requestId, date: "2026-03-14 09:26:53" });
    });

    test("both BankConnect samples (completed and failed) are accepted as their own events", async () => {
      await setup();
      for (const body of [fixtures.bankconnect.completed, fixtures.bankconnect.failed]) {
        const res = await post(server.url, mounted.paths.bankconnect, body, bankconnectCase.headers());
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true, events: 1, duplicates: 0 });
      }
      expect(handler.events.map((event) => event.name)).toEqual(["bankconnect.completed", "bankconnect.failed"]);
    });
  });

  describe("200 for a retry: events already processed are not run again", () => {
    test.each(FAMILY_CASES)("$family: every event already processed", async (fc) => {
      await setup();
      for (let attempt = 0; attempt < 3; attempt++) {
        const res = await post(server.url, mounted.paths[fc.family], fc.body(), fc.headers());
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true, events: fc.events, duplicates: attempt === 0 ? 0 : fc.events });
      }
      expect(handler.count()).toBe(fc.events);
    });

    test("BankConnect: the same payload with its keys reordered and a new field is still a duplicate", async () => {
      await setup();
      const { entity_id, statement_id, link_id, progress, reason } = fixtures.bankconnect.completed;
      await post(server.url, mounted.paths.bankconnect, fixtures.bankconnect.completed, bankconnectCase.headers());
      const reordered = { reason, progress, link_id, statement_id, entity_id, extra: "new field" };
      const res = await post(server.url, mounted.paths.bankconnect, reordered, bankconnectCase.headers());
      expect(res.body).toEqual({ ok: true, events: 1, duplicates: 1 });
      expect(handler.count()).toBe(1);
    });

    test("iBanFirst: a retry with a new requestId and one new notification runs only the new one", async () => {
      await setup();
      const done = buildIbanfirstNotification("transferCreated");
      await post(server.url, mounted.paths.ibanfirst, buildIbanfirstDelivery([done]), ibanfirstCase.headers());
      const fresh = buildIbanfirstNotification("transferUpdated");
      const res = await post(server.url, mounted.paths.ibanfirst, buildIbanfirstDelivery([done, fresh]), ibanfirstCase.headers());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, events: 2, duplicates: 1 });
      expect(handler.ids()).toEqual([done.notificationId, fresh.notificationId]);
    });
  });

  describe("503 with Retry-After while another request processes an event; nothing lost", () => {
    test.each(FAMILY_CASES)("$family: concurrent delivery of the same event", async (fc) => {
      const gate = createDeferred();
      await setup({ retryAfterSeconds: 7 }, (_event, call) => (call === 1 ? gate.promise : undefined));
      const path = mounted.paths[fc.family];
      const first = post(server.url, path, fc.body(), fc.headers());
      await waitUntil(() => handler.count() === 1);

      const concurrent = await post(server.url, path, fc.body(), fc.headers());
      expect(concurrent.status).toBe(503);
      expect(concurrent.headers["retry-after"]).toBe("7");
      expect(concurrent.body).toEqual({
        ok: false,
        error: "in_progress",
        message: "An event of this delivery is being processed by another request; retry later.",
      });
      expect(handler.count()).toBe(1);

      gate.resolve();
      const firstRes = await first;
      expect(firstRes.status).toBe(200);
      expect(firstRes.body).toEqual({ ok: true, events: fc.events, duplicates: 0 });
      const retry = await post(server.url, path, fc.body(), fc.headers());
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ ok: true, events: fc.events, duplicates: fc.events });
      expect(handler.count()).toBe(fc.events);
    });

    test("iBanFirst: events before the busy one are handled; the retry skips them", async () => {
      const gate = createDeferred();
      const busy = buildIbanfirstNotification("transferCreated");
      const before = buildIbanfirstNotification("entityCreated");
      await setup({}, (event) => (event.id === busy.notificationId && gate.promise) || undefined);
      const path = mounted.paths.ibanfirst;
      const first = post(server.url, path, buildIbanfirstDelivery([busy]), ibanfirstCase.headers());
      await waitUntil(() => handler.count() === 1);

      const second = await post(server.url, path, buildIbanfirstDelivery([before, busy]), ibanfirstCase.headers());
      expect(second.status).toBe(503);
      expect(handler.ids()).toEqual([busy.notificationId, before.notificationId]);

      gate.resolve();
      expect((await first).status).toBe(200);
      const retry = await post(server.url, path, buildIbanfirstDelivery([before, busy]), ibanfirstCase.headers());
      expect(retry.body).toEqual({ ok: true, events: 2, duplicates: 2 });
      expect(handler.count()).toBe(2);
    });
  });

  describe("GET and HEAD on the iBanFirst path: the endpoint check", () => {
    test("GET with a valid X-WSSE gets 200", async () => {
      await setup();
      const res = await httpRequest(server.url, mounted.paths.ibanfirst, { method: "GET", headers: ibanfirstCase.auth() });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, handshake: true });
    });

    test("HEAD with a valid X-WSSE gets 200 and no body", async () => {
      await setup();
      const res = await httpRequest(server.url, mounted.paths.ibanfirst, { method: "HEAD", headers: ibanfirstCase.auth() });
      expect(res.status).toBe(200);
      expect(res.text).toBe("");
    });

    test.each(["GET", "HEAD"])("%s without a valid X-WSSE gets 401", async (method) => {
      await setup();
      const res = await httpRequest(server.url, mounted.paths.ibanfirst, {
        method,
        headers: { "x-wsse": wsseHeader({ username: "acme", secret: "wrong" }) },
      });
      expect(res.status).toBe(401);
    });
  });

  describe("401 for missing or invalid authentication, the same body whatever failed", () => {
    test("iBanFirst: every kind of X-WSSE failure gets the identical answer", async () => {
      await setup();
      const path = mounted.paths.ibanfirst;
      const send = (xWsse?: string) =>
        post(server.url, path, buildIbanfirstDelivery(), xWsse === undefined ? JSON_HEADERS : { ...JSON_HEADERS, "x-wsse": xWsse });
      const hour = 3600_000;
      const replayed = wsseHeader(CREDENTIAL);
      expect((await send(replayed)).status).toBe(200);

      const failures = {
        missing: await send(undefined),
        malformed: await send("UsernameToken garbage"),
        wrongSecret: await send(wsseHeader({ username: "acme", secret: "not-the-secret" })),
        unknownUser: await send(wsseHeader({ username: "mallory", secret: CREDENTIAL.secret })),
        expired: await send(wsseHeader({ ...CREDENTIAL, created: new Date(Date.now() - hour) })),
        future: await send(wsseHeader({ ...CREDENTIAL, created: new Date(Date.now() + hour) })),
        notIsoCreated: await send(wsseHeader({ ...CREDENTIAL, created: "yesterday" })),
        replayedNonce: await send(replayed),
      };
      const wwwAuthenticate = failures.missing.headers["www-authenticate"];
      expect(wwwAuthenticate).toBeTruthy();
      for (const [kind, res] of Object.entries(failures)) {
        expect({ kind, status: res.status }).toEqual({ kind, status: 401 });
        expect(res.text).toBe(JSON.stringify(UNAUTHORIZED));
        expect(res.headers["www-authenticate"]).toBe(wwwAuthenticate);
      }
      expect(handler.count()).toBe(1);
    });

    test("BankConnect: missing token, wrong header token, wrong ?token= get the identical answer", async () => {
      await setup();
      const path = mounted.paths.bankconnect;
      const body = buildBankConnectPayload();
      const failures = [
        await post(server.url, path, body, JSON_HEADERS),
        await post(server.url, path, body, { ...JSON_HEADERS, "x-secret-key": "wrong" }),
        await post(server.url, path, body, { ...JSON_HEADERS, "x-secret-key": `${TOKEN}x` }),
        await post(server.url, `${path}?token=wrong`, body, JSON_HEADERS),
        await post(server.url, `${path}?token=`, body, JSON_HEADERS),
      ];
      for (const res of failures) {
        expect(res.status).toBe(401);
        expect(res.text).toBe(JSON.stringify(UNAUTHORIZED));
      }
      expect(handler.count()).toBe(0);
    });

    test("BankConnect: an address outside allowIps gets the identical answer, even with the right token", async () => {
      await setup({ bankconnect: { token: TOKEN, allowIps: ["203.0.113.7"] } });
      const res = await post(server.url, mounted.paths.bankconnect, buildBankConnectPayload(), bankconnectCase.headers());
      expect(res.status).toBe(401);
      expect(res.text).toBe(JSON.stringify(UNAUTHORIZED));
      expect(handler.count()).toBe(0);
    });

    test("BankConnect: the token is accepted from x-secret-key or from ?token=", async () => {
      await setup();
      const path = mounted.paths.bankconnect;
      const byHeader = await post(server.url, path, buildBankConnectPayload(), { ...JSON_HEADERS, "x-secret-key": TOKEN });
      const byQuery = await post(server.url, `${path}?token=${TOKEN}`, buildBankConnectPayload(), JSON_HEADERS);
      expect(byHeader.status).toBe(200);
      expect(byQuery.status).toBe(200);
      expect(handler.count()).toBe(2);
    });

    test("authentication is checked before the body: a refused request with a huge declared body gets 401 at once", async () => {
      await setup();
      const conn = await openRawConnection(server.port);
      conn.write(requestHead("POST", mounted.paths.bankconnect, { ...JSON_HEADERS, "content-length": 100 * 1024 * 1024 }));
      conn.write("{");
      const res = await conn.response;
      expect(res.status).toBe(401);
      await conn.closed;
    });
  });

  describe("415 for a Content-Type other than application/json", () => {
    const refused = [
      undefined,
      "text/plain",
      "application/xml",
      "application/x-www-form-urlencoded",
      "application/jsonp",
      "application/json; charset=latin1",
      "not a type",
    ];
    const accepted = [
      "application/json",
      "application/json; charset=utf-8",
      "application/json;charset=UTF-8",
      "application/json; charset=utf8",
      "Application/JSON",
    ];

    test.each(FAMILY_CASES.flatMap((fc) => refused.map((contentType) => ({ fc, family: fc.family, contentType: String(contentType) }))))(
      "$family: $contentType gets 415",
      async ({ fc, contentType }) => {
        await setup();
        const headers = fc.auth();
        if (contentType !== "undefined") headers["content-type"] = contentType;
        const res = await post(server.url, mounted.paths[fc.family], JSON.stringify(fc.body()), headers);
        expect(res.status).toBe(415);
        expect(res.body).toEqual({ ok: false, error: "unsupported_media_type", message: "Content-Type must be application/json (UTF-8)." });
        expect(handler.count()).toBe(0);
      },
    );

    test.each(FAMILY_CASES.flatMap((fc) => accepted.map((contentType) => ({ fc, family: fc.family, contentType }))))(
      "$family: $contentType is accepted",
      async ({ fc, contentType }) => {
        await setup();
        const res = await post(server.url, mounted.paths[fc.family], fc.body(), { ...fc.auth(), "content-type": contentType });
        expect(res.status).toBe(200);
      },
    );
  });

  describe("413 for a body larger than bodyLimit, without buffering the rest", () => {
    const LIMIT = 2048;

    /** The delivery as JSON text of exactly `size` bytes, padded with an extra (allowed) property. */
    function padded(body: Record<string, unknown>, size: number): string {
      const base = JSON.stringify({ ...body, pad: "" });
      return JSON.stringify({ ...body, pad: "x".repeat(size - Buffer.byteLength(base)) });
    }

    test.each(FAMILY_CASES)("$family: exactly bodyLimit bytes is accepted, one more gets 413", async (fc) => {
      await setup({ bodyLimit: LIMIT });
      const path = mounted.paths[fc.family];
      const atLimit = padded(fc.body(), LIMIT);
      expect(Buffer.byteLength(atLimit)).toBe(LIMIT);
      expect((await post(server.url, path, atLimit, fc.headers())).status).toBe(200);

      const over = padded(fc.body(), LIMIT + 1);
      const res = await post(server.url, path, over, fc.headers());
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ ok: false, error: "payload_too_large", message: "The body is larger than this endpoint accepts." });
      expect(handler.count()).toBe(fc.events);
    });

    test.each(FAMILY_CASES)(
      "$family: a declared 100 MB Content-Length gets 413 after a few bytes, and the connection is closed",
      async (fc) => {
        await setup({ bodyLimit: "1mb" });
        const conn = await openRawConnection(server.port);
        conn.write(requestHead("POST", mounted.paths[fc.family], { ...fc.headers(), "content-length": 100 * 1024 * 1024 }));
        conn.write('{"notifications":[');
        const res = await conn.response;
        expect(res.status).toBe(413);
        expect(res.headers.connection).toBe("close");
        await conn.closed;
        expect(handler.count()).toBe(0);
      },
    );

    test.each(FAMILY_CASES)("$family: a chunked body is cut off as soon as it passes bodyLimit", async (fc) => {
      await setup({ bodyLimit: LIMIT });
      const conn = await openRawConnection(server.port);
      conn.write(requestHead("POST", mounted.paths[fc.family], { ...fc.headers(), "transfer-encoding": "chunked" }));
      // Chunks keep coming while the client has not seen an answer; the last chunk is never sent.
      const piece = Buffer.from(`${(512).toString(16)}\r\n${"x".repeat(512)}\r\n`);
      conn.write(Buffer.from(`${(1).toString(16)}\r\n{\r\n`));
      const feeder = setInterval(() => conn.write(piece), 5);
      try {
        const res = await conn.response;
        expect(res.status).toBe(413);
        await conn.closed;
      } finally {
        clearInterval(feeder);
      }
      expect(handler.count()).toBe(0);
    });
  });

  describe("408 for a body not complete within bodyTimeoutMs, counted from its first byte", () => {
    test.each(FAMILY_CASES)("$family: a stalled body gets 408 and the socket is closed", async (fc) => {
      await setup({ bodyTimeoutMs: 200 });
      const conn = await openRawConnection(server.port);
      const text = JSON.stringify(fc.body());
      conn.write(requestHead("POST", mounted.paths[fc.family], { ...fc.headers(), "content-length": Buffer.byteLength(text) }));
      conn.write(text.slice(0, 20));
      const res = await conn.response;
      expect(res.status).toBe(408);
      expect(res.body).toBe(JSON.stringify({ ok: false, error: "request_timeout", message: "The body did not arrive in time." }));
      expect(res.headers.connection).toBe("close");
      await conn.closed;
      expect(handler.count()).toBe(0);
    });

    test("a client that keeps trickling bytes after its 408 is still disconnected", async () => {
      await setup({ bodyTimeoutMs: 200 });
      const conn = await openRawConnection(server.port);
      conn.write(requestHead("POST", mounted.paths.bankconnect, { ...bankconnectCase.headers(), "content-length": 1_000_000 }));
      const trickle = setInterval(() => conn.write("x"), 20);
      try {
        expect((await conn.response).status).toBe(408);
        await conn.closed;
      } finally {
        clearInterval(trickle);
      }
    });

    test("the clock starts at the first byte: a body that starts late but arrives whole is accepted", async () => {
      await setup({ bodyTimeoutMs: 150 });
      const conn = await openRawConnection(server.port);
      const text = JSON.stringify(buildBankConnectPayload());
      conn.write(
        requestHead("POST", mounted.paths.bankconnect, { ...bankconnectCase.headers(), "content-length": Buffer.byteLength(text) }),
      );
      await settle(400);
      conn.write(text);
      const res = await conn.response;
      expect(res.status).toBe(200);
      expect(handler.count()).toBe(1);
      conn.socket.destroy();
    });
  });

  describe("400 for a body that is not a JSON object", () => {
    const cases: [string, string | Buffer][] = [
      ["not JSON", "{ this is not json"],
      ["truncated JSON", '{"entity_id":"a"'],
      ["empty body", ""],
      ["whitespace only", "  \n"],
      ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
      [
        "a lone UTF-16 surrogate encoded as UTF-8 (CESU)",
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      ],
      ["an array", "[]"],
      ["a number", "42"],
      ["null", "null"],
      ["a string", '"hello"'],
      ["true", "true"],
    ];

    test.each(FAMILY_CASES.flatMap((fc) => cases.map(([what, body]) => ({ fc, family: fc.family, what, body }))))(
      "$family: $what gets 400",
      async ({ fc, body }) => {
        await setup();
        const res = await post(server.url, mounted.paths[fc.family], body, fc.headers());
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ ok: false, error: "bad_request" });
        expect(handler.count()).toBe(0);
      },
    );

    test.each(FAMILY_CASES)("$family: a UTF-8 byte order mark is tolerated", async (fc) => {
      await setup();
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(fc.body()))]);
      const res = await post(server.url, mounted.paths[fc.family], body, fc.headers());
      expect(res.status).toBe(200);
    });

    test.each(FAMILY_CASES)("$family: a __proto__ key gets 400 and Object.prototype stays clean", async (fc) => {
      await setup();
      const valid = JSON.stringify(fc.body());
      const attacks = [
        `{"__proto__":{"pollutedByTest":true},${valid.slice(1)}`,
        `${valid.slice(0, -1)},"nested":{"__proto__":{"pollutedByTest":true}}}`,
        `${valid.slice(0, -1)},"constructor":{"prototype":{"pollutedByTest":true}}}`,
      ];
      for (const text of attacks) {
        const res = await post(server.url, mounted.paths[fc.family], text, fc.headers());
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ ok: false, error: "bad_request" });
      }
      expect(({} as Record<string, unknown>).pollutedByTest).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("pollutedByTest");
      expect(handler.count()).toBe(0);
    });
  });

  describe("400 for a schema violation, with JSON pointers; no event of the delivery is handled", () => {
    test("iBanFirst: the 3rd notification is invalid, so handlers for the 1st and 2nd never run", async () => {
      await setup();
      const { body, pointer } = ibanfirstCase.schemaViolation();
      const res = await post(server.url, mounted.paths.ibanfirst, body, ibanfirstCase.headers());
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        ok: false,
        error: "invalid_payload",
        message: "The delivery does not match the provider's schema; no event of it was handled.",
        errors: [{ pointer, message: "is required" }],
      });
      expect(handler.count()).toBe(0);
      // Nothing was claimed either: the corrected delivery runs all three.
      const fixed = await post(server.url, mounted.paths.ibanfirst, fixtures.ibanfirst.delivery, ibanfirstCase.headers());
      expect(fixed.body).toEqual({ ok: true, events: 3, duplicates: 0 });
    });

    test("iBanFirst: pointers name each wrong value", async () => {
      await setup();
      const delivery = fixtures.ibanfirst.delivery as unknown as { date: unknown; notifications: Record<string, unknown>[] };
      delivery.date = "yesterday";
      (delivery.notifications[0].body as Record<string, unknown>).amount = { value: "1.00" };
      delete delivery.notifications[1].notificationId;
      const res = await post(server.url, mounted.paths.ibanfirst, delivery, ibanfirstCase.headers());
      expect(res.status).toBe(400);
      const pointers = (res.body.errors as { pointer: string; message: string }[]).map((error) => error.pointer);
      expect(pointers).toEqual(
        expect.arrayContaining(["/date", "/notifications/0/body/amount/currency", "/notifications/1/notificationId"]),
      );
      for (const error of res.body.errors) expect(typeof error.message).toBe("string");
      expect(handler.count()).toBe(0);
    });

    test.each([
      ["an empty notifications array", { notifications: [] }, "/notifications"],
      ["no notifications", { requestId: "r" }, "/notifications"],
    ])("iBanFirst: %s", async (_what, body, pointer) => {
      await setup();
      const res = await post(server.url, mounted.paths.ibanfirst, body, ibanfirstCase.headers());
      expect(res.status).toBe(400);
      expect(res.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer);
    });

    test.each([
      ["a missing field", () => bankconnectCase.schemaViolation().body, "/progress"],
      ["a wrongly typed field", () => ({ ...buildBankConnectPayload(), entity_id: 42 }), "/entity_id"],
      ["an empty entity_id", () => ({ ...buildBankConnectPayload(), entity_id: "" }), "/entity_id"],
    ])("BankConnect: %s", async (_what, body, pointer) => {
      await setup();
      const res = await post(server.url, mounted.paths.bankconnect, body(), bankconnectCase.headers());
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ok: false, error: "invalid_payload" });
      expect(res.body.errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer);
      expect(handler.count()).toBe(0);
    });
  });

  describe("500 when a handler throws or rejects, without the internal message; the retry runs it again", () => {
    const failures: [string, (message: string) => unknown][] = [
      [
        "throws",
        (message) => {
          throw new Error(message);
        },
      ],
      ["rejects", (message) => Promise.reject(new Error(message))],
      [
        "throws a non-Error",
        (message) => {
          throw message;
        },
      ],
    ];

    test.each(FAMILY_CASES.flatMap((fc) => failures.map(([how, fail]) => ({ fc, family: fc.family, how, fail }))))(
      "$family: a handler that $how",
      async ({ fc, fail }) => {
        const secret = "SECRET connection string postgres://admin:hunter2@db";
        await setup({}, (_event, call) => (call === 1 ? fail(secret) : undefined));
        const path = mounted.paths[fc.family];
        const res = await post(server.url, path, fc.body(), fc.headers());
        expect(res.status).toBe(500);
        expect(res.body).toEqual({
          ok: false,
          error: "handler_failed",
          message: "A handler failed; retry later: events already handled will be skipped.",
        });
        expect(res.text).not.toContain("SECRET");
        expect(res.text).not.toContain("hunter2");

        const retry = await post(server.url, path, fc.body(), fc.headers());
        expect(retry.status).toBe(200);
        expect(retry.body).toEqual({ ok: true, events: fc.events, duplicates: 0 });
        expect(handler.ids().filter((id) => id === handler.ids()[0])).toHaveLength(2);
      },
    );

    test("several handlers failing for one event still answer 500 without their messages", async () => {
      await setup();
      webhooks.on("bankconnect.completed", () => {
        throw new Error("SECRET one");
      });
      webhooks.on("bankconnect.completed", async () => {
        throw new Error("SECRET two");
      });
      const res = await post(server.url, mounted.paths.bankconnect, buildBankConnectPayload(), bankconnectCase.headers());
      expect(res.status).toBe(500);
      expect(res.text).not.toContain("SECRET");
    });

    test.each(["claim", "complete"] as const)("an idempotency store whose %s fails gets 500 without its message", async (failing) => {
      const store: IdempotencyStore = {
        claim: async () => {
          if (failing === "claim") throw new Error("SECRET redis://admin:hunter2@cache");
          return "claimed";
        },
        complete: async () => {
          if (failing === "complete") throw new Error("SECRET redis://admin:hunter2@cache");
        },
        release: async () => undefined,
      };
      await setup({ idempotency: store });
      const res = await post(server.url, mounted.paths.bankconnect, buildBankConnectPayload(), bankconnectCase.headers());
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ ok: false, error: "internal_error", message: "The receiver failed; retry later." });
      expect(res.text).not.toContain("SECRET");
    });

    test("onError is told about the failure; the answer stays 500", async () => {
      const reported: [Error, AnyWebhookEvent][] = [];
      await setup({}, () => {
        throw new Error("boom");
      });
      webhooks.onError((error, event) => void reported.push([error, event]));
      const res = await post(server.url, mounted.paths.bankconnect, buildBankConnectPayload(), bankconnectCase.headers());
      expect(res.status).toBe(500);
      expect(reported).toHaveLength(1);
      expect(reported[0][0].message).toBe("boom");
      expect(reported[0][1].name).toBe("bankconnect.completed");
    });
  });

  describe("405 with Allow for other methods", () => {
    const methods = [
      { family: "bankconnect" as const, method: "GET", allow: "POST" },
      { family: "bankconnect" as const, method: "HEAD", allow: "POST" },
      { family: "bankconnect" as const, method: "PUT", allow: "POST" },
      { family: "bankconnect" as const, method: "DELETE", allow: "POST" },
      { family: "bankconnect" as const, method: "PATCH", allow: "POST" },
      { family: "bankconnect" as const, method: "OPTIONS", allow: "POST" },
      { family: "ibanfirst" as const, method: "PUT", allow: "GET, HEAD, POST" },
      { family: "ibanfirst" as const, method: "DELETE", allow: "GET, HEAD, POST" },
      { family: "ibanfirst" as const, method: "PATCH", allow: "GET, HEAD, POST" },
      { family: "ibanfirst" as const, method: "OPTIONS", allow: "GET, HEAD, POST" },
    ];

    test.each(methods)("$family: $method gets 405 with Allow: $allow", async ({ family, method, allow }) => {
      await setup();
      const fc = family === "bankconnect" ? bankconnectCase : ibanfirstCase;
      const res = await httpRequest(server.url, mounted.paths[family], {
        method,
        headers: fc.headers(),
        body: method === "GET" || method === "HEAD" ? undefined : fc.body(),
      });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe(allow);
      if (method !== "HEAD") expect(res.body).toMatchObject({ ok: false, error: "method_not_allowed" });
      expect(handler.count()).toBe(0);
    });
  });

  describe("503 with Retry-After when timeoutMs passes before handlers finish", () => {
    test.each(FAMILY_CASES)("$family: the handler goes on, its event stays claimed until it ends, then a retry gets 200", async (fc) => {
      const gate = createDeferred();
      let finished = 0;
      await setup({ timeoutMs: 100, retryAfterSeconds: 30 }, async (_event, call) => {
        if (call === 1) await gate.promise;
        finished++;
      });
      const path = mounted.paths[fc.family];

      const res = await post(server.url, path, fc.body(), fc.headers());
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("30");
      expect(res.body).toEqual({
        ok: false,
        error: "timeout",
        message: "Handlers are still running; retry later: events already handled will be skipped.",
      });
      expect(finished).toBe(0);

      const during = await post(server.url, path, fc.body(), fc.headers());
      expect(during.status).toBe(503);
      expect(during.headers["retry-after"]).toBe("30");
      expect(during.body).toMatchObject({ ok: false, error: "in_progress" });

      gate.resolve();
      await waitUntil(() => finished === fc.events);
      await settle();
      const after = await post(server.url, path, fc.body(), fc.headers());
      expect(after.status).toBe(200);
      expect(after.body).toEqual({ ok: true, events: fc.events, duplicates: fc.events });
      expect(handler.count()).toBe(fc.events);
    });

    test("a handler that fails after the 503 releases its event: the retry runs it again", async () => {
      const gate = createDeferred();
      await setup({ timeoutMs: 50 }, async (_event, call) => {
        if (call === 1) {
          await gate.promise;
          throw new Error("late failure");
        }
      });
      const path = mounted.paths.bankconnect;
      const body = buildBankConnectPayload();
      expect((await post(server.url, path, body, bankconnectCase.headers())).status).toBe(503);
      gate.resolve();
      await settle(30);
      const retry = await post(server.url, path, body, bankconnectCase.headers());
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ ok: true, events: 1, duplicates: 0 });
      expect(handler.count()).toBe(2);
    });

    test("handlers that finish within timeoutMs get 200", async () => {
      await setup({ timeoutMs: 2000 }, () => settle(20));
      const res = await post(server.url, mounted.paths.ibanfirst, fixtures.ibanfirst.delivery, ibanfirstCase.headers());
      expect(res.status).toBe(200);
    });
  });

  describe("iBanFirst notifications: array order, stop at the first failure, the retry skips those done", () => {
    test("handled one after another in array order", async () => {
      const log: string[] = [];
      await setup({}, async (event) => {
        log.push(`start ${event.type}`);
        await settle(15);
        log.push(`end ${event.type}`);
      });
      const types = ["documentRequired", "transferCreated", "entityUpdated", "transferReversed"] as const;
      const delivery = buildIbanfirstDelivery(types.map((type) => buildIbanfirstNotification(type)));
      const res = await post(server.url, mounted.paths.ibanfirst, delivery, ibanfirstCase.headers());
      expect(res.body).toEqual({ ok: true, events: 4, duplicates: 0 });
      expect(log).toEqual(types.flatMap((type) => [`start ${type}`, `end ${type}`]));
    });

    test("at the first failure the rest are not started; the retry runs them and skips those done", async () => {
      const [a, b, c] = [
        buildIbanfirstNotification("transferCreated"),
        buildIbanfirstNotification("transferUpdated"),
        buildIbanfirstNotification("documentRequired"),
      ];
      let failB = true;
      await setup({}, (event) => {
        if (event.id === b.notificationId && failB) {
          failB = false;
          throw new Error("b failed");
        }
      });
      const path = mounted.paths.ibanfirst;
      const failed = await post(server.url, path, buildIbanfirstDelivery([a, b, c]), ibanfirstCase.headers());
      expect(failed.status).toBe(500);
      expect(handler.ids()).toEqual([a.notificationId, b.notificationId]);

      const retry = await post(server.url, path, buildIbanfirstDelivery([a, b, c]), ibanfirstCase.headers());
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ ok: true, events: 3, duplicates: 1 });
      expect(handler.ids()).toEqual([a.notificationId, b.notificationId, b.notificationId, c.notificationId]);
    });

    test('an unknown type ("somethingNew") reaches onAny, not named handlers, and gets 200', async () => {
      await setup();
      const named: AnyWebhookEvent[] = [];
      webhooks.on("ibanfirst.transferCreated", (event) => void named.push(event));
      const known = buildIbanfirstNotification("transferCreated");
      const unknown = { notificationId: "n-something-new", item: "widget", type: "somethingNew", body: { anything: ["goes"] } };
      const delivery = buildIbanfirstDelivery([known, unknown as never]);
      const res = await post(server.url, mounted.paths.ibanfirst, delivery, ibanfirstCase.headers());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, events: 2, duplicates: 0 });
      expect(named.map((event) => event.id)).toEqual([known.notificationId]);
      const seen = handler.events.find((event) => event.id === "n-something-new");
      expect(seen).toMatchObject({ name: "ibanfirst.somethingNew", type: "somethingNew", documented: false, family: "ibanfirst" });
      expect(seen?.payload).toEqual(unknown);
    });

    test("an unknown BankConnect progress reaches onAny and gets 200", async () => {
      await setup();
      const res = await post(
        server.url,
        mounted.paths.bankconnect,
        buildBankConnectPayload({ progress: "queued" }),
        bankconnectCase.headers(),
      );
      expect(res.status).toBe(200);
      expect(handler.events[0]).toMatchObject({ name: "bankconnect.queued", documented: false });
    });
  });
});

describe("BankConnect allowIps honours Express's trust proxy (X-Forwarded-For)", () => {
  const ALLOWED = "203.0.113.7";

  function appFor(lib: typeof express, trustProxy: boolean) {
    const webhooks = createWebhooks({ bankconnect: { token: TOKEN, allowIps: [ALLOWED] } });
    const handler = recordHandler(webhooks);
    const app = lib();
    if (trustProxy) app.set("trust proxy", true);
    app.use("/webhooks", webhooks.middleware());
    return { app, handler };
  }

  describe.each([
    { name: "Express 5", lib: express },
    { name: "Express 4", lib: express4 },
  ])("$name", ({ lib }) => {
    test("with trust proxy, an allowed X-Forwarded-For address is accepted", async () => {
      const { app, handler } = appFor(lib, true);
      const res = await request(app)
        .post("/webhooks/bankconnect")
        .set({ ...bankconnectCase.headers(), "x-forwarded-for": ALLOWED })
        .send(JSON.stringify(buildBankConnectPayload()));
      expect(res.status).toBe(200);
      expect(handler.count()).toBe(1);
    });

    test("with trust proxy, another X-Forwarded-For address gets 401", async () => {
      const { app, handler } = appFor(lib, true);
      const res = await request(app)
        .post("/webhooks/bankconnect")
        .set({ ...bankconnectCase.headers(), "x-forwarded-for": "198.51.100.9" })
        .send(JSON.stringify(buildBankConnectPayload()));
      expect(res.status).toBe(401);
      expect(handler.count()).toBe(0);
    });

    test("without trust proxy, X-Forwarded-For is ignored: the socket address (127.0.0.1) is not allowed", async () => {
      const { app, handler } = appFor(lib, false);
      const res = await request(app)
        .post("/webhooks/bankconnect")
        .set({ ...bankconnectCase.headers(), "x-forwarded-for": ALLOWED })
        .send(JSON.stringify(buildBankConnectPayload()));
      expect(res.status).toBe(401);
      expect(handler.count()).toBe(0);
    });
  });

  test("plain node:http uses the socket address, and X-Forwarded-For cannot spoof it", async () => {
    const local = createWebhooks({ bankconnect: { token: TOKEN, allowIps: ["127.0.0.1"] } });
    const remote = createWebhooks({ bankconnect: { token: TOKEN, allowIps: [ALLOWED] } });
    const localServer = await startServer(local.middleware({ path: "/webhooks" }));
    const remoteServer = await startServer(remote.middleware({ path: "/webhooks" }));
    const headers = { ...bankconnectCase.headers(), "x-forwarded-for": ALLOWED };
    expect((await post(localServer.url, "/webhooks/bankconnect", buildBankConnectPayload(), headers)).status).toBe(200);
    expect((await post(remoteServer.url, "/webhooks/bankconnect", buildBankConnectPayload(), headers)).status).toBe(401);
  });
});

describe("success is always exactly 200, never a redirect", () => {
  test.each(MOUNTING_VARIANTS.map((variant) => ({ ...variant, label: variant.name })))(
    "$label: with and without a trailing slash",
    async (variant) => {
      const webhooks = createWebhooks();
      const mounted = variant.mount(webhooks);
      const { url } = await startServer(mounted.listener);
      for (const fc of FAMILY_CASES) {
        for (const suffix of ["", "/"]) {
          const res = await post(url, `${mounted.paths[fc.family]}${suffix}`, buildBody(fc.family), fc.headers());
          expect({ path: mounted.paths[fc.family] + suffix, status: res.status, location: res.headers.location }).toEqual({
            path: mounted.paths[fc.family] + suffix,
            status: 200,
            location: undefined,
          });
        }
        if (fc.family === "ibanfirst") {
          const get = await httpRequest(url, `${mounted.paths.ibanfirst}/`, { method: "GET", headers: fc.auth() });
          expect(get.status).toBe(200);
        }
      }
    },
  );

  function buildBody(family: "bankconnect" | "ibanfirst") {
    return family === "bankconnect" ? buildBankConnectPayload() : buildIbanfirstDelivery();
  }
});
