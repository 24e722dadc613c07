import { parse } from "content-type";

/** application/json, with no charset or a UTF-8 one: what both providers send. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  // What senders send most, answered without parsing.
  if (header === "application/json" || header === "application/json; charset=utf-8") return true;
  try {
    const { type, parameters } = parse(header);
    const charset = parameters.charset?.toLowerCase();
    return type === "application/json" && (charset === undefined || charset === "utf-8" || charset === "utf8");
  } catch {
    return false;
  }
}
