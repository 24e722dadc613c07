import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliProcess } from "../helpers/run-cli-process";

const COMMANDS = ["send", "reconcile", "register", "wsse"];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bankhooks-cli-"));
  writeFileSync(join(dir, "delivery.json"), JSON.stringify({ entity_id: "e" }));
  writeFileSync(join(dir, "broken.json"), "{ not json");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bankhooks (runCli)", () => {
  test("--help lists every command; exit 0", async () => {
    const { code, stdout } = await runCliProcess(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: bankhooks <command> \[options\]/);
    for (const name of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
  });

  test("no command: the overview on stderr, exit 2; an unknown one is named", async () => {
    const none = await runCliProcess([]);
    expect(none).toMatchObject({ code: 2, stdout: "" });
    expect(none.stderr).toMatch(/Usage: bankhooks <command>/);
    const unknown = await runCliProcess(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^bankhooks: unknown command "frobnicate"/);
  });

  test("--help on every command prints its usage, exit 0, and does nothing else", async () => {
    for (const name of COMMANDS) {
      const { code, stdout, stderr } = await runCliProcess([name, "--url", "http://127.0.0.1:9/", "--help"]);
      expect({ name, code, stderr }).toEqual({ name, code: 0, stderr: "" });
      expect(stdout).toMatch(new RegExp(`Usage:[\\s\\S]*bankhooks ${name}`));
      expect(stdout).toMatch(/Exit status:/);
    }
  }, 30_000);

  test.each([
    [["send", "bankconnect", "{dir}/delivery.json", "--url", "http://127.0.0.1:9/", "--bogus"], "unknown option --bogus"],
    [["send", "bankconnect", "{dir}/delivery.json"], "--url is required"],
    [["send", "bankconnect", "{dir}/delivery.json", "--url", "localhost:3000"], '--url must be an absolute http(s) URL, got "localhost:3000"'],
    [["send", "paypal", "{dir}/delivery.json", "--url", "http://127.0.0.1:9/"], 'unknown provider "paypal": use bankconnect or ibanfirst'],
    [["send", "bankconnect", "--url", "http://127.0.0.1:9/"], "missing the JSON file to send"],
    [["send", "bankconnect", "{dir}/missing.json", "--url", "http://127.0.0.1:9/"], "cannot read {dir}/missing.json: ENOENT"],
    [["send", "bankconnect", "{dir}/broken.json", "--url", "http://127.0.0.1:9/"], "{dir}/broken.json is not JSON"],
    [["send", "ibanfirst", "{dir}/delivery.json", "--url", "http://127.0.0.1:9/"], "--username is required (or set IBANFIRST_USERNAME)"],
    [["send", "ibanfirst", "{dir}/delivery.json", "--url", "http://127.0.0.1:9/", "--username", "u", "--secret", "s", "--token", "t"], "--token is for BankConnect"],
    [["send", "bankconnect", "{dir}/delivery.json", "--url", "http://127.0.0.1:9/", "--speed", "10"], "--speed only applies with --retry"],
    [["send", "bankconnect", "{dir}/delivery.json", "--url", "http://127.0.0.1:9/", "--retry", "--speed", "fast"], '--speed must be a positive number, got "fast"'],
    [["send", "bankconnect", "{dir}/delivery.json", "--url", "http://127.0.0.1:9/", "--timeout=0"], "--timeout must be a positive number, got \"0\""],
    [["reconcile", "--url", "http://127.0.0.1:9/"], "--link-id is required"],
    [["reconcile", "--link-id", "l", "--url", "http://127.0.0.1:9/", "--api-key", "k"], "--server-hash is required (or set BANKCONNECT_SERVER_HASH)"],
    [["register", "bankconnect", "--url", "http://127.0.0.1:9/", "--mode", "2", "--api-key", "k", "--server-hash", "h"], '--mode must be 0 (net banking only) or 1 (manual uploads too), got "2"'],
    [["register", "bankconnect", "--url", "http://127.0.0.1:9/", "--api-key", "k", "--server-hash", "h"], "--mode must be 0"],
    [["register", "bankconnect", "--endpoint", "http://127.0.0.1:9/", "--mode", "1"], "--endpoint does not apply to bankconnect"],
    [["register", "ibanfirst", "--endpoint", "http://127.0.0.1:9/", "--username", "u", "--secret", "s", "extra"], 'unexpected argument "extra"'],
    [["register"], "missing the provider (bankconnect or ibanfirst)"],
    [["wsse", "--username", "u"], "--secret is required (or set IBANFIRST_SECRET)"],
  ])("bad arguments %j: %s, the usage, exit 2", async (args, message) => {
    const { code, stdout, stderr } = await runCliProcess(args.map((a) => a.replace("{dir}", dir)));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`bankhooks ${args[0]}: ${message.replace("{dir}", dir).replace("{dir}", dir)}`);
    expect(stderr).toMatch(/\n\nUsage:/);
  });

  test("a bad API address in the environment is a usage error too", async () => {
    const { code, stderr } = await runCliProcess(["register", "bankconnect", "--url", "https://acme.test/h", "--mode", "0"], {
      BANKCONNECT_API_KEY: "k",
      BANKCONNECT_SERVER_HASH: "h",
      BANKCONNECT_API_URL: "apis.example",
    });
    expect(code).toBe(2);
    expect(stderr).toContain('BANKCONNECT_API_URL must be an absolute http(s) URL, got "apis.example"');
  });
});
