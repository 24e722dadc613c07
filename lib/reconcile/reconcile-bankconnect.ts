import type { BankConnectClient } from "../clients/bankconnect-client";
import type { BankConnectStoredPayload } from "../generated/schema-types";
import { handleDelivery } from "../pipeline/handle-delivery";
import type { State } from "../state";
import type { Answer } from "../types";
import { classifyAnswer, type ReconcileOutcome } from "./classify-answer";
import { orderOldestFirst } from "./order-oldest-first";

export interface ReconcileOptions {
  /** Where the stored payloads come from: `bankConnectClient({ apiKey, serverHash })`. */
  client: Pick<BankConnectClient, "webhookPayloads">;
  /** The link whose payloads to recover. */
  linkId: string;
  /** Called after each payload, oldest first: for progress, or to log failures. */
  onPayload?(report: { payload: BankConnectStoredPayload; outcome: ReconcileOutcome; answer: Answer }): void;
}

export interface ReconcileResult {
  /** Payloads BankConnect had stored for the link. */
  fetched: number;
  /** Run now: their handlers succeeded. */
  handled: number;
  /** Queue mode: queued for the worker, which skips those it had handled already. */
  queued: number;
  /** Already handled before (the idempotency store knew them). */
  skipped: number;
  /** Refused, or a handler failed (its onError ran); running reconcile again retries them. */
  failed: number;
}

/**
 * Recovers the webhooks an endpoint missed: every payload BankConnect stored for the link goes,
 * oldest first, through the same pipeline as a live delivery, so those already handled are skipped.
 */
export async function reconcileBankConnect(state: State, options: ReconcileOptions): Promise<ReconcileResult> {
  if (!state.families.has("bankconnect")) {
    throw new TypeError("bankhooks: reconcile(\"bankconnect\") needs BankConnect served; this Webhooks was created with bankconnect: false");
  }
  if (typeof options?.client?.webhookPayloads !== "function") {
    throw new TypeError("bankhooks: reconcile needs { client: bankConnectClient({ apiKey, serverHash }), linkId }");
  }
  const stored = await options.client.webhookPayloads(options.linkId);
  const result: ReconcileResult = { fetched: stored.length, handled: 0, queued: 0, skipped: 0, failed: 0 };
  for (const payload of orderOldestFirst(stored)) {
    const answer = await runStoredPayload(state, payload);
    const outcome = classifyAnswer(answer.status, answer.body);
    result[outcome]++;
    options.onPayload?.({ payload, outcome, answer });
  }
  return result;
}

/** As a live delivery, minus HTTP and authentication: the payload comes from BankConnect's own API. */
function runStoredPayload(state: State, stored: BankConnectStoredPayload): Promise<Answer> {
  // date_time is the store's addition, not part of what BankConnect posts.
  const { date_time: _storedAt, ...payload } = stored;
  return handleDelivery(state, "bankconnect", {
    method: "POST",
    headers: {},
    query: new URLSearchParams(),
    getIp: () => undefined,
    readBody: async () => payload,
    checkContentType: false,
    verify: false,
  });
}
