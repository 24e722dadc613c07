/**
 * Why a provider call failed: the provider answered non-2xx (`http`), refused the credentials (401),
 * could not be reached (`network`), did not answer in time (`timeout`), or answered 2xx with a body
 * that is not the documented shape (`invalid_response`).
 */
export type ProviderApiErrorCode = "http" | "credentials_refused" | "network" | "timeout" | "invalid_response";

export interface ProviderApiErrorDetails {
  code: ProviderApiErrorCode;
  /** The call that failed, e.g. `BankConnect webhookPayloads (GET /entity/webhook_payloads/)`. */
  call: string;
  /** The HTTP status, when the provider answered. */
  status?: number;
  /** What the provider said about it (`detail`, `errorMessage`, `message` …), when it said anything. */
  providerMessage?: string;
  cause?: unknown;
}

/** A provider API call that failed; its message names the call, the status and the provider's words. */
export class ProviderApiError extends Error {
  readonly code: ProviderApiErrorCode;
  readonly call: string;
  readonly status: number | undefined;
  readonly providerMessage: string | undefined;

  constructor(message: string, details: ProviderApiErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "ProviderApiError";
    this.code = details.code;
    this.call = details.call;
    this.status = details.status;
    this.providerMessage = details.providerMessage;
  }
}
