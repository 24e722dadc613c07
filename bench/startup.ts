import { execFileSync } from "node:child_process";
import { join } from "node:path";

export interface StartupResult {
  processes: number;
  /** Medians, in milliseconds, over fresh processes. */
  expressMs: number;
  bankhooksMs: number;
  bankhooksOverExpressMs: number;
  samples: { express: number[]; bankhooks: number[] };
}

const PROBE = join(__dirname, "probes", "startup-probe.js");

/** Fresh processes, alternating express and bankhooks, so that a disk-cache or load change hits both alike. */
export function measureStartup(processes: number): StartupResult {
  const samples = { express: [] as number[], bankhooks: [] as number[] };
  // One unmeasured run of each warms the OS file cache.
  probe("express");
  probe("bankhooks");
  for (let i = 0; i < processes; i++) {
    samples.express.push(probe("express"));
    samples.bankhooks.push(probe("bankhooks"));
  }
  const expressMs = median(samples.express);
  const bankhooksMs = median(samples.bankhooks);
  return { processes, expressMs, bankhooksMs, bankhooksOverExpressMs: bankhooksMs - expressMs, samples };
}

function probe(what: "express" | "bankhooks"): number {
  // Run from the repository, so that require("bankhooks") resolves to this package's dist/ through its exports.
  return Number(execFileSync(process.execPath, [PROBE, what], { cwd: join(__dirname, ".."), encoding: "utf8" }));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
