import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FuzzResponse } from "./start-fuzz-target";

// The error code of each refusal, by status, as lib/pipeline/answers.ts writes them. "next" is the fuzz
// app's own route after bankhooks: the README's "in Express: next()".
const ROWS: Record<number, readonly string[]> = {
  200: ["ok"],
  400: ["bad_request", "invalid_payload"],
  401: ["unauthorized"],
  404: ["not_found", "next"],
  405: ["method_not_allowed"],
  408: ["request_timeout"],
  413: ["payload_too_large", "too_many_notifications"],
  415: ["unsupported_media_type"],
  500: ["handler_failed", "server_misconfigured", "internal_error"],
  503: ["in_progress", "timeout"],
};

/** The statuses the README's "What the sender gets back" table lists, read from the README itself. */
export function readmeStatuses(): Set<number> {
  const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
  const table = readme.split("## What the sender gets back")[1].split("\n\n")[1];
  return new Set([...table.matchAll(/\*\*(\d{3})\*\*/g)].map((match) => Number(match[1])));
}

/** `<status> <error code>` of an answer when it is one of the README's rows; undefined otherwise. */
export function rowOf(response: FuzzResponse): string | undefined {
  const body = response.body as { ok?: unknown; error?: unknown; next?: unknown } | undefined;
  if (!body || typeof body !== "object") return undefined;
  const code = body.ok === true ? "ok" : body.next === true ? "next" : body.error;
  return typeof code === "string" && ROWS[response.status]?.includes(code) ? `${response.status} ${code}` : undefined;
}
