import { renderReport } from "../../bench/render-report";
import type { BenchResults } from "../../bench/results";
import fixture from "./fixtures/bench-results.json";

// The report README's "Performance" section shows, from a recorded run (no timing is measured here).
const results = fixture as BenchResults;
const report = renderReport(results);
const lines = report.split("\n");

test("says where and how the figures were made", () => {
  expect(lines[0]).toContain(`${results.machine.cpus} × ${results.machine.cpuModel}`);
  expect(lines[0]).toContain(`Node ${results.machine.nodeVersion}`);
  expect(lines[0]).toContain(`\`${results.command}\``);
  expect(lines[0]).toContain(`${results.settings.rounds} interleaved rounds`);
});

test("one HTTP row per receiver: req/s, every round, and both ratios", () => {
  for (const summary of results.http.summary) {
    const row = lines.find((line) => line.startsWith(`| ${summary.label} |`));
    expect(row).toBeDefined();
    const cells = row!.split(" | ");
    expect(cells[1]).toBe(Math.round(summary.requestsPerSecond).toLocaleString("en-US"));
    expect(cells[2].split(" / ")).toHaveLength(results.settings.rounds);
    expect(row).toContain(`| ${summary.vsExpressRoute.toFixed(2)} | ${summary.vsBareNodeHttp.toFixed(2)} |`);
  }
});

test("every target, marked met or not", () => {
  for (const target of results.targets) {
    expect(report).toContain(`| ${target.target} | ${target.measured} | ${target.met ? "yes" : "**no**"} |`);
  }
});

test("start-up, memory and validation tables", () => {
  expect(report).toContain('`require("express")`');
  expect(report).toContain("bytes per remembered id");
  expect(report).toMatch(/\| BankConnect webhook \| [\d,]+ \| [\d,]+ ns \| [\d,]+ ns \|/);
  expect(report).toMatch(/\| iBanFirst delivery, 10 notifications \| [\d,]+ \| [\d,]+ ns \| [\d,]+ ns \|/);
});

test("every table is well formed: each row has as many cells as its header", () => {
  const tables = report.split("\n\n").filter((block) => block.startsWith("|"));
  expect(tables).toHaveLength(4);
  for (const table of tables) {
    const widths = table.trim().split("\n").map((row) => row.split(" | ").length);
    expect(new Set(widths).size).toBe(1);
  }
});
