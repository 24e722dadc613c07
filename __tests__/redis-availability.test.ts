import { execFile } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..");

/** Runs one Redis test file in a jest of its own, as if no Redis could be had. */
function runWithoutRedis(ci: boolean): Promise<{ code: number; output: string }> {
  const env = { ...process.env, BANKHOOKS_TEST_REDIS: "none", BANKHOOKS_TEST_REDIS_URL: "", CI: ci ? "true" : "false" };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, "node_modules", "jest", "bin", "jest.js"), "__tests__/store/redis-store.test.ts"],
      { cwd: root, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    );
  });
}

describe("tests that need Redis, where none can be had", () => {
  test("fail under CI=true, naming what is missing", async () => {
    const { code, output } = await runWithoutRedis(true);
    expect(code).toBe(1);
    expect(output).toContain("Redis is required under CI=true: BANKHOOKS_TEST_REDIS=none");
  }, 60_000);

  test("are skipped, with a warning, on a developer's machine", async () => {
    const { code, output } = await runWithoutRedis(false);
    expect(code).toBe(0);
    expect(output).toMatch(/skipping "redisStore"/);
    expect(output).toMatch(/Tests:\s+9 skipped, 9 total/);
  }, 60_000);
});
