// Reading the request body: bytes up to a limit (413 without reading the rest), within a time counted
// from the first byte (408), or whatever a body parser mounted before bankhooks left in req.body,
// never waiting on a stream someone else has read.

import type http from "node:http";
import { buildBankConnectPayload } from "bankhooks/testing";
import { readBody, type ReadBodyOptions, type RequestWithBody } from "../../lib/body/read-body";
import { sendAnswer } from "../../lib/middleware/send-answer";
import { AnswerError } from "../../lib/pipeline/answers";
import { settle, waitUntil } from "../helpers/deferred";
import { createWebhooks, recordHandler, TOKEN } from "../helpers/create-webhooks";
import { httpRequest, post } from "../helpers/http-client";
import { express, express4 } from "../helpers/mounting-variants";
import { chunk, openRawConnection, requestHead } from "../helpers/raw-http";
import { closeServers, startServer } from "../helpers/start-server";

afterEach(closeServers);

interface Outcome {
  /** What readBody resolved to, or the status of the answer it was refused with. */
  result:
    | { kind: "buffer"; hex: string }
    | { kind: "string"; text: string }
    | { kind: "object"; value: unknown; isReqBody: boolean }
    | { kind: "refused"; status: number };
  /** 'data' listeners left on the request once readBody settled. */
  dataListeners: number;
}

/**
 * A listener that reads the body with readBody and answers with what it got (or the refusal, written
 * as bankhooks writes it). Every outcome is recorded for the test to inspect.
 */
function readBodyListener(options: ReadBodyOptions, outcomes: Outcome[]) {
  return (req: RequestWithBody, res: http.ServerResponse) => {
    readBody(req, options).then(
      (body) => {
        const result: Outcome["result"] = Buffer.isBuffer(body)
          ? { kind: "buffer", hex: body.toString("hex") }
          : typeof body === "string"
            ? { kind: "string", text: body }
            : { kind: "object", value: body, isReqBody: body === req.body };
        outcomes.push({ result, dataListeners: req.listenerCount("data") });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(result));
      },
      (error: unknown) => {
        if (!(error instanceof AnswerError)) throw error;
        outcomes.push({ result: { kind: "refused", status: error.answer.status }, dataListeners: req.listenerCount("data") });
        sendAnswer(req, res, error.answer);
      },
    );
  };
}

async function readBodyServer(options: Partial<ReadBodyOptions> = {}) {
  const outcomes: Outcome[] = [];
  const running = await startServer(readBodyListener({ limit: 1024, timeoutMs: 1000, ...options }, outcomes));
  return { ...running, outcomes };
}

