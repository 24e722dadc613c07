import type { IncomingMessage } from "node:http";
import getRawBody from "raw-body";
import { AnswerError, answers } from "../pipeline/answers";

export interface ReadBodyOptions {
  limit: number | string;
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
  if (isStreamTaken(req)) return takeParsedBody(req);

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    req.once("data", () => {
      timer = setTimeout(() => reject(new AnswerError(answers.bodyTimeout())), options.timeoutMs);
    });
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
  }
}

function isStreamTaken(req: RequestWithBody): boolean {
  // body-parser 1.x flags `_body`; otherwise the stream itself says whether anyone read from it.
  return req._body === true || req.readableEnded || req.readableDidRead || (req.complete && !req.readable);
}

function takeParsedBody(req: RequestWithBody): Buffer | string | object {
  const body = req.body;
  if (Buffer.isBuffer(body) || typeof body === "string") return body;
  if (body !== null && typeof body === "object" && req.readableEnded) return body;
  throw new AnswerError(
    answers.misconfigured(),
    "The request body was read by middleware mounted before bankhooks, and req.body holds nothing bankhooks can use. " +
      "Mount bankhooks before that middleware, or use express.json(), express.raw() or express.text() for this path.",
  );
}
