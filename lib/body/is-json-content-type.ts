import { parse } from "content-type";

/** application/json, with no charset or a UTF-8 one: what both providers send. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  try {
    const { type, parameters } = parse(header);
    const charset = parameters.charset?.toLowerCase();
    return type === "application/json" && (charset === undefined || charset === "utf-8" || charset === "utf8");
  } catch {
    return false;
  }
}
