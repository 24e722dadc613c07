import http from "node:http";
import express from "express";
import type { AnyWebhookEvent, WebhooksOptions } from "bankhooks";
import { createWebhooks } from "../create-webhooks";
import { startServer } from "../start-server";

export interface FuzzRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** From the request's start to the end of the answer. */
  ms: number;
}

export interface FuzzTarget {
  url: string;
  /** Every event any handler was given, in order. */
  handled: AnyWebhookEvent[];
  /** Uncaught exceptions and unhandled rejections seen while the target ran: there must be none. */
  crashes: unknown[];
  send(request: FuzzRequest): Promise<FuzzResponse>;
  stop(): void;
}

/**
 * One Express 5 app serving both families, authenticated (X-WSSE and token), mounted as the README
 * recommends (no body parser first), for thousands of cases over keep-alive connections.
 */
export async function startFuzzTarget(options: WebhooksOptions = {}): Promise<FuzzTarget> {
  const webhooks = createWebhooks(options);
  const handled: AnyWebhookEvent[] = [];
  webhooks.onAny((event) => {
    handled.push(event);
  });
  const app = express();
  app.use("/webhooks", webhooks.middleware());
  // What bankhooks hands on with next(): recognisable, so it counts as the README's "next()" row.
  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).json({ next: true });
  });
  const { url } = await startServer(app);

  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  return {
    url,
    handled,
    crashes,
    send: (request) => send(url, agent, request),
    stop() {
      agent.destroy();
      process.off("uncaughtException", onCrash);
      process.off("unhandledRejection", onCrash);
    },
  };
}

function send(url: string, agent: http.Agent, request: FuzzRequest): Promise<FuzzResponse> {
  const started = performance.now();
  const headers = { ...request.headers };
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
  return new Promise((resolve, reject) => {
    // The path goes out as written: a URL object would resolve "..", drop "#…" and re-encode.
    const { hostname, port } = new URL(url);
    const req = http.request({ hostname, port, path: request.path, method: request.method ?? "POST", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: performance.now() - started });
      });
    });
    req.on("error", reject);
    req.end(request.body);
  });
}
