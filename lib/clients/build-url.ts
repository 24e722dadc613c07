/** `baseUrl` + `path`, whether or not the base ends with a slash; the base's own path is kept. */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, string>): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${path}`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url;
}

/** Throws a TypeError naming the option unless `value` is an absolute http(s) URL. */
export function checkHttpUrl(option: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new TypeError(`bankhooks: ${option} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value as string;
}

/** Throws a TypeError naming the option unless `value` is a non-empty string. */
export function checkText(option: string, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`bankhooks: ${option} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Throws a TypeError unless `value` is a positive finite number of milliseconds. */
export function checkTimeout(value: unknown): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`bankhooks: timeoutMs must be a positive number of milliseconds, got ${JSON.stringify(value)}`);
  }
  return value;
}
