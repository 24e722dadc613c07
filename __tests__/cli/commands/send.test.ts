import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtures } from "bankhooks/testing";
import { checkWsse } from "../../helpers/check-wsse";
import { CREDENTIAL, createWebhooks, recordHandler, TOKEN } from "../../helpers/create-webhooks";
import { startFakeProvider, startSilentServer, unusedAddress } from "../../helpers/fake-provider";
import { runCliProcess } from "../../helpers/run-cli-process";
import { closeServers, startServer } from "../../helpers/start-server";

afterEach(closeServers);

let dir: string;
let ibanfirstFile: string;
let bankconnectFile: string;
const ibanfirstText = `${JSON.stringify(fixtures.ibanfirst.delivery, null, 2)}\n`;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bankhooks-send-"));
  ibanfirstFile = join(dir, "ibanfirst.json");
  bankconnectFile = join(dir, "bankconnect.json");
  writeFileSync(ibanfirstFile, ibanfirstText);
  writeFileSync(bankconnectFile, JSON.stringify(fixtures.bankconnect.completed));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ibanfirstEnv = { IBANFIRST_USERNAME: CREDENTIAL.username, IBANFIRST_SECRET: CREDENTIAL.secret };

describe("bankhooks send", () => {
  test("ibanfirst: a real receiver accepts it (X-WSSE from the environment), and the answer is printed", async () => {
    const webhooks = createWebhooks();
    const handled = recordHandler(webhooks);
    const receiver = await startServer(webhooks.middleware({ path: "/webhooks" }));

    const run = await runCliProcess(["send", "ibanfirst", ibanfirstFile, "--url", `${receiver.url}/webhooks/ibanfirst`], ibanfirstEnv);

    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe('HTTP 200 {"ok":true,"events":3,"duplicates":0}\n');
    expect(handled.ids()).toEqual(fixtures.ibanfirst.delivery.notifications.map((n) => n.notificationId));
  });

  test("ibanfirst: posts the file's bytes as they are, as JSON, with a valid X-WSSE token", async () => {
    const receiver = await startFakeProvider(() => ({ status: 200, body: { ok: true } }), "");
    const run = await runCliProcess(["send", "ibanfirst", ibanfirstFile, "--url", `${receiver.baseUrl}/hook`, "--username", "flag-user", "--secret", "flag-secret"], ibanfirstEnv);

    expect(run.code).toBe(0);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: "POST", url: "/hook", body: ibanfirstText });
    expect(request.headers["content-type"]).toBe("application/json");
    // Flags win over the environment.
    const token = checkWsse(request.headers["x-wsse"], { username: "flag-user", secret: "flag-secret" });
    expect(token).toMatchObject({ username: "flag-user", digestMatches: true, nonce: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  test("bankconnect: --token is sent as x-secret-key; a wrong one gets the receiver's 401, printed, exit 1", async () => {
    const webhooks = createWebhooks();
    const handled = recordHandler(webhooks);
    const receiver = await startServer(webhooks.middleware({ path: "/webhooks" }));
    const url = `${receiver.url}/webhooks/bankconnect`;

    const accepted = await runCliProcess(["send", "bankconnect", bankconnectFile, "--url", url, "--token", TOKEN]);
    expect(accepted).toMatchObject({ code: 0, stdout: 'HTTP 200 {"ok":true,"events":1,"duplicates":0}\n' });
    expect(handled.count()).toBe(1);

    const refused = await runCliProcess(["send", "bankconnect", bankconnectFile, "--url", url], { BANKCONNECT_TOKEN: "wrong" });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^HTTP 401 \{"ok":false,"error":"unauthorized"/);
    expect(refused.stderr).toBe("bankhooks send: not delivered: HTTP 401\n");
  });

  test("--retry: non-2xx answers are retried hourly, time compressed by --speed, each attempt freshly signed", async () => {
    const times: number[] = [];
    const receiver = await startFakeProvider(() => {
      times.push(Date.now());
      return times.length < 3 ? { status: 500, body: { ok: false } } : { status: 200, body: { ok: true } };
    }, "");

    // 36,000 times faster: an hour is 100 ms.
    const run = await runCliProcess(["send", "ibanfirst", ibanfirstFile, "--url", `${receiver.baseUrl}/hook`, "--retry", "--speed", "36000"], ibanfirstEnv);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('HTTP 200 {"ok":true}\n');
    expect(run.stderr).toBe(
      [
        "attempt 1/73: HTTP 500; next in 1 h (100 ms at --speed 36000)",
        "attempt 2/73: HTTP 500; next in 1 h (100 ms at --speed 36000)",
        "attempt 3/73: HTTP 200",
        "",
      ].join("\n"),
    );
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(95);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(95);
    const nonces = receiver.requests.map((r) => checkWsse(r.headers["x-wsse"], CREDENTIAL));
    expect(nonces.every((t) => t.digestMatches)).toBe(true);
    expect(new Set(nonces.map((t) => t.nonce)).size).toBe(3);
  });

  test("--retry gives up after the first attempt and 72 retries (3 days), exit 1", async () => {
    const receiver = await startFakeProvider(() => ({ status: 503, body: { ok: false } }), "");
    const run = await runCliProcess(["send", "bankconnect", bankconnectFile, "--url", `${receiver.baseUrl}/hook`, "--retry", "--speed", "3600000"]);

    expect(run.code).toBe(1);
    expect(receiver.requests).toHaveLength(73);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("attempt "))).toHaveLength(73);
    expect(run.stderr).toContain("attempt 73/73: HTTP 503\n");
    expect(run.stderr).toContain("bankhooks send: not delivered after 73 attempts: HTTP 503\n");
    expect(run.stdout).toBe('HTTP 503 {"ok":false}\n');
  }, 30_000);

  test("network error: nothing listens at --url; the error names it, exit 1", async () => {
    const url = await unusedAddress();
    const run = await runCliProcess(["send", "bankconnect", bankconnectFile, "--url", `${url}/hook`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^bankhooks send: POST ${url}/hook: could not reach ${url}: .*ECONNREFUSED`));
  });

  test("timeout: the endpoint never answers within --timeout, exit 1", async () => {
    const url = await startSilentServer();
    const run = await runCliProcess(["send", "bankconnect", bankconnectFile, "--url", `${url}/hook`, "--timeout", "300"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`bankhooks send: POST ${url}/hook: no answer from ${url} within 300 ms\n`);
  });
});
