import { checkWsse } from "../../helpers/check-wsse";
import { runCliProcess } from "../../helpers/run-cli-process";

describe("bankhooks wsse", () => {
  test("prints one X-WSSE header value: iBanFirst's digest, a 32-hex nonce, Created in UTC without milliseconds", async () => {
    const before = Date.now();
    const run = await runCliProcess(["wsse"], { IBANFIRST_USERNAME: "env-user", IBANFIRST_SECRET: "env-secret" });

    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.endsWith("\n")).toBe(true);
    const token = checkWsse(run.stdout.trimEnd(), { username: "env-user", secret: "env-secret" });
    expect(token).toMatchObject({ username: "env-user", digestMatches: true, nonce: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(token.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(token.created) - before)).toBeLessThan(10_000);
  });

  test("flags win over the environment, and each run has a new nonce", async () => {
    const env = { IBANFIRST_USERNAME: "env-user", IBANFIRST_SECRET: "env-secret" };
    const [a, b] = await Promise.all([runCliProcess(["wsse", "--username", "u", "--secret", "s"], env), runCliProcess(["wsse", "--username", "u", "--secret", "s"], env)]);
    const [ta, tb] = [a, b].map((run) => checkWsse(run.stdout.trimEnd(), { username: "u", secret: "s" }));
    expect(ta).toMatchObject({ username: "u", digestMatches: true });
    expect(tb).toMatchObject({ username: "u", digestMatches: true });
    expect(ta.nonce).not.toBe(tb.nonce);
  });
});
