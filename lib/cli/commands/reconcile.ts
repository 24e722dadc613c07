import { ProviderApiError } from "../../clients/provider-api-error";
import type { BankConnectStoredPayload } from "../../generated/schema-types";
import { classifyAnswer, type ReconcileOutcome } from "../../reconcile/classify-answer";
import { orderOldestFirst } from "../../reconcile/order-oldest-first";
import { bankConnectClientFromArgs } from "../bankconnect-client-from-args";
import { CliUsageError } from "../cli-usage-error";
import type { Command } from "../command";
import { parseCommandArgs } from "../parse-command-args";
import { parseHttpUrl, parseTimeout } from "../parse-option-values";
import { formatAnswer, postDelivery } from "../post-delivery";
import { readSetting } from "../read-setting";

const usage = `Usage: bankhooks reconcile --link-id ID --url URL [options]

Recovers the BankConnect webhooks your endpoint missed: fetches every payload BankConnect stored for
the link (GET /entity/webhook_payloads/) and posts each, oldest first, to your own receiver, which
skips those it has handled already. Prints one line per payload, then a summary.

Options:
  --link-id ID       the link whose payloads to recover
  --url URL          your BankConnect endpoint, e.g. https://your.host/webhooks/bankconnect
  --token T          the shared token your receiver checks, sent as x-secret-key (env BANKCONNECT_TOKEN)
  --api-key K        BankConnect API key (env BANKCONNECT_API_KEY)
  --server-hash H    BankConnect server hash (env BANKCONNECT_SERVER_HASH)
  --timeout MS       how long to wait for each answer (default 10000)
  -h, --help         this help

Environment: BANKCONNECT_API_URL replaces https://apis.bankconnect.finbox.in/bank-connect/v1.
Exit status: 0 every payload handled or skipped, 1 some failed (run again to retry them) or the
BankConnect API call failed, 2 bad arguments.`;

export const reconcile: Command = {
  name: "reconcile",
  summary: "re-send the BankConnect payloads stored for a link to your receiver, which skips those it handled",
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      "link-id": { type: "string" },
      url: { type: "string" },
      token: { type: "string" },
      "api-key": { type: "string" },
      "server-hash": { type: "string" },
      timeout: { type: "string" },
    });
    const linkId = values["link-id"];
    if (!linkId) throw new CliUsageError("--link-id is required");
    const url = parseHttpUrl("--url", values.url);
    const timeoutMs = parseTimeout(values.timeout);
    const token = readSetting(values.token, "BANKCONNECT_TOKEN", io);
    const client = bankConnectClientFromArgs(values, timeoutMs, io);

    io.stderr.write(`fetching the payloads BankConnect stored for link ${linkId}…\n`);
    const payloads = orderOldestFirst(await client.webhookPayloads(linkId));
    const counts: Record<ReconcileOutcome, number> = { handled: 0, queued: 0, skipped: 0, failed: 0 };
    for (const [index, stored] of payloads.entries()) {
      const { outcome, detail } = await resend(stored, url, token, timeoutMs);
      counts[outcome]++;
      io.stderr.write(`[${index + 1}/${payloads.length}] ${describe(stored)}: ${outcome} (${detail})\n`);
    }
    // "queued" only from a receiver in queue mode, where it stands for "handled or skipped by the worker".
    const queued = counts.queued > 0 ? `, queued ${counts.queued}` : "";
    io.stdout.write(`fetched ${payloads.length}, handled ${counts.handled}${queued}, skipped ${counts.skipped}, failed ${counts.failed}\n`);
    return counts.failed === 0 ? 0 : 1;
  },
};

/** One payload to the receiver, as BankConnect would have posted it; a receiver that cannot be reached is a failure, not the end. */
async function resend(stored: BankConnectStoredPayload, url: URL, token: string | undefined, timeoutMs: number) {
  // date_time is the store's addition, not part of what BankConnect posts.
  const { date_time: _storedAt, ...payload } = stored;
  try {
    const response = await postDelivery(url, JSON.stringify(payload), token === undefined ? {} : { "x-secret-key": token }, timeoutMs);
    return { outcome: classifyAnswer(response.status, parseJson(response.text)), detail: formatAnswer(response) };
  } catch (error) {
    if (!(error instanceof ProviderApiError)) throw error;
    return { outcome: "failed" as const, detail: error.message };
  }
}

function describe(payload: BankConnectStoredPayload): string {
  return `${payload.date_time} ${payload.progress} entity ${payload.entity_id} statement ${payload.statement_id || "(none)"}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
