// Which Content-Type headers bankhooks takes: application/json, with no charset or a UTF-8 one.
// Anything else is answered 415 before the body is read.

import { buildBankConnectPayload } from "bankhooks/testing";
import { isJsonContentType } from "../../lib/body/is-json-content-type";
import { createWebhooks, recordHandler, TOKEN } from "../helpers/create-webhooks";
import { post } from "../helpers/http-client";
import { openRawConnection, requestHead } from "../helpers/raw-http";
import { closeServers, startServer } from "../helpers/start-server";

const ACCEPTED = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json;charset=UTF-8",
  "application/json; charset=utf8",
  'application/json; charset="utf-8"',
  "APPLICATION/JSON; CHARSET=UTF-8",
  "application/json ; charset=utf-8",
  "application/json; version=2",
];

const REFUSED = [
  "",
  "text/plain",
  "text/json",
  "text/html; charset=utf-8",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
  "application/problem+json",
  "application/jsonx",
  "application/json, text/plain",
  "application/json; charset=latin1",
  "application/json; charset=iso-8859-1",
  "application/json; charset=utf-16",
  "application/json; charset",
  "application/*",
  "*/*",
  "json",
];

afterEach(closeServers);

describe("isJsonContentType()", () => {
  test.each(ACCEPTED)("%j is JSON", (header) => {
    expect(isJsonContentType(header)).toBe(true);
  });

  test.each(REFUSED)("%j is not", (header) => {
    expect(isJsonContentType(header)).toBe(false);
  });

  test("a missing header is not", () => {
    expect(isJsonContentType(undefined)).toBe(false);
  });
});

describe("over HTTP", () => {
  async function server() {
    const webhooks = createWebhooks();
    const handler = recordHandler(webhooks);
    const { url, port } = await startServer(webhooks.middleware());
    return { url, port, handler };
  }

  test.each(ACCEPTED)("Content-Type %j is accepted with 200", async (contentType) => {
    const { url, handler } = await server();
    const res = await post(url, "/bankconnect", buildBankConnectPayload(), { "content-type": contentType, "x-secret-key": TOKEN });
    expect(res.status).toBe(200);
    expect(handler.count()).toBe(1);
  });

  test.each(REFUSED)("Content-Type %j gets 415", async (contentType) => {
    const { url, handler } = await server();
    const res = await post(url, "/bankconnect", JSON.stringify(buildBankConnectPayload()), {
      "content-type": contentType,
      "x-secret-key": TOKEN,
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ ok: false, error: "unsupported_media_type", message: "Content-Type must be application/json (UTF-8)." });
    expect(handler.count()).toBe(0);
  });

  test("no Content-Type at all gets 415", async () => {
    const { port, handler } = await server();
    const conn = await openRawConnection(port);
    const text = JSON.stringify(buildBankConnectPayload());
    conn.write(requestHead("POST", "/bankconnect", { "x-secret-key": TOKEN, "content-length": Buffer.byteLength(text) }) + text);
    expect((await conn.response).status).toBe(415);
    expect(handler.count()).toBe(0);
    conn.socket.destroy();
  });

  test("415 is answered before the body is read: a huge declared body is not waited for", async () => {
    const { port } = await server();
    const conn = await openRawConnection(port);
    conn.write(
      requestHead("POST", "/bankconnect", { "content-type": "text/plain", "x-secret-key": TOKEN, "content-length": 50 * 1024 * 1024 }),
    );
    conn.write("{");
    const res = await conn.response;
    expect(res.status).toBe(415);
    expect(res.headers.connection).toBe("close");
    await conn.closed;
  });

  test("authentication comes first: an unauthenticated request with a wrong Content-Type gets 401, not 415", async () => {
    const { url } = await server();
    const res = await post(url, "/bankconnect", "hello", { "content-type": "text/plain" });
    expect(res.status).toBe(401);
  });
});
