import { checkWsse } from "../../helpers/check-wsse";
import { startFakeProvider, startSilentServer, unusedAddress } from "../../helpers/fake-provider";
import { runCliProcess } from "../../helpers/run-cli-process";
import { closeServers } from "../../helpers/start-server";

afterEach(closeServers);

const credential = { username: "partner-1", secret: "s3cret" };
const ibanfirstEnv = (baseUrl: string) => ({ IBANFIRST_USERNAME: credential.username, IBANFIRST_SECRET: credential.secret, IBANFIRST_API_URL: baseUrl });
const bankConnectEnv = (baseUrl: string) => ({ BANKCONNECT_API_KEY: "key-1", BANKCONNECT_SERVER_HASH: "hash-1", BANKCONNECT_API_URL: baseUrl });

describe("bankhooks register bankconnect", () => {
  test.each(["0", "1"])("--mode %s: POST /entity/update_webhook/ with webhook_url and webhook_mode, x-api-key and server-hash", async (mode) => {
    const api = await startFakeProvider(() => ({ status: 200, body: {} }), "/bank-connect/v1");
    const run = await runCliProcess(["register", "bankconnect", "--url", "https://acme.test/webhooks/bankconnect?token=t", "--mode", mode], bankConnectEnv(api.baseUrl));

    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(new RegExp(`^BankConnect now posts webhooks to https://acme.test/webhooks/bankconnect\\?token=t \\(mode ${mode}: `));
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: "POST", url: "/bank-connect/v1/entity/update_webhook/" });
    expect(request.headers).toMatchObject({ "x-api-key": "key-1", "server-hash": "hash-1", "content-type": "application/json" });
    expect(JSON.parse(request.body)).toEqual({ webhook_url: "https://acme.test/webhooks/bankconnect?token=t", webhook_mode: Number(mode) });
  });

  test("--api-key and --server-hash flags win over the environment", async () => {
    const api = await startFakeProvider(() => ({ status: 200 }));
    const args = ["register", "bankconnect", "--url", "https://acme.test/h", "--mode", "1", "--api-key", "flag-key", "--server-hash", "flag-hash"];
    expect((await runCliProcess(args, bankConnectEnv(api.baseUrl))).code).toBe(0);
    expect(api.requests[0].headers).toMatchObject({ "x-api-key": "flag-key", "server-hash": "flag-hash" });
  });

  test("500: the status and BankConnect's message, exit 1", async () => {
    const api = await startFakeProvider(() => ({ status: 500, body: { detail: "Something broke" } }));
    const run = await runCliProcess(["register", "bankconnect", "--url", "https://acme.test/h", "--mode", "0"], bankConnectEnv(api.baseUrl));
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toBe('bankhooks register: BankConnect updateWebhook (POST /entity/update_webhook/): the provider answered HTTP 500: "Something broke"\n');
  });
});

describe("bankhooks register ibanfirst", () => {
  test("--endpoint and two --company: registers the webhook, prints its id, subscribes each company; all signed", async () => {
    const api = await startFakeProvider((request) =>
      request.url === "/api/webhooks/" ? { status: 200, body: { webhook: { id: "V2ViSG9vaw", endpoint: "https://acme.test/ibf" } } } : { status: 200, body: { result: true } },
    );
    const run = await runCliProcess(["register", "ibanfirst", "--endpoint", "https://acme.test/ibf", "--company", "MTIz", "--company", "NDU2"], ibanfirstEnv(api.baseUrl));

    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      [
        "iBanFirst webhook V2ViSG9vaw posts to https://acme.test/ibf",
        "company MTIz subscribed to webhook V2ViSG9vaw",
        "company NDU2 subscribed to webhook V2ViSG9vaw",
        "",
      ].join("\n"),
    );
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/webhooks/",
      "POST /api/companies/-MTIz/webhooks/-V2ViSG9vaw/",
      "POST /api/companies/-NDU2/webhooks/-V2ViSG9vaw/",
    ]);
    expect(JSON.parse(api.requests[0].body)).toEqual({ endpoint: "https://acme.test/ibf" });
    const tokens = api.requests.map((r) => checkWsse(r.headers["x-wsse"], credential));
    expect(tokens.every((t) => t.digestMatches && t.username === "partner-1" && /^[0-9a-f]{32}$/.test(t.nonce))).toBe(true);
    expect(tokens.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t.created))).toBe(true);
    expect(new Set(tokens.map((t) => t.nonce)).size).toBe(3);
  });

  test("401: the credentials were refused, with iBanFirst's message; nothing subscribed, exit 1", async () => {
    const api = await startFakeProvider(() => ({ status: 401, body: { errorCode: 401, errorType: "Unauthorized", errorMessage: "Wrong digest" } }));
    const run = await runCliProcess(["register", "ibanfirst", "--endpoint", "https://acme.test/ibf", "--company", "MTIz"], ibanfirstEnv(api.baseUrl));
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toBe(
      'bankhooks register: iBanFirst registerWebhook (POST /webhooks/): the provider refused the credentials (HTTP 401): "Wrong digest"; check the username and secret (X-WSSE), and that the machine\'s clock is right\n',
    );
    expect(api.requests).toHaveLength(1);
  });

  test("network error and timeout: exit 1, naming the call and the reason", async () => {
    const down = await unusedAddress();
    const unreachable = await runCliProcess(["register", "ibanfirst", "--endpoint", "https://acme.test/ibf"], ibanfirstEnv(`${down}/api`));
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(new RegExp(`^bankhooks register: iBanFirst registerWebhook \\(POST /webhooks/\\): could not reach ${down}: .*ECONNREFUSED`));

    const silent = await startSilentServer();
    const slow = await runCliProcess(["register", "ibanfirst", "--endpoint", "https://acme.test/ibf", "--timeout", "300"], ibanfirstEnv(`${silent}/api`));
    expect(slow.code).toBe(1);
    expect(slow.stderr).toBe(`bankhooks register: iBanFirst registerWebhook (POST /webhooks/): no answer from ${silent} within 300 ms\n`);
  });
});