describe("reading the stream itself", () => {
  test("the body comes back byte for byte, as a Buffer (UTF-8 is checked later, not here)", async () => {
    const { url, outcomes } = await readBodyServer();
    const bytes = Buffer.from([0x7b, 0xff, 0x00, 0xc3, 0xa9, 0x7d]);
    const res = await post(url, "/", bytes, { "content-type": "application/json" });
    expect(res.status).toBe(200);
    expect(outcomes[0].result).toEqual({ kind: "buffer", hex: bytes.toString("hex") });
  });

  test("a chunked body is read whole", async () => {
    const { port, outcomes } = await readBodyServer();
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/", { "transfer-encoding": "chunked" }));
    for (const part of ['{"a":', '"b"', "}"]) {
      conn.write(chunk(part));
      await settle(5);
    }
    conn.write("0\r\n\r\n");
    expect((await conn.response).status).toBe(200);
    expect(outcomes[0].result).toEqual({ kind: "buffer", hex: Buffer.from('{"a":"b"}').toString("hex") });
    conn.socket.destroy();
  });

  test("an empty body is an empty Buffer", async () => {
    const { url, outcomes } = await readBodyServer();
    await post(url, "/", "", { "content-type": "application/json" });
    expect(outcomes[0].result).toEqual({ kind: "buffer", hex: "" });
  });

  test("exactly the limit is read, one byte more gets 413", async () => {
    const { url, outcomes } = await readBodyServer({ limit: 1024 });
    expect((await post(url, "/", "x".repeat(1024), {})).status).toBe(200);
    const over = await post(url, "/", "x".repeat(1025), {});
    expect(over.status).toBe(413);
    expect(over.body).toEqual({ ok: false, error: "payload_too_large", message: "The body is larger than this endpoint accepts." });
    expect(outcomes.map((outcome) => outcome.result.kind)).toEqual(["buffer", "refused"]);
  });

  test("a Content-Length over the limit gets 413 before any of the body is sent", async () => {
    const { port, outcomes } = await readBodyServer();
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/", { "content-type": "application/json", "content-length": 100 * 1024 * 1024 }));
    const res = await conn.response;
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe("close");
    await conn.closed;
    expect(outcomes[0].result).toEqual({ kind: "refused", status: 413 });
  });

  test("a chunked body is refused with 413 as soon as it passes the limit, before it ends", async () => {
    const { port } = await readBodyServer({ limit: 100 });
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/", { "transfer-encoding": "chunked" }));
    conn.write(chunk("x".repeat(60)));
    conn.write(chunk("x".repeat(60)));
    const res = await conn.response;
    expect(res.status).toBe(413);
    await conn.closed;
  });

  test("a body that stalls gets 408 once timeoutMs has passed since its first byte; the socket is closed", async () => {
    const { port, outcomes } = await readBodyServer({ timeoutMs: 200 });
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/", { "content-length": 100 }));
    conn.write("0123456789");
    const res = await conn.response;
    expect(res.status).toBe(408);
    expect(res.body).toBe(JSON.stringify({ ok: false, error: "request_timeout", message: "The body did not arrive in time." }));
    await conn.closed;
    expect(outcomes[0].result).toEqual({ kind: "refused", status: 408 });
  });

  test("no clock runs before the first byte: a body sent after a pause longer than timeoutMs is read", async () => {
    const { port, outcomes } = await readBodyServer({ timeoutMs: 100 });
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/", { "content-length": 2 }));
    await settle(300);
    conn.write("{}");
    expect((await conn.response).status).toBe(200);
    expect(outcomes[0].result).toEqual({ kind: "buffer", hex: Buffer.from("{}").toString("hex") });
    conn.socket.destroy();
  });

  test("a body that arrives in pieces within timeoutMs is read", async () => {
    const { port } = await readBodyServer({ timeoutMs: 2000 });
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/", { "content-length": 5 }));
    for (const piece of ["a", "b", "c", "d", "e"]) {
      conn.write(piece);
      await settle(10);
    }
    expect((await conn.response).status).toBe(200);
    conn.socket.destroy();
  });

  test("a client that hangs up mid-body is refused without crashing the server", async () => {
    const { port, url, outcomes } = await readBodyServer();
    const conn = await openRawConnection(port);
    conn.write(requestHead("POST", "/", { "content-length": 500 }));
    conn.write("partial");
    await waitUntil(() => conn.socket.bytesWritten > 0);
    await settle(20);
    conn.socket.destroy();
    await waitUntil(() => outcomes.length === 1);
    expect(outcomes[0].result).toEqual({ kind: "refused", status: 400 });
    expect((await post(url, "/", "{}", {})).status).toBe(200);
  });

  test.each([
    ["read", async (url: string) => post(url, "/", "{}", {})],
    [
      "refused for its declared length",
      async (url: string) => {
        const port = Number(new URL(url).port);
        const conn = await openRawConnection(port);
        // Refused on its headers alone; the bytes come after the answer, while the server discards them.
        conn.write(requestHead("POST", "/", { "content-length": 10_000 }));
        await conn.response;
        conn.write("x".repeat(500));
        await conn.closed;
      },
    ],
  ])("once a body is %s, no 'data' listener is left behind (it would arm a timer after the answer)", async (_what, send) => {
    const { url, outcomes } = await readBodyServer({ timeoutMs: 10_000 });
    await send(url);
    await waitUntil(() => outcomes.length === 1);
    expect(outcomes[0].dataListeners).toBe(0);
  });
});

