import type { Validator } from "../validate/validator";
import { toErrorPointers } from "../validate/to-error-pointers";
import { ProviderApiError } from "./provider-api-error";
import { readProviderMessage } from "./read-provider-message";
import { sendRequest, type OutgoingRequest } from "./send-request";

export interface JsonRequest extends Omit<OutgoingRequest, "body"> {
  /** Sent as JSON. */
  body?: unknown;
  /** Checks a 2xx body against the bundled schema; without it, the body is not looked at. */
  validate?: Validator;
  /** What to check when the provider answers 401, e.g. "check the API key and server hash". */
  credentialsHint: string;
}

/** Calls a provider API: JSON in, JSON out, every failure a ProviderApiError that names the call. */
export async function requestJson<T = unknown>(request: JsonRequest): Promise<T> {
  const { call } = request;
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const { status, text } = await sendRequest({ ...request, headers, body });

  if (status < 200 || status > 299) throw toHttpError(call, status, text, request.credentialsHint);
  if (!request.validate) return undefined as T;

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidResponse(call, status, "it is not JSON");
  }
  if (!request.validate(parsed)) {
    const pointers = toErrorPointers(request.validate.errors).map((e) => `${e.pointer || "/"} ${e.message}`);
    throw invalidResponse(call, status, `it does not match the documented shape (${pointers.join("; ")})`);
  }
  return parsed as T;
}

function toHttpError(call: string, status: number, text: string, credentialsHint: string): ProviderApiError {
  const providerMessage = readProviderMessage(text);
  const said = providerMessage === undefined ? "" : `: "${providerMessage}"`;
  if (status === 401) {
    return new ProviderApiError(`${call}: the provider refused the credentials (HTTP 401)${said}; ${credentialsHint}`, {
      code: "credentials_refused",
      call,
      status,
      providerMessage,
    });
  }
  return new ProviderApiError(`${call}: the provider answered HTTP ${status}${said}`, { code: "http", call, status, providerMessage });
}

function invalidResponse(call: string, status: number, why: string): ProviderApiError {
  return new ProviderApiError(`${call}: the provider answered HTTP ${status}, but ${why}`, { code: "invalid_response", call, status });
}
