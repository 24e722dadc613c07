// `npm run generate` writes lib/generated/ from schemas/; `--check` only compares, and exits 1 on drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_DIR, renderGeneratedFiles } from "./render-generated";

async function main(check: boolean): Promise<number> {
  const files = await renderGeneratedFiles();
  if (check) {
    const drifted = Object.entries(files)
      .filter(([name, content]) => {
        const path = join(GENERATED_DIR, name);
        return !existsSync(path) || readFileSync(path, "utf8") !== content;
      })
      .map(([name]) => `lib/generated/${name}`);
    if (drifted.length === 0) return 0;
    console.error(`Out of date with schemas/: ${drifted.join(", ")}. Run \`npm run generate\` and commit the result.`);
    return 1;
  }
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(GENERATED_DIR, name), content);
    console.log(`wrote lib/generated/${name}`);
  }
  return 0;
}

main(process.argv.includes("--check")).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
