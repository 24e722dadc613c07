import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

// The whole project, type tests included: a @ts-expect-error that is not needed fails this.
test("the project, its examples and its type tests type-check", async () => {
  await expect(run(process.execPath, [tsc, "-p", join(root, "tsconfig.json"), "--noEmit"], { cwd: root })).resolves.toBeDefined();
}, 120_000);

// The control: the same misuse without @ts-expect-error must fail to compile.
test("on() with an undocumented name does not compile", async () => {
  const dir = mkdtempSync(join(tmpdir(), "bankhooks-types-"));
  try {
    const file = join(dir, "misuse.ts");
    writeFileSync(file, `import { Webhooks } from ${JSON.stringify(join(root, "lib"))};\nnew Webhooks().on("ibanfirst.nope", () => {});\n`);
    const result = run(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "--types", "node", file], { cwd: root });
    await expect(result).rejects.toMatchObject({ stdout: expect.stringContaining('"ibanfirst.nope"') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
