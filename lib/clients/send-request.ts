import { ProviderApiError } from "./provider-api-error";

export interface OutgoingRequest {
  /** Names the call in errors: `BankConnect updateWebhook (POST /entity/update_webhook/)`. */
  call: string;
  method: "GET" | "POST";
  url: URL;
  headers: Record<string, string>;
  /** Sent as is; a JSON text, for every call here. */
  body?: string;
  timeoutMs: number;
}

export interface RawResponse {
  status: number;
  text: string;
}

/** One request with Node's fetch, the whole answer read within `timeoutMs`; network failures and timeouts become ProviderApiErrors. */
export async function sendRequest(request: OutgoingRequest): Promise<RawResponse> {
  const { call, url, timeoutMs } = request;
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (isTimeout(error)) {
      throw new ProviderApiError(`${call}: no answer from ${url.origin} within ${timeoutMs} ms`, { code: "timeout", call, cause: error });
    }
    const reason = describeNetworkError(error);
    throw new ProviderApiError(`${call}: could not reach ${url.origin}: ${reason}`, { code: "network", call, cause: error });
  }
}

// Errors are told apart by name, not instanceof: fetch's errors may come from another realm (jest's vm, for one).
type ErrorLike = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
const asErrorLike = (value: unknown): ErrorLike => (value !== null && typeof value === "object" ? (value as ErrorLike) : {});

function isTimeout(error: unknown): boolean {
  const { name } = asErrorLike(error);
  return name === "TimeoutError" || name === "AbortError";
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND …) is in its cause. */
function describeNetworkError(error: unknown): string {
  const cause = asErrorLike(asErrorLike(error).cause);
  const causeMessage = typeof cause.message === "string" ? cause.message : "";
  if (typeof cause.code === "string") return causeMessage.includes(cause.code) ? causeMessage : `${cause.code} ${causeMessage}`.trim();
  if (causeMessage) return causeMessage;
  const message = asErrorLike(error).message;
  return typeof message === "string" ? message : String(error);
}
