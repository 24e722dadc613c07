import { digest } from "../auth/digest";
import { createTokenVerifier } from "../auth/verify-token";
import { BANKCONNECT_EVENT_TYPES } from "../generated/event-types";
import type { BankConnectWebhook } from "../generated/schema-types";
import type { AnyWebhookEvent } from "../types";
import { validators } from "../validate/validator";
import type { Family } from "./family";

const DOCUMENTED = new Set<string>(BANKCONNECT_EVENT_TYPES);

export const bankconnect: Family<"bankconnect"> = {
  name: "bankconnect",
  methods: ["POST"],
  validate: validators.validateBankConnectWebhook,
  createAuthenticator(options) {
    const hasToken = options.token !== undefined && [options.token].flat().length > 0;
    return hasToken || options.allowIps?.length ? createTokenVerifier(options) : undefined;
  },
  toEvents(body, delivery) {
    const payload = body as BankConnectWebhook;
    const event = {
      id: deriveBankConnectEventId(payload),
      name: `bankconnect.${payload.progress}`,
      family: "bankconnect",
      type: payload.progress,
      documented: DOCUMENTED.has(payload.progress),
      payload,
      delivery,
    };
    return [event as AnyWebhookEvent];
  },
};

/**
 * BankConnect sends no id: a hash of the documented fields stands in, identical for the same
 * payload however often it is sent, and however its keys are ordered or extended.
 */
export function deriveBankConnectEventId(payload: BankConnectWebhook): string {
  const fields = [payload.entity_id, payload.statement_id, payload.link_id, payload.progress, payload.reason ?? null];
  return digest("sha256", JSON.stringify(fields), "base64url");
}
