// The core rows of the acknowledgement contract, for both families, in every way a user mounts
// bankhooks: Express 5 and 4 with no body parser, with express.json/raw/text before it, with
// express.json after it, plain node:http, and one family at an Express mount path.
//
// Every test has a short timeout: a receiver that waits on a stream a body parser already read (the
// known hang of other receivers behind express.json()) fails here instead of hanging the suite.

import type { Webhooks } from "bankhooks";
import { buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification } from "bankhooks/testing";
import { createDeferred, settle, waitUntil } from "../helpers/deferred";
import { createWebhooks, recordHandler, type HandlerRecorder } from "../helpers/create-webhooks";
import { FAMILY_CASES, ibanfirstCase } from "../helpers/family-cases";
import { httpRequest, post } from "../helpers/http-client";
import { MOUNTING_VARIANTS, type Mounted, type MountingVariant } from "../helpers/mounting-variants";
import { chunk, openRawConnection, requestHead } from "../helpers/raw-http";
import { closeServers, startServer, type RunningServer } from "../helpers/start-server";

const SHORT = 5000;
const BODY_LIMIT = 4096;
const BODY_TIMEOUT_MS = 200;
const UNAUTHORIZED = { ok: false, error: "unauthorized", message: "Authentication failed." };

afterEach(closeServers);

/** The status a user sees for a body with invalid UTF-8 inside a JSON string. */
function invalidUtf8Expectation(variant: MountingVariant): "refused" | "decoded-by-parser" {
  // express.json() and express.text() decode the bytes before bankhooks runs, replacing invalid
  // sequences with U+FFFD: bankhooks is handed a string or an object and cannot see the bytes any more.
  // express.raw() hands over the Buffer, so bankhooks still refuses it.
  return variant.parser === "json-before" || variant.parser === "text-before" ? "decoded-by-parser" : "refused";
}

