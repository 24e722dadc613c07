import type { Answer } from "../types";

// Every answer bankhooks can give, one per row of the README's status table. Bodies are small JSON;
// none carries an internal error message or says which part of authentication failed.

const json = (status: number, body: Answer["body"], headers: Record<string, string> = {}): Answer => ({
  status,
  headers,
  body,
});
const fail = (status: number, error: string, message: string, headers?: Record<string, string>) =>
  json(status, { ok: false, error, message }, headers);

export const answers = {
  accepted: (events: number, duplicates: number) => json(200, { ok: true, events, duplicates }),
  queued: (events: number) => json(200, { ok: true, events, queued: true }),
  handshake: () => json(200, { ok: true, handshake: true }),
  inProgress: (retryAfterSeconds: number) =>
    fail(503, "in_progress", "An event of this delivery is being processed by another request; retry later.", {
      "retry-after": String(retryAfterSeconds),
    }),
  timedOut: (retryAfterSeconds: number) =>
    fail(503, "timeout", "Handlers are still running; retry later: events already handled will be skipped.", {
      "retry-after": String(retryAfterSeconds),
    }),
  unauthorized: (scheme?: string) =>
    fail(401, "unauthorized", "Authentication failed.", scheme ? { "www-authenticate": scheme } : {}),
  unsupportedMediaType: () => fail(415, "unsupported_media_type", "Content-Type must be application/json (UTF-8)."),
  tooLarge: () => fail(413, "payload_too_large", "The body is larger than this endpoint accepts."),
  tooManyNotifications: (max: number) =>
    fail(413, "too_many_notifications", `A delivery may carry at most ${max} notifications; send them in smaller batches.`),
  bodyTimeout: () => fail(408, "request_timeout", "The body did not arrive in time."),
  badRequest: (message: string) => fail(400, "bad_request", message),
  invalidPayload: (errors: { pointer: string; message: string }[]) =>
    json(400, {
      ok: false,
      error: "invalid_payload",
      message: "The delivery does not match the provider's schema; no event of it was handled.",
      errors,
    }),
  queueUnavailable: (retryAfterSeconds: number) =>
    fail(503, "queue_unavailable", "The receiver could not queue this delivery; retry later.", {
      "retry-after": String(retryAfterSeconds),
    }),
  handlerFailed: () => fail(500, "handler_failed", "A handler failed; retry later: events already handled will be skipped."),
  misconfigured: () =>
    fail(500, "server_misconfigured", "The receiver could not read this request; retry later."),
  internalError: () => fail(500, "internal_error", "The receiver failed; retry later."),
  methodNotAllowed: (allow: readonly string[]) =>
    fail(405, "method_not_allowed", `Use ${allow.join(" or ")}.`, { allow: allow.join(", ") }),
  notFound: () => fail(404, "not_found", "No webhook endpoint here."),
};

/** Thrown inside the pipeline to end a request with a given answer. */
export class AnswerError extends Error {
  constructor(
    readonly answer: Answer,
    detail?: string,
  ) {
    super(detail ?? (answer.body.ok ? "ok" : answer.body.message));
  }
}
