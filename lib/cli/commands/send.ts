import { readFileSync } from "node:fs";
import { createWsseHeader } from "../../auth/create-wsse-header";
import { ProviderApiError } from "../../clients/provider-api-error";
import { CliUsageError } from "../cli-usage-error";
import type { CliIo, Command } from "../command";
import { parseCommandArgs } from "../parse-command-args";
import { parseHttpUrl, parsePositiveNumber, parseTimeout } from "../parse-option-values";
import { formatAnswer, postDelivery } from "../post-delivery";
import { readSetting, requireSetting } from "../read-setting";
import { formatDuration, IBANFIRST_RETRIES, IBANFIRST_RETRY_INTERVAL_MS, sleep } from "../retry-schedule";

const usage = `Usage: bankhooks send <bankconnect|ibanfirst> <file.json> --url URL [options]

Posts the JSON in <file.json> to URL exactly as the provider delivers it, and prints the answer.

Options:
  --url URL        the receiving endpoint, e.g. http://localhost:3000/webhooks/ibanfirst
  --username U     iBanFirst: X-WSSE username (env IBANFIRST_USERNAME); a fresh token signs each attempt
  --secret S       iBanFirst: X-WSSE secret (env IBANFIRST_SECRET)
  --token T        BankConnect: the shared token, sent as x-secret-key (env BANKCONNECT_TOKEN); optional
  --retry          retry answers other than 2xx (and unreachable endpoints) as iBanFirst does:
                   every hour, ${IBANFIRST_RETRIES} times (3 days)
  --speed N        with --retry: run time N times faster (--speed 3600 makes an hour one second)
  --timeout MS     how long to wait for each answer (default 10000)
  -h, --help       this help

Exit status: 0 answered 2xx, 1 not (after the retries), 2 bad arguments.`;

export const send: Command = {
  name: "send",
  summary: "post a delivery to an endpoint as BankConnect or iBanFirst would (X-WSSE, retries)",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        url: { type: "string" },
        username: { type: "string" },
        secret: { type: "string" },
        token: { type: "string" },
        retry: { type: "boolean" },
        speed: { type: "string" },
        timeout: { type: "string" },
      },
      ["the provider (bankconnect or ibanfirst)", "the JSON file to send"],
    );
    const [family, file] = positionals;
    const url = parseHttpUrl("--url", values.url);
    const timeoutMs = parseTimeout(values.timeout);
    if (values.speed !== undefined && !values.retry) throw new CliUsageError("--speed only applies with --retry");
    const speed = values.speed === undefined ? 1 : parsePositiveNumber("--speed", values.speed);
    const headers = signer(family, values, io);
    const body = readJsonFile(file);

    const attempts = values.retry ? 1 + IBANFIRST_RETRIES : 1;
    const waitMs = IBANFIRST_RETRY_INTERVAL_MS / speed;
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptDelivery(url, body, headers(), timeoutMs);
      const last = attempt === attempts;
      if (values.retry) io.stderr.write(`attempt ${attempt}/${attempts}: ${outcome.summary}${outcome.ok || last ? "" : `; next in ${describeWait(waitMs, speed)}`}\n`);
      if (outcome.ok || last) return finish(outcome, attempt, io);
      await sleep(waitMs);
    }
  },
};

type Outcome = { ok: boolean; summary: string; answer?: string; error?: ProviderApiError };

async function attemptDelivery(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Outcome> {
  try {
    const response = await postDelivery(url, body, headers, timeoutMs);
    const ok = response.status >= 200 && response.status <= 299;
    return { ok, summary: `HTTP ${response.status}`, answer: formatAnswer(response) };
  } catch (error) {
    if (!(error instanceof ProviderApiError)) throw error;
    return { ok: false, summary: error.message, error };
  }
}

function finish(outcome: Outcome, attempts: number, io: CliIo): number {
  if (outcome.error && attempts === 1) throw outcome.error;
  if (outcome.answer !== undefined) io.stdout.write(`${outcome.answer}\n`);
  if (!outcome.ok) io.stderr.write(`bankhooks send: not delivered${attempts > 1 ? ` after ${attempts} attempts` : ""}: ${outcome.summary}\n`);
  return outcome.ok ? 0 : 1;
}

function describeWait(ms: number, speed: number): string {
  return speed === 1 ? formatDuration(ms) : `${formatDuration(ms * speed)} (${formatDuration(ms)} at --speed ${speed})`;
}

/** The file's bytes, sent as they are, once checked to be JSON. */
function readJsonFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  return text;
}

/** The headers each attempt carries: a fresh X-WSSE token for iBanFirst, the token for BankConnect. */
function signer(family: string, values: { username?: string; secret?: string; token?: string }, io: CliIo): () => Record<string, string> {
  if (family === "ibanfirst") {
    if (values.token !== undefined) throw new CliUsageError("--token is for BankConnect; iBanFirst deliveries are signed with --username and --secret");
    const credential = {
      username: requireSetting("--username", values.username, "IBANFIRST_USERNAME", io),
      secret: requireSetting("--secret", values.secret, "IBANFIRST_SECRET", io),
    };
    return () => ({ "x-wsse": createWsseHeader(credential) });
  }
  if (family === "bankconnect") {
    if (values.username !== undefined || values.secret !== undefined) {
      throw new CliUsageError("--username and --secret sign iBanFirst deliveries; BankConnect takes --token");
    }
    const token = readSetting(values.token, "BANKCONNECT_TOKEN", io);
    return (): Record<string, string> => (token === undefined ? {} : { "x-secret-key": token });
  }
  throw new CliUsageError(`unknown provider ${JSON.stringify(family)}: use bankconnect or ibanfirst`);
}
