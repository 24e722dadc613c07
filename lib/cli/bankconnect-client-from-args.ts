import { bankConnectClient, type BankConnectClient } from "../clients/bankconnect-client";
import type { CliIo } from "./command";
import { readApiUrl } from "./read-api-url";
import { requireSetting } from "./read-setting";

/** The BankConnect API client for --api-key/--server-hash (or their environment variables); BANKCONNECT_API_URL overrides the base. */
export function bankConnectClientFromArgs(values: { "api-key"?: string; "server-hash"?: string }, timeoutMs: number, io: CliIo): BankConnectClient {
  return bankConnectClient({
    apiKey: requireSetting("--api-key", values["api-key"], "BANKCONNECT_API_KEY", io),
    serverHash: requireSetting("--server-hash", values["server-hash"], "BANKCONNECT_SERVER_HASH", io),
    baseUrl: readApiUrl("BANKCONNECT_API_URL", io),
    timeoutMs,
  });
}
