import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where test runs leave their figures (git-ignored); the README's "Reliability" section quotes them. */
export const FIGURES_DIR = join(__dirname, "..", "..", ".reliability");

/** Writes `<name>.json` with the figures of this run, so that published numbers come from a real one. */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const record = { ...figures, node: process.version, recordedAt: new Date().toISOString() };
  writeFileSync(join(FIGURES_DIR, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
}
