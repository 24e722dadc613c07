import { createWsseHeader } from "../auth/create-wsse-header";
import type { IbanfirstWebhookRegistrationResponse } from "../generated/schema-types";
import { validators } from "../validate/validator";
import { buildUrl, checkHttpUrl, checkText, checkTimeout } from "./build-url";
import { requestJson } from "./request-json";

export const IBANFIRST_API_URL = "https://api.ibanfirst.com/api";
const DEFAULT_TIMEOUT_MS = 10_000;

export interface IbanfirstClientOptions {
  username: string;
  secret: string;
  /** Default `https://api.ibanfirst.com/api`. */
  baseUrl?: string;
  /** How long one call may take, answer included. Default 10,000 ms. */
  timeoutMs?: number;
}

export interface IbanfirstClient {
  /** Creates a webhook delivering to `endpoint`; resolves to its id. */
  registerWebhook(endpoint: string): Promise<string>;
  /** Has iBanFirst send this company's notifications to the webhook. */
  subscribeCompany(companyId: string, webhookId: string): Promise<void>;
}

/** iBanFirst's API, as far as webhooks go. Every request carries a fresh X-WSSE token. */
export function ibanfirstClient(options: IbanfirstClientOptions): IbanfirstClient {
  const credential = {
    username: checkText("ibanfirstClient username", options?.username),
    secret: checkText("ibanfirstClient secret", options.secret),
  };
  const baseUrl = checkHttpUrl("ibanfirstClient baseUrl", options.baseUrl ?? IBANFIRST_API_URL);
  const timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const credentialsHint = "check the username and secret (X-WSSE), and that the machine's clock is right";
  // A fresh nonce and Created per request: iBanFirst refuses a token it has seen, or an old one.
  const signed = () => ({ "x-wsse": createWsseHeader(credential) });

  return {
    async registerWebhook(endpoint) {
      checkHttpUrl("registerWebhook endpoint", endpoint);
      const response = await requestJson<IbanfirstWebhookRegistrationResponse>({
        call: "iBanFirst registerWebhook (POST /webhooks/)",
        method: "POST",
        url: buildUrl(baseUrl, "/webhooks/"),
        headers: signed(),
        body: { endpoint },
        validate: validators.validateIbanfirstWebhookRegistrationResponse,
        timeoutMs,
        credentialsHint,
      });
      const webhook = "webhook" in response && response.webhook && typeof response.webhook === "object" ? response.webhook : response;
      return String((webhook as { id: string | number }).id);
    },

    async subscribeCompany(companyId, webhookId) {
      checkText("subscribeCompany companyId", companyId);
      checkText("subscribeCompany webhookId", webhookId);
      // iBanFirst marks ids in paths with a leading "-".
      const path = `/companies/-${encodeURIComponent(companyId)}/webhooks/-${encodeURIComponent(webhookId)}/`;
      await requestJson({
        call: `iBanFirst subscribeCompany (POST ${path})`,
        method: "POST",
        url: buildUrl(baseUrl, path),
        headers: signed(),
        timeoutMs,
        credentialsHint,
      });
    },
  };
}
