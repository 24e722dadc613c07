import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { bankConnectBody, ibanfirstBody } from "./payloads";

export interface ValidationResult {
  iterations: number;
  repeats: number;
  /** Medians in ns per delivery. */
  families: Record<"bankconnect" | "ibanfirst", { bytes: number; jsonParseNs: number; validateNs: number }>;
}

/** Schema validation of the HTTP benchmark's own bodies, in a fresh process, beside JSON.parse of the same bytes. */
export function measureValidation(iterations: number): ValidationResult {
  const input = JSON.stringify({ bankconnect: bankConnectBody(), ibanfirst: ibanfirstBody(10) });
  const output = execFileSync(process.execPath, [join(__dirname, "probes", "validation-probe.js"), String(iterations)], { input, encoding: "utf8" });
  return JSON.parse(output) as ValidationResult;
}
