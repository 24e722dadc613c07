import { CONTESTANTS } from "../../bench/contestants";
import type { HttpRun } from "../../bench/http-throughput";
import { checkTargets, summariseHttp } from "../../bench/summarise";

// Ratios and targets from made-up runs, so that the arithmetic is checked exactly.
function run(contestant: string, round: number, requestsPerSecond: number, p99 = 10): HttpRun {
  return {
    contestant,
    round,
    seconds: 10,
    requests: requestsPerSecond * 10,
    requestsPerSecond,
    latencyP50Ms: 5,
    latencyP99Ms: p99,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    serverCpuSeconds: 10,
    peakRssBytes: 50e6 + round,
    tokensMadeLive: 0,
  };
}

const runs = [
  run("bare-node-http", 1, 10_000),
  run("bare-node-http", 2, 12_000),
  run("express-json-route", 1, 3_000, 20),
  run("express-json-route", 2, 5_000, 20),
  run("express-ceiling", 1, 6_000),
  run("express-ceiling", 2, 6_000),
  run("bankhooks-express-bankconnect", 1, 5_000, 30),
  run("bankhooks-express-bankconnect", 2, 5_400, 30),
];
const contestants = CONTESTANTS.filter((c) => runs.some((r) => r.contestant === c.id));
const summary = summariseHttp(contestants, runs);
const find = (id: string) => summary.find((s) => s.id === id)!;

test("req/s is the mean of the rounds, each round kept in order", () => {
  expect(find("bare-node-http").requestsPerSecond).toBe(11_000);
  expect(find("bankhooks-express-bankconnect").roundsRequestsPerSecond).toEqual([5_000, 5_400]);
});

test("ratios are to the hand-written Express route and to bare node:http of the same run", () => {
  expect(find("bankhooks-express-bankconnect").vsExpressRoute).toBeCloseTo(5_200 / 4_000);
  expect(find("bankhooks-express-bankconnect").vsBareNodeHttp).toBeCloseTo(5_200 / 11_000);
  expect(find("express-json-route").vsExpressRoute).toBe(1);
});

test("server CPU: cores busy, and requests per CPU-second", () => {
  expect(find("bare-node-http").serverCpuCores).toBe(1);
  expect(find("bare-node-http").requestsPerCpuSecond).toBe(11_000);
  expect(find("bare-node-http").peakRssBytes).toBe(50e6 + 2);
});

test("targets say met or not from those ratios", () => {
  const memory = {
    full: { ids: 1, heapBytes: 0, rssBytes: 0, heapAfterBytes: 0, rssAfterBytes: 0, bytesPerId: 120, nsPerClaimAndComplete: 1, firstStillDone: true, lastStillDone: true },
    bounded: { maxEntries: 10, idsClaimed: 100, newestRemembered: 10, oldestForgotten: true, heapBytesAboveFull: 0 },
  };
  const startup = { processes: 1, expressMs: 50, bankhooksMs: 70, bankhooksOverExpressMs: 20, samples: { express: [50], bankhooks: [70] } };
  const targets = checkTargets(summary, startup, memory);
  const met = (text: string) => targets.find((t) => t.target.startsWith(text))?.met;
  expect(met("(a) ≥ 1.3× the hand-written Express route")).toBe(true);
  expect(met("(a) ≥ 0.85× the Express ceiling")).toBe(true);
  expect(met("(a) p99")).toBe(false);
  expect(met("start-up")).toBe(false);
  expect(met("≤ 150 bytes")).toBe(true);
  expect(met("maxEntries holds")).toBe(true);
  // Contestants missing from the run are not judged.
  expect(met("(b)")).toBeUndefined();
});
