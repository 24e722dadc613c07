import type { IncomingHttpHeaders } from "node:http";
import { isJsonContentType } from "../body/is-json-content-type";
import { parseJsonBody } from "../body/parse-json-body";
import type { State } from "../state";
import type { Answer, Delivery, FamilyName } from "../types";
import { toErrorPointers } from "../validate/to-error-pointers";
import { AnswerError, answers } from "./answers";
import { enqueueEvents } from "./enqueue-events";
import { processEvents } from "./process-events";

/** One delivery as any adapter hands it over: HTTP middleware, `receive()`, later a queue. */
export interface IncomingDelivery {
  method: string;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  /** The client address, read only when an allowlist needs it. */
  getIp(): string | undefined;
  /** Called only once the request is authenticated, so nothing is read for a refused one. */
  readBody(): Promise<Buffer | string | object>;
  /** HTTP requests must say application/json; `receive()` callers hand over a body directly. */
  checkContentType: boolean;
  /** false skips authentication, for callers that already trust the source. */
  verify: boolean;
}

/** The whole pipeline: method → authenticate → content type → body → parse → validate → events → answer. */
export async function handleDelivery(state: State, familyName: FamilyName, request: IncomingDelivery): Promise<Answer> {
  try {
    return await handle(state, familyName, request);
  } catch (error) {
    if (error instanceof AnswerError) {
      if (error.answer.status >= 500) state.log.error(`bankhooks: ${error.message}`);
      else state.log.debug(`bankhooks: ${familyName} delivery refused: ${error.message}`);
      return error.answer;
    }
    state.log.error(`bankhooks: ${familyName} delivery failed inside bankhooks`, error);
    return answers.internalError();
  }
}

async function handle(state: State, familyName: FamilyName, request: IncomingDelivery): Promise<Answer> {
  const entry = state.families.get(familyName);
  if (!entry) return answers.notFound();
  const { family, authenticate } = entry;

  if (!family.methods.includes(request.method)) return answers.methodNotAllowed(family.methods);
  if (request.verify && authenticate) {
    const result = authenticate(request);
    if (!result.ok) {
      state.log.debug(`bankhooks: ${familyName} request refused: ${result.reason}`);
      return answers.unauthorized(family.authScheme);
    }
  }
  if (request.method !== "POST") return answers.handshake();
  if (request.checkContentType && !isJsonContentType(request.headers["content-type"])) {
    return answers.unsupportedMediaType();
  }

  const body = parseJsonBody(await request.readBody());
  // Counted before validation: Ajv reporting every error of 100,000 items takes seconds.
  if ((family.countEvents?.(body) ?? 1) > state.maxNotifications) return answers.tooManyNotifications(state.maxNotifications);
  if (!family.validate(body)) return answers.invalidPayload(toErrorPointers(family.validate.errors));

  const delivery: Delivery = { receivedAt: new Date(), headers: request.headers, ...family.describeDelivery?.(body) };
  const events = family.toEvents(body, delivery);
  const work = state.queue ? enqueueEvents(state, state.queue, events) : processEvents(state, events);
  return withTimeout(state, familyName, work);
}

/** With `timeoutMs`, answers 503 when handlers run long; they go on, and their events stay claimed until they end. */
async function withTimeout(state: State, familyName: FamilyName, work: Promise<Answer>): Promise<Answer> {
  const timeoutMs = state.timeoutMs;
  if (timeoutMs === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => {
      state.log.warn(`bankhooks: ${familyName} handlers still running after ${timeoutMs} ms; answered 503, they go on`);
      // Nobody awaits the work any more: its failure must still be seen.
      work.catch((error) => state.log.error(`bankhooks: ${familyName} delivery failed after its 503`, error));
      resolve(answers.timedOut(state.retryAfterSeconds));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
