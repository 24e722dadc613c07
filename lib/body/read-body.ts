import type { IncomingMessage } from "node:http";
import getRawBody from "raw-body";
import { AnswerError, answers } from "../pipeline/answers";

export interface ReadBodyOptions {
  /** In bytes. */
  limit: number;
  /** Counted from the first byte read. */
  timeoutMs: number;
}

/** A request as Express leaves it: a body parser may already have read the stream into `req.body`. */
export type RequestWithBody = IncomingMessage & { body?: unknown; _body?: boolean };

/**
 * The request body: the bytes, or what a body parser mounted earlier made of them. Never waits on a
 * stream that something else has read (the hang other receivers have behind express.json()).
 */
export async function readBody(req: RequestWithBody, options: ReadBodyOptions): Promise<Buffer | string | object> {
  if (isStreamTaken(req)) return takeParsedBody(req, options.limit);

  let timer: NodeJS.Timeout | undefined;
  let startClock: (() => void) | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    startClock = () => {
      timer = setTimeout(() => reject(new AnswerError(answers.bodyTimeout())), options.timeoutMs);
    };
    req.once("data", startClock);
  });
  try {
    return await Promise.race([getRawBody(req, { limit: options.limit, length: req.headers["content-length"] }), timedOut]);
  } catch (error) {
    if (error instanceof AnswerError) throw error;
    const status = (error as { status?: number }).status;
    if (status === 413) throw new AnswerError(answers.tooLarge());
    throw new AnswerError(answers.badRequest("The body could not be read."), (error as Error).message);
  } finally {
    clearTimeout(timer);
    // Refused before its first byte (413 on Content-Length), the body is still discarded afterwards: no clock then.
    if (startClock) req.removeListener("data", startClock);
  }
}

function isStreamTaken(req: RequestWithBody): boolean {
  // body-parser 1.x flags `_body`; otherwise the stream itself says whether anyone read from it.
  return req._body === true || req.readableEnded || req.readableDidRead || (req.complete && !req.readable);
}

function takeParsedBody(req: RequestWithBody, limit: number): Buffer | string | object {
  const body = req.body;
  // Read already, so too late not to buffer it; bodyLimit still holds. A parsed object is measured by its
  // declared Content-Length (a chunked one cannot be measured).
  const size = Buffer.isBuffer(body) || typeof body === "string" ? Buffer.byteLength(body) : Number(req.headers["content-length"]);
  if (size > limit) throw new AnswerError(answers.tooLarge());
  if (Buffer.isBuffer(body) || typeof body === "string") return body;
  if (body !== null && typeof body === "object" && req.readableEnded) return body;
  throw new AnswerError(
    answers.misconfigured(),
    "The request body was read by middleware mounted before bankhooks, and req.body holds nothing bankhooks can use. " +
      "Mount bankhooks before that middleware, or use express.json(), express.raw() or express.text() for this path.",
  );
}
