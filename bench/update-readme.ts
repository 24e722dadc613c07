import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const README = join(__dirname, "..", "README.md");
const START = "<!-- bench:results:start (written by npm run bench) -->";
const END = "<!-- bench:results:end -->";

/**
 * Puts a run's report between the README's bench markers, touching nothing else (other sections are edited
 * by hand). Returns false when the markers are missing.
 */
export function updateReadme(markdown: string, file = README): boolean {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) return false;
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${markdown.trimEnd()}\n${text.slice(end)}`);
  return true;
}