describe("a body a parser mounted before has read", () => {
  async function parserServer(lib: typeof express, parser: unknown) {
    const outcomes: Outcome[] = [];
    const app = lib();
    app.use(parser as express.RequestHandler);
    app.use(readBodyListener({ limit: 1024, timeoutMs: 500 }, outcomes) as unknown as express.RequestHandler);
    const running = await startServer(app);
    return { ...running, outcomes };
  }

  describe.each([
    { name: "Express 5", lib: express },
    { name: "Express 4", lib: express4 },
  ])("$name", ({ lib }) => {
    test("express.json(): the object in req.body", async () => {
      const { url, outcomes } = await parserServer(lib, lib.json());
      const res = await post(url, "/", { a: [1, "b"] }, { "content-type": "application/json" });
      expect(res.status).toBe(200);
      expect(outcomes[0].result).toEqual({ kind: "object", value: { a: [1, "b"] }, isReqBody: true });
    });

    test('express.raw({ type: "*/*" }): the Buffer in req.body', async () => {
      const { url, outcomes } = await parserServer(lib, lib.raw({ type: "*/*" }));
      await post(url, "/", Buffer.from([0x7b, 0xff, 0x7d]), { "content-type": "application/json" });
      expect(outcomes[0].result).toEqual({ kind: "buffer", hex: "7bff7d" });
    });

    test('express.text({ type: "*/*" }): the string in req.body', async () => {
      const { url, outcomes } = await parserServer(lib, lib.text({ type: "*/*" }));
      await post(url, "/", '{"a":"é"}', { "content-type": "application/json" });
      expect(outcomes[0].result).toEqual({ kind: "string", text: '{"a":"é"}' });
    });

    test("express.json() skipping another Content-Type: the stream is still unread, so it is read", async () => {
      // Express 4's json() puts a placeholder {} in req.body even when it does not read the body.
      const { url, outcomes } = await parserServer(lib, lib.json());
      await post(url, "/", "hello", { "content-type": "text/plain" });
      expect(outcomes[0].result).toEqual({ kind: "buffer", hex: Buffer.from("hello").toString("hex") });
    });

    test.each([
      ["express.raw()", (l: typeof express) => l.raw({ type: "*/*" })],
      ["express.text()", (l: typeof express) => l.text({ type: "*/*" })],
      ["express.json()", (l: typeof express) => l.json()],
    ])("%s: the limit still holds for what the parser read (413 over it, read at it)", async (_what, parser) => {
      const { url, outcomes } = await parserServer(lib, parser(lib));
      const padded = (size: number) => JSON.stringify({ pad: "x".repeat(size - '{"pad":""}'.length) });
      expect((await post(url, "/", padded(1025), { "content-type": "application/json" })).status).toBe(413);
      expect((await post(url, "/", padded(1024), { "content-type": "application/json" })).status).toBe(200);
      expect(outcomes.map((outcome) => outcome.result.kind)).toEqual(["refused", expect.not.stringMatching("refused")]);
    });

    test("a middleware that drained the stream and left no body: 500 at once, no hang", async () => {
      const drain = (req: http.IncomingMessage, _res: unknown, next: () => void) => {
        req.resume();
        req.once("end", () => next());
      };
      const { url, outcomes } = await parserServer(lib, drain);
      const res = await post(url, "/", "{}", { "content-type": "application/json" });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        ok: false,
        error: "server_misconfigured",
        message: "The receiver could not read this request; retry later.",
      });
      expect(outcomes[0].result).toEqual({ kind: "refused", status: 500 });
    });
  });

  test("through the middleware: a drained stream gets 500 server_misconfigured, not a hang; the advice stays in the log", async () => {
    const logged: string[] = [];
    const webhooks = createWebhooks({
      logger: { error: (message: string) => void logged.push(message), warn() {}, info() {}, debug() {} },
    });
    const handler = recordHandler(webhooks);
    const app = express();
    app.use((req, _res, next) => {
      req.resume();
      req.once("end", () => next());
    });
    app.use("/webhooks", webhooks.middleware());
    const { url } = await startServer(app);
    const res = await post(url, "/webhooks/bankconnect", buildBankConnectPayload(), {
      "content-type": "application/json",
      "x-secret-key": TOKEN,
    });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      ok: false,
      error: "server_misconfigured",
      message: "The receiver could not read this request; retry later.",
    });
    expect(res.text).not.toMatch(/express|middleware|req\.body/i);
    expect(logged.join("\n")).toMatch(/Mount bankhooks before/);
    expect(handler.count()).toBe(0);
    // The next request on the same app is answered too.
    expect((await httpRequest(url, "/webhooks/bankconnect", { method: "GET" })).status).toBe(405);
  });
});