describe.each(MOUNTING_VARIANTS.map((variant) => ({ ...variant, label: variant.name })))("$label", (variant) => {
  describe.each(FAMILY_CASES)("$family", (fc) => {
    let webhooks: Webhooks;
    let handler: HandlerRecorder;
    let mounted: Mounted;
    let server: RunningServer;
    let path: string;

    async function setup(behaviour?: Parameters<typeof recordHandler>[1]): Promise<void> {
      webhooks = createWebhooks({ bodyLimit: BODY_LIMIT, bodyTimeoutMs: BODY_TIMEOUT_MS });
      handler = recordHandler(webhooks, behaviour);
      mounted = variant.mount(webhooks);
      server = await startServer(mounted.listener);
      path = mounted.paths[fc.family];
    }

    test(
      "an accepted delivery gets exactly 200 with counts, once every handler finished",
      async () => {
        await setup();
        const res = await post(server.url, path, fc.body(), fc.headers());
        expect(res.status).toBe(200);
        expect(res.headers["content-type"]).toMatch(/^application\/json/);
        expect(res.body).toEqual({ ok: true, events: fc.events, duplicates: 0 });
        expect(handler.count()).toBe(fc.events);
      },
      SHORT,
    );

    test(
      "a delivery with charset=utf-8 in its Content-Type is accepted",
      async () => {
        await setup();
        const headers = { ...fc.headers(), "content-type": "application/json; charset=utf-8" };
        const res = await post(server.url, path, fc.body(), headers);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true, events: fc.events, duplicates: 0 });
      },
      SHORT,
    );

    test(
      "a retry of a delivery already processed gets 200 and does not run handlers again",
      async () => {
        await setup();
        expect((await post(server.url, path, fc.body(), fc.headers())).status).toBe(200);
        const retry = await post(server.url, path, fc.body(), fc.headers());
        expect(retry.status).toBe(200);
        expect(retry.body).toEqual({ ok: true, events: fc.events, duplicates: fc.events });
        expect(handler.count()).toBe(fc.events);
      },
      SHORT,
    );

    test(
      "missing or wrong authentication gets 401 with the same body, and no handler runs",
      async () => {
        await setup();
        const missing = await post(server.url, path, fc.body(), { "content-type": "application/json" });
        const wrong =
          fc.family === "bankconnect"
            ? await post(server.url, path, fc.body(), { "content-type": "application/json", "x-secret-key": "nope" })
            : await post(server.url, path, fc.body(), {
                "content-type": "application/json",
                "x-wsse": 'UsernameToken Username="acme", PasswordDigest="AAAA", Nonce="bm9uY2U=", Created="2020-01-01T00:00:00Z"',
              });
        for (const res of [missing, wrong]) {
          expect(res.status).toBe(401);
          expect(res.body).toEqual(UNAUTHORIZED);
        }
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "a Content-Type other than application/json gets 415",
      async () => {
        await setup();
        const res = await post(server.url, path, JSON.stringify(fc.body()), { ...fc.auth(), "content-type": "text/plain" });
        expect(res.status).toBe(415);
        expect(res.body).toMatchObject({ ok: false, error: "unsupported_media_type" });
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "a body that is not JSON gets 400",
      async () => {
        await setup();
        const res = await post(server.url, path, '{"notifications": [', fc.headers());
        // Behind express.json() the 400 is express.json's own (an HTML error page): only the status is ours to assert.
        expect(res.status).toBe(400);
        if (variant.parser !== "json-before") expect(res.body).toMatchObject({ ok: false, error: "bad_request" });
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test.each(["[1,2]", "42", "null", '"text"'])(
      "JSON that is not an object (%s) gets 400",
      async (text) => {
        await setup();
        const res = await post(server.url, path, text, fc.headers());
        expect(res.status).toBe(400);
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "a schema violation gets 400 with JSON pointers, and no handler runs for any event of the delivery",
      async () => {
        await setup();
        const { body, pointer } = fc.schemaViolation();
        const res = await post(server.url, path, body, fc.headers());
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ ok: false, error: "invalid_payload" });
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer })]));
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "a handler that throws gets 500 without its message; the sender's retry runs it again and gets 200",
      async () => {
        await setup((_event, call) => {
          if (call === 1) throw new Error("SECRET-database-password-in-message");
        });
        const failed = await post(server.url, path, fc.body(), fc.headers());
        expect(failed.status).toBe(500);
        expect(failed.body).toMatchObject({ ok: false, error: "handler_failed" });
        expect(failed.text).not.toContain("SECRET");
        expect(handler.count()).toBe(1);

        const retry = await post(server.url, path, fc.body(), fc.headers());
        expect(retry.status).toBe(200);
        expect(retry.body).toEqual({ ok: true, events: fc.events, duplicates: 0 });
        // The failed event ran twice, the others once.
        expect(handler.count()).toBe(fc.events + 1);
        expect(handler.ids()[1]).toBe(handler.ids()[0]);
      },
      SHORT,
    );

    test(
      "an event being processed by another request gets 503 with Retry-After; nothing is lost",
      async () => {
        const gate = createDeferred();
        await setup((_event, call) => (call === 1 ? gate.promise : undefined));
        const first = post(server.url, path, fc.body(), fc.headers());
        await waitUntil(() => handler.count() === 1);

        const concurrent = await post(server.url, path, fc.body(), fc.headers());
        expect(concurrent.status).toBe(503);
        expect(concurrent.headers["retry-after"]).toBe("60");
        expect(concurrent.body).toMatchObject({ ok: false, error: "in_progress" });

        gate.resolve();
        expect((await first).status).toBe(200);
        const retry = await post(server.url, path, fc.body(), fc.headers());
        expect(retry.status).toBe(200);
        expect(retry.body).toEqual({ ok: true, events: fc.events, duplicates: fc.events });
        expect(handler.count()).toBe(fc.events);
      },
      SHORT,
    );

    test(
      "handlers outlasting timeoutMs get 503 with Retry-After; they go on, and their events stay claimed until they end",
      async () => {
        const gate = createDeferred();
        webhooks = createWebhooks({ timeoutMs: 100 });
        handler = recordHandler(webhooks, (_event, call) => (call === 1 ? gate.promise : undefined));
        mounted = variant.mount(webhooks);
        server = await startServer(mounted.listener);
        path = mounted.paths[fc.family];

        const timedOut = await post(server.url, path, fc.body(), fc.headers());
        expect(timedOut.status).toBe(503);
        expect(timedOut.headers["retry-after"]).toBe("60");
        expect(timedOut.body).toMatchObject({ ok: false, error: "timeout" });

        const during = await post(server.url, path, fc.body(), fc.headers());
        expect(during.status).toBe(503);
        expect(during.body).toMatchObject({ ok: false, error: "in_progress" });

        gate.resolve();
        // The work goes on after the 503: every event of the delivery gets handled.
        await waitUntil(() => handler.count() === fc.events);
        await settle();
        const after = await post(server.url, path, fc.body(), fc.headers());
        expect(after.status).toBe(200);
        expect(after.body).toEqual({ ok: true, events: fc.events, duplicates: fc.events });
        expect(handler.count()).toBe(fc.events);
      },
      SHORT,
    );

    test(
      "another method gets 405 with the Allow header",
      async () => {
        await setup();
        const res = await httpRequest(server.url, path, { method: fc.refusedMethod.toUpperCase(), headers: fc.headers(), body: fc.body() });
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe(fc.allow);
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "a trailing slash is served, not redirected",
      async () => {
        await setup();
        const res = await post(server.url, `${path}/`, fc.body(), fc.headers());
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true, events: fc.events, duplicates: 0 });
      },
      SHORT,
    );

    test(
      "a __proto__ key gets 400 and leaves Object.prototype clean",
      async () => {
        await setup();
        const text = `{"__proto__":{"pollutedByTest":"yes"},${JSON.stringify(fc.body()).slice(1)}`;
        const res = await post(server.url, path, text, fc.headers());
        expect(res.status).toBe(400);
        expect(({} as Record<string, unknown>).pollutedByTest).toBeUndefined();
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "invalid UTF-8: refused with 400 where bankhooks sees the bytes; never a crash",
      async () => {
        await setup();
        const valid = JSON.stringify(fc.body());
        // Two bytes that can never appear in UTF-8, inside the first string value of the delivery.
        const at = valid.indexOf('"', valid.indexOf(":")) + 1;
        const body = Buffer.concat([Buffer.from(valid.slice(0, at)), Buffer.from([0xff, 0xfe]), Buffer.from(valid.slice(at))]);
        const res = await post(server.url, path, body, fc.headers());
        if (invalidUtf8Expectation(variant) === "refused") {
          expect(res.status).toBe(400);
          expect(res.body).toEqual({ ok: false, error: "bad_request", message: "The body is not valid UTF-8." });
          expect(handler.count()).toBe(0);
        } else {
          // What the user sees behind express.json()/express.text(): the parser turned the bytes into U+FFFD.
          expect(res.status).toBe(200);
          const [first] = handler.events;
          expect(JSON.stringify([first.payload, first.delivery.requestId])).toContain("\uFFFD");
        }
        // The server is still up.
        expect((await post(server.url, path, fc.body(), fc.headers())).status).toBe(200);
      },
      SHORT,
    );

    test(
      "a body over bodyLimit gets 413, and one at bodyLimit is accepted",
      async () => {
        await setup();
        const padded = (size: number) => {
          const base = JSON.stringify({ ...fc.body(), pad: "" });
          return JSON.stringify({ ...fc.body(), pad: "x".repeat(size - Buffer.byteLength(base)) });
        };
        // Behind a body parser the body was buffered before bankhooks ran (under the parser's own 100kb
        // limit, far above this one): bankhooks can still refuse it, though not without buffering it.
        const over = await post(server.url, path, padded(BODY_LIMIT + 1), fc.headers());
        expect(over.status).toBe(413);
        expect(over.body).toEqual({ ok: false, error: "payload_too_large", message: "The body is larger than this endpoint accepts." });
        expect(handler.count()).toBe(0);
        const atLimit = await post(server.url, path, padded(BODY_LIMIT), fc.headers());
        expect(atLimit.status).toBe(200);
      },
      SHORT,
    );

    // The rest of 413, and 408, can only be bankhooks' answers where bankhooks reads the body: a parser
    // mounted before it has buffered the whole body already (with its own 100kb limit, and no timeout at all).
    if (variant.readsBody) {
      describe("where bankhooks reads the body itself", () => {
        test(
          "a declared 100 MB body gets 413 promptly, without the rest being sent",
          async () => {
            await setup();
            const conn = await openRawConnection(server.port);
            conn.write(requestHead("POST", path, { ...fc.headers(), "content-length": 100 * 1024 * 1024 }));
            conn.write('{"a":1');
            const res = await conn.response;
            expect(res.status).toBe(413);
            expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: "payload_too_large" });
            await conn.closed;
            expect(handler.count()).toBe(0);
          },
          SHORT,
        );

        test(
          "a chunked body that grows past bodyLimit gets 413 before it ends",
          async () => {
            await setup();
            const conn = await openRawConnection(server.port);
            conn.write(requestHead("POST", path, { ...fc.headers(), "transfer-encoding": "chunked" }));
            conn.write(chunk(`{"pad":"${"x".repeat(BODY_LIMIT)}`));
            // No last chunk is ever sent: answering at all proves bankhooks stopped reading at the limit.
            const res = await conn.response;
            expect(res.status).toBe(413);
            await conn.closed;
            expect(handler.count()).toBe(0);
          },
          SHORT,
        );

        test(
          "a body that stalls past bodyTimeoutMs gets 408 and the socket is closed",
          async () => {
            await setup();
            const conn = await openRawConnection(server.port);
            const text = JSON.stringify(fc.body());
            conn.write(requestHead("POST", path, { ...fc.headers(), "content-length": Buffer.byteLength(text) }));
            conn.write(text.slice(0, 10));
            const res = await conn.response;
            expect(res.status).toBe(408);
            expect(res.headers.connection).toBe("close");
            await conn.closed;
            expect(handler.count()).toBe(0);
          },
          SHORT,
        );
      });
    }
  });

  describe("endpoints and paths", () => {
    let webhooks: Webhooks;
    let handler: HandlerRecorder;
    let mounted: Mounted;
    let server: RunningServer;

    beforeEach(async () => {
      webhooks = createWebhooks();
      handler = recordHandler(webhooks);
      mounted = variant.mount(webhooks);
      server = await startServer(mounted.listener);
    });

    test(
      "GET and HEAD on the iBanFirst path with a valid X-WSSE get 200; without, 401",
      async () => {
        const path = mounted.paths.ibanfirst;
        const get = await httpRequest(server.url, path, { method: "GET", headers: ibanfirstCase.auth() });
        expect(get.status).toBe(200);
        expect(get.body).toEqual({ ok: true, handshake: true });
        const head = await httpRequest(server.url, path, { method: "HEAD", headers: ibanfirstCase.auth() });
        expect(head.status).toBe(200);
        expect(head.text).toBe("");
        const refused = await httpRequest(server.url, path, { method: "GET" });
        expect(refused.status).toBe(401);
        expect(refused.body).toEqual(UNAUTHORIZED);
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "GET on the BankConnect path gets 405 with Allow: POST",
      async () => {
        const res = await httpRequest(server.url, mounted.paths.bankconnect, { method: "GET", headers: { "x-secret-key": "tok" } });
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe("POST");
      },
      SHORT,
    );

    test(
      "a path that is not a bankhooks endpoint goes to next() in Express, 404 JSON in node:http",
      async () => {
        const res = await post(server.url, mounted.foreignPath, { hello: "world" }, { "content-type": "application/json" });
        if (mounted.foreign === "next") {
          expect(res.status).toBe(201);
          expect(res.body.later).toBe(true);
          // With express.json() after bankhooks, the stream was left for it: the later route sees the parsed body.
          if (variant.parser === "json-after" || variant.parser === "json-before") expect(res.body.body).toEqual({ hello: "world" });
        } else {
          expect(res.status).toBe(404);
          expect(res.body).toEqual({ ok: false, error: "not_found", message: "No webhook endpoint here." });
        }
        expect(handler.count()).toBe(0);
      },
      SHORT,
    );

    test(
      "a fresh BankConnect payload and a fresh iBanFirst delivery are both accepted on one mount",
      async () => {
        const bc = await post(server.url, mounted.paths.bankconnect, buildBankConnectPayload(), {
          "content-type": "application/json",
          "x-secret-key": "tok",
        });
        const delivery = buildIbanfirstDelivery([
          buildIbanfirstNotification("entityCreated"),
          buildIbanfirstNotification("transferUpdated"),
        ]);
        const ibf = await post(server.url, mounted.paths.ibanfirst, delivery, ibanfirstCase.headers());
        expect(bc.status).toBe(200);
        expect(ibf.status).toBe(200);
        expect(ibf.body).toEqual({ ok: true, events: 2, duplicates: 0 });
        expect(handler.events.map((event) => event.name)).toEqual([
          "bankconnect.completed",
          "ibanfirst.entityCreated",
          "ibanfirst.transferUpdated",
        ]);
      },
      SHORT,
    );
  });
});
