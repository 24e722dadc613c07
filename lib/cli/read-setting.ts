import { CliUsageError } from "./cli-usage-error";
import type { CliIo } from "./command";

/** A flag's value, else the environment variable's (flags win, so one run can override the environment). */
export function readSetting(flag: string | undefined, envName: string, io: CliIo): string | undefined {
  if (flag !== undefined) return flag;
  const value = io.env[envName];
  return value === undefined || value === "" ? undefined : value;
}

/** As readSetting, but a usage error naming both ways to give it when neither is there. */
export function requireSetting(option: string, flag: string | undefined, envName: string, io: CliIo): string {
  const value = readSetting(flag, envName, io);
  if (value === undefined || value === "") throw new CliUsageError(`${option} is required (or set ${envName})`);
  return value;
}
