import type { IncomingMessage, ServerResponse } from "node:http";
import type { Answer } from "../types";

const GRACE_MS = 1000;

/** Writes an answer. Handlers never see `res`: this is the only place a response is written. */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.writableEnded) return;
  const body = JSON.stringify(answer.body);
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  };
  for (const name in answer.headers) headers[name] = answer.headers[name];
  if (!req.complete) {
    // Refused before the body was read (413, 408, 401…): close rather than read the rest.
    headers.connection = "close";
    res.once("finish", () => discardThenClose(req));
  }
  res.writeHead(answer.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

function discardThenClose(req: IncomingMessage): void {
  // Reading a little more lets the client see the answer: closing with unread bytes resets the connection.
  req.resume();
  const timer = setTimeout(() => req.socket?.destroy(), GRACE_MS);
  timer.unref();
  req.once("end", () => clearTimeout(timer));
}
