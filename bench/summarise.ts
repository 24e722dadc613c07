import { BASELINES, type Contestant } from "./contestants";
import type { HttpRun } from "./http-throughput";
import type { MemoryStoreResult } from "./memory-store";
import type { StartupResult } from "./startup";

/** One contestant over all rounds; ratios are to the baselines' figures of the same run. */
export interface ContestantSummary {
  id: string;
  label: string;
  kind: Contestant["kind"];
  requestsPerSecond: number;
  /** Each round's req/s, in order: drift shows here. */
  roundsRequestsPerSecond: number[];
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  peakRssBytes: number;
  /** Server CPU time per second of wall time (1 = one core busy). */
  serverCpuCores: number;
  requestsPerCpuSecond: number;
  vsExpressRoute: number;
  vsBareNodeHttp: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function summariseHttp(contestants: Contestant[], runs: HttpRun[]): ContestantSummary[] {
  const partial = contestants.map((contestant) => {
    const own = runs.filter((run) => run.contestant === contestant.id);
    const cpuSeconds = sum(own.map((run) => run.serverCpuSeconds));
    return {
      id: contestant.id,
      label: contestant.label,
      kind: contestant.kind,
      requestsPerSecond: mean(own.map((run) => run.requestsPerSecond)),
      roundsRequestsPerSecond: own.map((run) => run.requestsPerSecond),
      latencyP50Ms: mean(own.map((run) => run.latencyP50Ms)),
      latencyP99Ms: mean(own.map((run) => run.latencyP99Ms)),
      non2xx: sum(own.map((run) => run.non2xx)),
      errors: sum(own.map((run) => run.errors)),
      timeouts: sum(own.map((run) => run.timeouts)),
      peakRssBytes: Math.max(...own.map((run) => run.peakRssBytes)),
      serverCpuCores: cpuSeconds / sum(own.map((run) => run.seconds)),
      requestsPerCpuSecond: sum(own.map((run) => run.requests)) / cpuSeconds,
    };
  });
  const rps = (id: string) => partial.find((summary) => summary.id === id)?.requestsPerSecond ?? Number.NaN;
  return partial.map((summary) => ({
    ...summary,
    vsExpressRoute: summary.requestsPerSecond / rps(BASELINES.expressRoute),
    vsBareNodeHttp: summary.requestsPerSecond / rps(BASELINES.bareNodeHttp),
  }));
}

/** The targets, each against figures of this same run. */
export function checkTargets(http: ContestantSummary[], startup: StartupResult, memory: MemoryStoreResult): TargetCheck[] {
  const find = (id: string) => http.find((summary) => summary.id === id);
  const checks: TargetCheck[] = [];
  const ratio = (target: string, id: string, versus: string, atLeast: number, strictly = false) => {
    const a = find(id);
    const b = find(versus);
    if (!a || !b) return;
    const value = a.requestsPerSecond / b.requestsPerSecond;
    checks.push({ target, measured: `${value.toFixed(2)}×`, met: strictly ? value > atLeast : value >= atLeast });
  };
  ratio("(a) ≥ 1.3× the hand-written Express route", "bankhooks-express-bankconnect", "express-json-route", 1.3);
  ratio("(a) ≥ 0.85× the Express ceiling", "bankhooks-express-bankconnect", "express-ceiling", 0.85);
  ratio("(a) ahead of octokit in Express", "bankhooks-express-bankconnect", "octokit-express", 1, true);
  ratio("(b) ≥ 1.1× the hand-written Express route", "bankhooks-express-ibanfirst", "express-json-route", 1.1);
  ratio("(c) ≥ 0.8× bare `node:http`", "bankhooks-node-http-bankconnect", "bare-node-http", 0.8);
  ratio("(c) ahead of octokit on `node:http`", "bankhooks-node-http-bankconnect", "octokit-node-http", 1, true);

  const route = find(BASELINES.expressRoute);
  for (const id of ["bankhooks-express-bankconnect", "bankhooks-express-ibanfirst", "bankhooks-node-http-bankconnect"]) {
    const own = find(id);
    if (!own || !route) continue;
    checks.push({
      target: `${own.label.slice(0, 3)} p99 no worse than the hand-written Express route (${route.latencyP99Ms.toFixed(1)} ms)`,
      measured: `${own.latencyP99Ms.toFixed(1)} ms`,
      met: own.latencyP99Ms <= route.latencyP99Ms,
    });
  }
  const failing = http.filter((summary) => summary.kind === "bankhooks" && summary.non2xx + summary.errors + summary.timeouts > 0);
  checks.push({
    target: "every bankhooks contestant: 0 non-2xx, 0 errors, 0 timeouts",
    measured: failing.length === 0 ? "0" : failing.map((summary) => `${summary.id}: ${summary.non2xx}/${summary.errors}/${summary.timeouts}`).join(", "),
    met: failing.length === 0,
  });
  checks.push({
    target: 'start-up ≤ 10 ms above require("express")',
    measured: `${startup.bankhooksOverExpressMs >= 0 ? "+" : ""}${startup.bankhooksOverExpressMs.toFixed(1)} ms`,
    met: startup.bankhooksOverExpressMs <= 10,
  });
  checks.push({
    target: "≤ 150 bytes per remembered id",
    measured: `${memory.full.bytesPerId.toFixed(0)} B`,
    met: memory.full.bytesPerId <= 150,
  });
  checks.push({
    target: "maxEntries holds the bound",
    measured: `${memory.bounded.newestRemembered.toLocaleString("en-US")} of ${memory.bounded.idsClaimed.toLocaleString("en-US")} ids remembered`,
    met: memory.bounded.newestRemembered === memory.bounded.maxEntries && memory.bounded.oldestForgotten,
  });
  return checks;
}
