import { CliUsageError } from "./cli-usage-error";

/** A positive number given as text, or a usage error naming the option. */
export function parsePositiveNumber(option: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new CliUsageError(`${option} must be a positive number, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** An absolute http(s) URL, or a usage error naming the option. */
export function parseHttpUrl(option: string, text: string | undefined): URL {
  if (text === undefined) throw new CliUsageError(`${option} is required`);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new CliUsageError(`${option} must be an absolute http(s) URL, got ${JSON.stringify(text)}`);
  }
  return url;
}

/** `--timeout MS`, default 10 s. */
export function parseTimeout(text: string | undefined): number {
  return text === undefined ? 10_000 : parsePositiveNumber("--timeout", text);
}
