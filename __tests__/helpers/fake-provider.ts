import type http from "node:http";
import { startServer } from "./start-server";

/** One request as the fake provider received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  /** Sent as is instead of `body`'s JSON. */
  text?: string;
}

export interface FakeProvider {
  /** http://127.0.0.1:<port>, plus the base path the provider's API lives under. */
  baseUrl: string;
  requests: RecordedRequest[];
}

/**
 * A real HTTP server standing in for a provider's API: records every request, and answers each with
 * what `answer` returns for it (a thrown error becomes a 500 that fails the test's assertions).
 */
export async function startFakeProvider(answer: (request: RecordedRequest) => FakeAnswer, basePath = "/api"): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const { url } = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      let reply: FakeAnswer;
      try {
        reply = answer(request);
      } catch (error) {
        reply = { status: 599, body: { fake: `answer() threw: ${(error as Error).message}` } };
      }
      const text = reply.text ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
      res.writeHead(reply.status, { "content-type": "application/json" }).end(text);
    });
  });
  return { baseUrl: `${url}${basePath}`, requests };
}

/** A server that accepts connections and never answers: for timeouts. */
export async function startSilentServer(): Promise<string> {
  const { url } = await startServer(() => undefined);
  return url;
}

/** An address where nothing listens (a server started, then closed): for network errors. */
export async function unusedAddress(): Promise<string> {
  const { server, url } = await startServer(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  return url;
}
