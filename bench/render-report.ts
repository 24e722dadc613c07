import type { BenchResults } from "./results";

const MB = 1024 * 1024;
const fixed = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

/** The markdown report of a run: what README's "Performance" section shows. */
export function renderReport(results: BenchResults): string {
  const { machine, settings } = results;
  return [
    `Run of ${results.generatedAt.slice(0, 16).replace("T", " ")} UTC on ${machine.cpus} × ${machine.cpuModel}, ` +
      `Node ${machine.nodeVersion} (${machine.platform}), load average ${machine.loadAverageAtStart.toFixed(2)} at start; ` +
      `\`${results.command}\`: ${settings.rounds} interleaved rounds of ${settings.durationSeconds} s ` +
      `(after ${settings.warmupSeconds} s of warm-up) per receiver, autocannon with ${settings.connections} connections ` +
      `in the harness process, each receiver in its own process.`,
    "",
    renderHttp(results),
    "",
    renderTargets(results),
    "",
    renderStartupAndMemory(results),
    "",
    renderValidation(results),
    "",
  ].join("\n");
}

function renderHttp({ http }: BenchResults): string {
  const lines = [
    row(["receiver", "req/s", "each round", "p50 ms", "p99 ms", "non-2xx", "peak RSS", "server CPU", "req / CPU-s", "× Express route", "× bare node:http"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
  ];
  for (const s of http.summary) {
    lines.push(
      row([
        s.label,
        fixed(s.requestsPerSecond),
        s.roundsRequestsPerSecond.map((rps) => fixed(rps)).join(" / "),
        fixed(s.latencyP50Ms, 1),
        fixed(s.latencyP99Ms, 1),
        s.non2xx + s.errors + s.timeouts === 0 ? "0" : `${s.non2xx} (+${s.errors} errors, ${s.timeouts} timeouts)`,
        `${fixed(s.peakRssBytes / MB)} MB`,
        fixed(s.serverCpuCores, 2),
        fixed(s.requestsPerCpuSecond),
        fixed(s.vsExpressRoute, 2),
        fixed(s.vsBareNodeHttp, 2),
      ]),
    );
  }
  return lines.join("\n");
}

function renderTargets({ targets }: BenchResults): string {
  return [row(["target", "measured", "met"]), row(["---", "---:", ":---:"]), ...targets.map((t) => row([t.target, t.measured, t.met ? "yes" : "**no**"]))].join(
    "\n",
  );
}

function renderStartupAndMemory({ startup, memoryStore: memory }: BenchResults): string {
  const perId = memory.full.bytesPerId;
  return [
    row(["start-up and memory", "measured"]),
    row(["---", "---:"]),
    row([`\`require("express")\`, median of ${startup.processes} fresh processes`, `${fixed(startup.expressMs, 1)} ms`]),
    row([`\`require("bankhooks")\` to a constructed \`Webhooks\`, median of ${startup.processes}`, `${fixed(startup.bankhooksMs, 1)} ms`]),
    row([`\`memoryStore\`: ${fixed(memory.full.ids)} ids claimed and completed, heap after GC`, `+${fixed(memory.full.heapBytes / MB, 1)} MB`]),
    row(["… RSS after GC", `+${fixed(memory.full.rssBytes / MB, 1)} MB`]),
    row(["… bytes per remembered id (heap)", `${fixed(perId)} B`]),
    row(["… claim + complete, per id", `${fixed(memory.full.nsPerClaimAndComplete)} ns`]),
    row([
      `\`maxEntries: ${fixed(memory.bounded.maxEntries)}\` after ${fixed(memory.bounded.idsClaimed)} ids: newest remembered, oldest forgotten`,
      `${fixed(memory.bounded.newestRemembered)}, ${memory.bounded.oldestForgotten ? "yes" : "no"}`,
    ]),
  ].join("\n");
}

function renderValidation({ validation }: BenchResults): string {
  const names = { bankconnect: "BankConnect webhook", ibanfirst: "iBanFirst delivery, 10 notifications" } as const;
  return [
    row(["schema validation, per delivery", "bytes", "`JSON.parse`", "validate", "validate / parse"]),
    row(["---", "---:", "---:", "---:", "---:"]),
    ...(Object.keys(names) as (keyof typeof names)[]).map((family) => {
      const f = validation.families[family];
      return row([names[family], fixed(f.bytes), `${fixed(f.jsonParseNs)} ns`, `${fixed(f.validateNs)} ns`, fixed(f.validateNs / f.jsonParseNs, 2)]);
    }),
  ].join("\n");
}
