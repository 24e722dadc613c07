import { ibanfirstClient } from "../../clients/ibanfirst-client";
import { bankConnectClientFromArgs } from "../bankconnect-client-from-args";
import { CliUsageError } from "../cli-usage-error";
import type { CliIo, Command } from "../command";
import { parseCommandArgs, type ParsedArgs } from "../parse-command-args";
import { parseHttpUrl, parseTimeout } from "../parse-option-values";
import { readApiUrl } from "../read-api-url";
import { requireSetting } from "../read-setting";

const usage = `Usage:
  bankhooks register bankconnect --url URL --mode 0|1 [--api-key K --server-hash H]
  bankhooks register ibanfirst --endpoint URL [--company ID]... [--username U --secret S]

Registers your endpoint with the provider.

BankConnect (POST /entity/update_webhook/):
  --url URL          where BankConnect posts webhooks (add ?token=… if your receiver checks one)
  --mode 0|1         0: net banking only; 1: manual uploads too. Always sent: BankConnect resets it otherwise
  --api-key K        API key (env BANKCONNECT_API_KEY)
  --server-hash H    server hash (env BANKCONNECT_SERVER_HASH)

iBanFirst (POST /webhooks/, then POST /companies/-{id}/webhooks/-{id}/ per company):
  --endpoint URL     where iBanFirst posts notifications; prints the new webhook's id
  --company ID       subscribe this company to the webhook; repeat for several
  --username U       API username (env IBANFIRST_USERNAME)
  --secret S         API secret (env IBANFIRST_SECRET)

  --timeout MS       how long to wait for each answer (default 10000)
  -h, --help         this help

Environment: BANKCONNECT_API_URL and IBANFIRST_API_URL replace the providers' API addresses.
Exit status: 0 registered, 1 the provider refused or could not be reached, 2 bad arguments.`;

const OPTIONS = {
  url: { type: "string" },
  mode: { type: "string" },
  "api-key": { type: "string" },
  "server-hash": { type: "string" },
  endpoint: { type: "string" },
  company: { type: "string", multiple: true },
  username: { type: "string" },
  secret: { type: "string" },
  timeout: { type: "string" },
} as const;

type Values = ParsedArgs<typeof OPTIONS>["values"];

export const register: Command = {
  name: "register",
  summary: "register your endpoint with BankConnect or iBanFirst (and subscribe iBanFirst companies)",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, ["the provider (bankconnect or ibanfirst)"]);
    const timeoutMs = parseTimeout(values.timeout);
    if (positionals[0] === "bankconnect") return registerBankConnect(values, timeoutMs, io);
    if (positionals[0] === "ibanfirst") return registerIbanfirst(values, timeoutMs, io);
    throw new CliUsageError(`unknown provider ${JSON.stringify(positionals[0])}: use bankconnect or ibanfirst`);
  },
};

async function registerBankConnect(values: Values, timeoutMs: number, io: CliIo): Promise<number> {
  refuse(values, ["endpoint", "company", "username", "secret"], "bankconnect");
  const url = parseHttpUrl("--url", values.url).href;
  if (values.mode !== "0" && values.mode !== "1") {
    throw new CliUsageError(`--mode must be 0 (net banking only) or 1 (manual uploads too)${values.mode === undefined ? "" : `, got ${JSON.stringify(values.mode)}`}`);
  }
  const mode = values.mode === "1" ? 1 : 0;
  await bankConnectClientFromArgs(values, timeoutMs, io).updateWebhook(url, { mode });
  io.stdout.write(`BankConnect now posts webhooks to ${url} (mode ${mode}: ${mode === 1 ? "net banking and manual uploads" : "net banking only"})\n`);
  return 0;
}

async function registerIbanfirst(values: Values, timeoutMs: number, io: CliIo): Promise<number> {
  refuse(values, ["url", "mode", "api-key", "server-hash"], "ibanfirst");
  const endpoint = parseHttpUrl("--endpoint", values.endpoint).href;
  const client = ibanfirstClient({
    username: requireSetting("--username", values.username, "IBANFIRST_USERNAME", io),
    secret: requireSetting("--secret", values.secret, "IBANFIRST_SECRET", io),
    baseUrl: readApiUrl("IBANFIRST_API_URL", io),
    timeoutMs,
  });
  const webhookId = await client.registerWebhook(endpoint);
  io.stdout.write(`iBanFirst webhook ${webhookId} posts to ${endpoint}\n`);
  for (const companyId of values.company ?? []) {
    await client.subscribeCompany(companyId, webhookId);
    io.stdout.write(`company ${companyId} subscribed to webhook ${webhookId}\n`);
  }
  return 0;
}

/** Options of the other provider are a mistake worth saying, not something to ignore. */
function refuse(values: Values, options: (keyof Values)[], family: string): void {
  const given = options.filter((option) => values[option] !== undefined);
  if (given.length > 0) throw new CliUsageError(`${given.map((o) => `--${o}`).join(", ")} ${given.length > 1 ? "do" : "does"} not apply to ${family}`);
}
