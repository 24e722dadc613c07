import type { IncomingMessage } from "node:http";
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
export function readBody(req: RequestWithBody, options: ReadBodyOptions): Promise<Buffer | string | object> {
  // Not an async function: on the hot path, wrapping readStream's promise in another costs a few ticks.
  if (!isStreamTaken(req)) return readStream(req, options);
  try {
    return Promise.resolve(takeParsedBody(req, options.limit));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Reads the stream itself, on the hot path of every delivery: one promise, and a clock only for a body
 * that does not arrive in its first chunk (most webhooks do).
 */
function readStream(req: IncomingMessage, { limit, timeoutMs }: ReadBodyOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = req.headers["content-length"];
    const length = declared === undefined ? undefined : Number(declared);
    // Refused on its headers alone: nothing is read (the answer closes the connection).
    if (length !== undefined && length > limit) return reject(new AnswerError(answers.tooLarge()));

    const chunks: Buffer[] = [];
    let received = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error: AnswerError | undefined) => {
      clearTimeout(timer);
      req.removeListener("data", onData);
      req.removeListener("end", onEnd);
      req.removeListener("error", onError);
      req.removeListener("close", onClose);
      // A body that came in one chunk (most webhooks) is that chunk: no copy.
      if (!error) return resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received));
      // Leave the rest unread: the answer closes the connection.
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      const first = received === 0;
      received += chunk.length;
      if (received > limit) return finish(new AnswerError(answers.tooLarge()));
      chunks.push(chunk);
      if (first && !(length !== undefined && received >= length)) {
        timer = setTimeout(() => finish(new AnswerError(answers.bodyTimeout())), timeoutMs);
      }
    };
    const onEnd = () =>
      finish(
        length === undefined || received === length
          ? undefined
          : new AnswerError(answers.badRequest("The body could not be read."), "request size did not match content length"),
      );
    const onError = (error: Error) => finish(new AnswerError(answers.badRequest("The body could not be read."), error.message));
    // Closed before its end: the client hung up mid-body.
    const onClose = () => finish(new AnswerError(answers.badRequest("The body could not be read."), "request aborted"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
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
