import type { CliIo } from "./command";
import { parseHttpUrl } from "./parse-option-values";

/** A provider API address from the environment (BANKCONNECT_API_URL, IBANFIRST_API_URL), checked; undefined for the default. */
export function readApiUrl(envName: string, io: CliIo): string | undefined {
  const value = io.env[envName];
  return value === undefined || value === "" ? undefined : parseHttpUrl(envName, value).href;
}
