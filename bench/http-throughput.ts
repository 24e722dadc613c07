import autocannon from "autocannon";
import type { Contestant } from "./contestants";
import { startServer, type ServerStats } from "./start-server";
import { createWsseTokenPool } from "./wsse-token-pool";
import secrets from "./servers/secrets.json";

export interface HttpOptions {
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** A fixed request rate instead of as fast as possible: CPU per request then compares without contention. */
  rate?: number;
  /** Servers write a V8 CPU profile (--cpu-prof) there when given. */
  profileDir?: string;
  log(line: string): void;
}

/** One contestant in one round: autocannon's figures for the measured window, and the server's own. */
export interface HttpRun {
  contestant: string;
  round: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  serverCpuSeconds: number;
  peakRssBytes: number;
  /** X-WSSE tokens signed during the run because the pool made ahead ran dry. */
  tokensMadeLive: number;
}

// Before a contestant's first round, how many X-WSSE tokens a second to make ahead; later rounds use what it did.
const FIRST_GUESS_RPS = 8_000;

/** Every contestant in its own fresh process, interleaved round by round (A B C … A B C …) so that drift shows. */
export async function measureHttpThroughput(contestants: Contestant[], options: HttpOptions): Promise<HttpRun[]> {
  const runs: HttpRun[] = [];
  const lastRps = new Map<string, number>();
  for (let round = 1; round <= options.rounds; round++) {
    for (const contestant of contestants) {
      const run = await measureOne(contestant, round, options, lastRps.get(contestant.id) ?? FIRST_GUESS_RPS);
      lastRps.set(contestant.id, run.requestsPerSecond);
      runs.push(run);
      options.log(
        `  round ${round} ${contestant.id.padEnd(32)} ${Math.round(run.requestsPerSecond).toString().padStart(6)} req/s` +
          `  p99 ${run.latencyP99Ms} ms  non-2xx ${run.non2xx}  cpu ${(run.serverCpuSeconds / run.seconds).toFixed(2)}` +
          `  ${((run.serverCpuSeconds / run.requests) * 1e6).toFixed(0)} µs/req`,
      );
    }
  }
  return runs;
}

async function measureOne(contestant: Contestant, round: number, options: HttpOptions, expectedRps: number): Promise<HttpRun> {
  const seconds = options.warmupSeconds + options.durationSeconds;
  // 1.5× what it did last time, plus one per connection for the request autocannon builds when it connects.
  const tokens = contestant.needsWsse
    ? createWsseTokenPool(secrets.ibanfirst, Math.ceil(expectedRps * 1.5 * seconds) + options.connections * 4)
    : undefined;
  const execArgv = options.profileDir ? ["--cpu-prof", "--cpu-prof-dir", options.profileDir, "--cpu-prof-name", `${contestant.id}-${round}.cpuprofile`] : [];
  const server = await startServer(contestant.server, execArgv);
  try {
    const base = { url: `http://127.0.0.1:${server.port}`, connections: options.connections, overallRate: options.rate };
    // A fresh request object per autocannon run: setupRequest closures keep their own counters.
    if (options.warmupSeconds > 0) await fire({ ...base, duration: options.warmupSeconds, requests: [contestant.request(tokens)] });
    const before = await server.stats();
    const result = await fire({ ...base, duration: options.durationSeconds, requests: [contestant.request(tokens)] });
    const after = await server.stats();
    return toRun(contestant.id, round, result, before, after, tokens?.madeLive ?? 0);
  } finally {
    await server.stop();
  }
}

function fire(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function toRun(
  contestant: string,
  round: number,
  result: autocannon.Result,
  before: ServerStats,
  after: ServerStats,
  tokensMadeLive: number,
): HttpRun {
  const cpuMicros = after.cpu.user + after.cpu.system - (before.cpu.user + before.cpu.system);
  // autocannon's duration is the measured window in seconds, as it counted it.
  const seconds = result.duration;
  return {
    contestant,
    round,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / seconds,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuSeconds: cpuMicros / 1e6,
    peakRssBytes: after.peakRssBytes,
    tokensMadeLive,
  };
}
