// npm run bench [-- --rounds 2 --duration 10 --warmup 2 --connections 50 --quick --only a,b --profile --rate N --http-only --no-readme]
// Builds nothing itself: `npm run bench` compiles dist/ first, which is what the bankhooks servers load.
// A full run writes bench/results/latest.{json,md} and the README's table; --quick, --only, --profile and --rate
// are for working on the bench or the library, and write bench/results/quick.{json,md} only.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CONTESTANTS } from "./contestants";
import { describeMachine } from "./describe-machine";
import { measureHttpThroughput } from "./http-throughput";
import { measureMemoryStore } from "./memory-store";
import { renderReport } from "./render-report";
import type { BenchResults } from "./results";
import { measureStartup } from "./startup";
import { checkTargets, summariseHttp } from "./summarise";
import { updateReadme } from "./update-readme";
import { measureValidation } from "./validation";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    rounds: { type: "string" },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    "http-only": { type: "boolean", default: false },
    rate: { type: "string" },
    out: { type: "string" },
    "no-readme": { type: "boolean", default: false },
  },
});

// --quick is a smoke run of the harness (a minute or so): its figures are not for publishing.
const quick = flags.quick;
const settings = {
  rounds: Number(flags.rounds ?? 2),
  durationSeconds: Number(flags.duration ?? (quick ? 2 : 10)),
  warmupSeconds: Number(flags.warmup ?? (quick ? 1 : 2)),
  connections: Number(flags.connections ?? 50),
  rate: flags.rate === undefined ? undefined : Number(flags.rate),
};
const contestants = flags.only ? CONTESTANTS.filter((c) => flags.only!.split(",").includes(c.id)) : CONTESTANTS;
// Only a full default run replaces the published figures.
const partial = quick || flags.only !== undefined || flags.profile || flags.rate !== undefined;
const out = flags.out ?? (partial ? "quick" : "latest");
const log = (line: string) => console.log(line);

async function main() {
  const machine = describeMachine();
  log(`bankhooks bench: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.nodeVersion}, load ${machine.loadAverageAtStart.toFixed(2)}`);
  log(`HTTP: ${contestants.length} receivers × ${settings.rounds} rounds × (${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s)`);
  // Straight in results/, where .gitignore keeps *.cpuprofile out of commits.
  const profileDir = flags.profile ? join(__dirname, "results") : undefined;
  const runs = await measureHttpThroughput(contestants, { ...settings, log, profileDir });
  if (flags["http-only"]) return;

  log("start-up…");
  const startup = measureStartup(quick ? 5 : 21);
  log("memoryStore…");
  const memoryStore = measureMemoryStore(quick ? 100_000 : 1_000_000, quick ? 10_000 : 100_000);
  log("validation…");
  const validation = measureValidation(quick ? 5_000 : 50_000);

  const summary = summariseHttp(contestants, runs);
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    machine,
    settings,
    http: { summary, runs },
    startup,
    memoryStore,
    validation,
    targets: checkTargets(summary, startup, memoryStore),
  };
  const dir = join(__dirname, "results");
  mkdirSync(dir, { recursive: true });
  const markdown = renderReport(results);
  writeFileSync(join(dir, `${out}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, `${out}.md`), markdown);
  log(`\n${markdown}`);
  log(`written: bench/results/${out}.json, bench/results/${out}.md`);
  // A full run is what README's "Performance" section shows; partial runs never replace it.
  if (!partial && !flags["no-readme"]) log(updateReadme(markdown) ? "README.md: Performance table updated" : "README.md: bench markers not found, not updated");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
