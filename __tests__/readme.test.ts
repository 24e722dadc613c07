import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

// README examples are what users copy: each ```ts block must compile against the library as it is.
test("every TypeScript example in the README compiles", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  expect(blocks.length).toBeGreaterThanOrEqual(4);

  // Inside the project, so that the project's node_modules and `bankhooks` paths resolve.
  const dir = mkdtempSync(join(root, ".tmp-readme-"));
  try {
    blocks.forEach((code, i) => writeFileSync(join(dir, `example-${i}.ts`), `export {};\n${code}`));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.json", compilerOptions: { noUnusedLocals: false }, include: ["*.ts"] }));
    await expect(run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { cwd: root })).resolves.toBeDefined();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
