import type { BankConnectStoredPayload, BankConnectWebhookPayloadsResponse } from "../generated/schema-types";
import { validators } from "../validate/validator";
import { buildUrl, checkHttpUrl, checkText, checkTimeout } from "./build-url";
import { requestJson } from "./request-json";

export const BANKCONNECT_API_URL = "https://apis.bankconnect.finbox.in/bank-connect/v1";
const DEFAULT_TIMEOUT_MS = 10_000;

export interface BankConnectClientOptions {
  /** Sent as `x-api-key`. */
  apiKey: string;
  /** Sent as `server-hash`. */
  serverHash: string;
  /** Default `https://apis.bankconnect.finbox.in/bank-connect/v1`. */
  baseUrl?: string;
  /** How long one call may take, answer included. Default 10,000 ms. */
  timeoutMs?: number;
}

/** 0: webhooks for net banking only (BankConnect's default); 1: for manual uploads too. */
export type BankConnectWebhookMode = 0 | 1;

export interface BankConnectClient {
  /** Sets the URL BankConnect posts webhooks to. The mode is always sent: BankConnect resets it to 0 when it is left out. */
  updateWebhook(url: string, options: { mode: BankConnectWebhookMode }): Promise<void>;
  /** Every webhook payload BankConnect sent (or tried to send) for a link, newest first, each with its `date_time`. */
  webhookPayloads(linkId: string): Promise<BankConnectStoredPayload[]>;
}

/** BankConnect's REST API, as far as webhooks go: register the endpoint, fetch stored payloads. */
export function bankConnectClient(options: BankConnectClientOptions): BankConnectClient {
  const headers = {
    "x-api-key": checkText("bankConnectClient apiKey", options?.apiKey),
    "server-hash": checkText("bankConnectClient serverHash", options.serverHash),
  };
  const baseUrl = checkHttpUrl("bankConnectClient baseUrl", options.baseUrl ?? BANKCONNECT_API_URL);
  const timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const credentialsHint = "check the API key (x-api-key) and the server hash (server-hash)";

  return {
    async updateWebhook(url, options) {
      checkHttpUrl("updateWebhook url", url);
      const mode = options?.mode;
      if (mode !== 0 && mode !== 1) {
        throw new TypeError(`bankhooks: updateWebhook mode must be 0 (net banking only) or 1 (manual upload too), got ${JSON.stringify(mode)}`);
      }
      await requestJson({
        call: "BankConnect updateWebhook (POST /entity/update_webhook/)",
        method: "POST",
        url: buildUrl(baseUrl, "/entity/update_webhook/"),
        headers,
        body: { webhook_url: url, webhook_mode: mode },
        timeoutMs,
        credentialsHint,
      });
    },

    async webhookPayloads(linkId) {
      checkText("webhookPayloads linkId", linkId);
      const response = await requestJson<BankConnectWebhookPayloadsResponse>({
        call: "BankConnect webhookPayloads (GET /entity/webhook_payloads/)",
        method: "GET",
        url: buildUrl(baseUrl, "/entity/webhook_payloads/", { link_id: linkId }),
        headers,
        validate: validators.validateBankConnectWebhookPayloadsResponse,
        timeoutMs,
        credentialsHint,
      });
      return response.payloads;
    },
  };
}
