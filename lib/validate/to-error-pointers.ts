import type { ErrorObject } from "ajv";

export interface PointerError {
  pointer: string;
  message: string;
}

const MAX_ERRORS = 20;

/** Ajv's errors as JSON pointers to what failed: a missing property is pointed at, not its parent. */
export function toErrorPointers(errors: ErrorObject[] | null | undefined): PointerError[] {
  const seen = new Set<string>();
  const result: PointerError[] = [];
  for (const error of errors ?? []) {
    // "must match then schema" only repeats the errors of the body it points into.
    if (error.keyword === "if") continue;
    const missing = error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : undefined;
    const pointer = missing === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(missing)}`;
    const message = missing === undefined ? (error.message ?? "is invalid") : "is required";
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ pointer, message });
    if (result.length === MAX_ERRORS) break;
  }
  return result;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
