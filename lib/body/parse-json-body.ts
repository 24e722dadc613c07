import { isUtf8 } from "node:buffer";
import secureJson from "secure-json-parse";
import { AnswerError, answers } from "../pipeline/answers";
import { isNestedDeeperThan } from "./is-nested-deeper-than";

// `__proto__` and `constructor.prototype` keys are refused: no bank payload has them, and handlers
// must never be handed an object with inherited surprises.
const FORBID = { protoAction: "error", constructorAction: "error" } as const;
// Bank payloads nest 5 levels at most. Far deeper ones are refused: JSON.stringify and structuredClone
// overflow the stack from a few thousand levels, so a handler (or a queue) could never serialise them.
const MAX_DEPTH = 64;

/** Turns whatever the body is (bytes, text, or an object a body parser made) into a plain JSON object. */
export function parseJsonBody(body: Buffer | string | object): Record<string, unknown> {
  let value: unknown;
  if (Buffer.isBuffer(body)) {
    if (!isUtf8(body)) throw new AnswerError(answers.badRequest("The body is not valid UTF-8."));
    value = parseText(body.toString("utf8"));
  } else if (typeof body === "string") {
    value = parseText(body);
  } else {
    value = body;
    try {
      secureJson.scan(value as object, FORBID);
    } catch {
      throw new AnswerError(answers.badRequest("The body has a forbidden key (__proto__ or constructor.prototype)."));
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AnswerError(answers.badRequest("The body must be a JSON object."));
  }
  if (isNestedDeeperThan(value, MAX_DEPTH)) {
    throw new AnswerError(answers.badRequest(`The body nests deeper than ${MAX_DEPTH} levels.`));
  }
  return value as Record<string, unknown>;
}

function parseText(text: string): unknown {
  // A UTF-8 byte order mark is tolerated, as RFC 8259 allows parsers to.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === "") throw new AnswerError(answers.badRequest("The body is empty."));
  try {
    // secure-json-parse decides whenever a forbidden key could be there; its two regex scans are skipped
    // for the common body that cannot hold one (every spelling of one contains one of these strings).
    if (!json.includes("__proto__") && !json.includes("constructor") && !json.includes("\\u")) return JSON.parse(json);
    return secureJson.parse(json, undefined, FORBID);
  } catch (error) {
    const forbidden = /forbidden prototype property/i.test((error as Error).message);
    throw new AnswerError(
      answers.badRequest(forbidden ? "The body has a forbidden key (__proto__ or constructor.prototype)." : "The body is not valid JSON."),
    );
  }
}
