import type { BankConnectStoredPayload } from "bankhooks";
import { buildBankConnectPayload } from "bankhooks/testing";
import { createWebhooks, recordHandler, TOKEN } from "../../helpers/create-webhooks";
import { startFakeProvider, startSilentServer, unusedAddress, type FakeAnswer } from "../../helpers/fake-provider";
import { post } from "../../helpers/http-client";
import { runCliProcess } from "../../helpers/run-cli-process";
import { closeServers, startServer } from "../../helpers/start-server";

afterEach(closeServers);

const LINK = "customer-42";
const apiEnv = (baseUrl: string) => ({ BANKCONNECT_API_KEY: "key-1", BANKCONNECT_SERVER_HASH: "hash-1", BANKCONNECT_API_URL: baseUrl });
const withoutDateTime = ({ date_time: _, ...payload }: BankConnectStoredPayload) => payload;

function storedPayloads(): BankConnectStoredPayload[] {
  return [1, 2, 3, 4, 5].map((n) => ({
    ...buildBankConnectPayload({ link_id: LINK, statement_id: `statement-${n}` }),
    date_time: `2026-03-06 12:0${n}:00`,
  }));
}

/** BankConnect's API: answers webhook_payloads for LINK (newest first) to the right key and hash only. */
function bankConnectApi(stored: BankConnectStoredPayload[]) {
  return startFakeProvider((request): FakeAnswer => {
    if (request.headers["x-api-key"] !== "key-1" || request.headers["server-hash"] !== "hash-1") {
      return { status: 401, body: { detail: "Authentication credentials were not provided." } };
    }
    if (request.method !== "GET" || request.url !== `/bank-connect/v1/entity/webhook_payloads/?link_id=${LINK}`) return { status: 404, body: {} };
    return { status: 200, body: { payloads: [...stored].reverse() } };
  }, "/bank-connect/v1");
}

async function startReceiver() {
  const webhooks = createWebhooks();
  const handled = recordHandler(webhooks);
  const receiver = await startServer(webhooks.middleware({ path: "/webhooks" }));
  return { webhooks, handled, url: `${receiver.url}/webhooks/bankconnect` };
}

describe("bankhooks reconcile", () => {
  test("5 payloads stored, 2 already handled by the receiver: exactly the other 3 are handled, oldest first", async () => {
    const stored = storedPayloads();
    const { handled, url } = await startReceiver();
    for (const payload of [stored[1], stored[3]]) {
      expect((await post(url, "", withoutDateTime(payload), { "content-type": "application/json", "x-secret-key": TOKEN })).status).toBe(200);
    }
    const api = await bankConnectApi(stored);

    const run = await runCliProcess(["reconcile", "--link-id", LINK, "--url", url, "--token", TOKEN], apiEnv(api.baseUrl));

    expect(run.code).toBe(0);
    expect(run.stdout).toBe("fetched 5, handled 3, skipped 2, failed 0\n");
    expect(handled.events.slice(2).map((event) => event.payload)).toEqual([stored[0], stored[2], stored[4]].map(withoutDateTime));
    const progress = run.stderr.split("\n").filter((line) => line.startsWith("["));
    expect(progress.map((line) => /^\[(\d)\/5\] (\S+ \S+) .*statement (\S+): (\w+)/.exec(line)!.slice(1))).toEqual([
      ["1", "2026-03-06 12:01:00", "statement-1", "handled"],
      ["2", "2026-03-06 12:02:00", "statement-2", "skipped"],
      ["3", "2026-03-06 12:03:00", "statement-3", "handled"],
      ["4", "2026-03-06 12:04:00", "statement-4", "skipped"],
      ["5", "2026-03-06 12:05:00", "statement-5", "handled"],
    ]);
    expect(api.requests).toHaveLength(1);
  });

  test("a payload the receiver fails on is counted, the rest go on, exit 1; running again retries it", async () => {
    const stored = storedPayloads();
    const webhooks = createWebhooks();
    let failOnce = true;
    recordHandler(webhooks, (event) => {
      if (event.payload.statement_id === "statement-3" && failOnce) {
        failOnce = false;
        throw new Error("database down");
      }
    });
    webhooks.onError(() => undefined);
    const receiver = await startServer(webhooks.middleware({ path: "/webhooks" }));
    const api = await bankConnectApi(stored);
    const args = ["reconcile", "--link-id", LINK, "--url", `${receiver.url}/webhooks/bankconnect`];

    const first = await runCliProcess(args, { ...apiEnv(api.baseUrl), BANKCONNECT_TOKEN: TOKEN });
    expect(first.code).toBe(1);
    expect(first.stdout).toBe("fetched 5, handled 4, skipped 0, failed 1\n");
    expect(first.stderr).toMatch(/\[3\/5\] .*statement-3: failed \(HTTP 500 \{"ok":false,"error":"handler_failed"/);

    const second = await runCliProcess(args, { ...apiEnv(api.baseUrl), BANKCONNECT_TOKEN: TOKEN });
    expect(second).toMatchObject({ code: 0, stdout: "fetched 5, handled 1, skipped 4, failed 0\n" });
  });

  test("the receiver refusing the token fails every payload, exit 1", async () => {
    const { handled, url } = await startReceiver();
    const api = await bankConnectApi(storedPayloads());
    const run = await runCliProcess(["reconcile", "--link-id", LINK, "--url", url, "--token", "wrong"], apiEnv(api.baseUrl));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("fetched 5, handled 0, skipped 0, failed 5\n");
    expect(handled.count()).toBe(0);
  });

  test("401 from BankConnect: credentials refused, nothing sent, exit 1", async () => {
    const { handled, url } = await startReceiver();
    const api = await bankConnectApi(storedPayloads());
    const run = await runCliProcess(["reconcile", "--link-id", LINK, "--url", url, "--server-hash", "wrong"], apiEnv(api.baseUrl));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      'bankhooks reconcile: BankConnect webhookPayloads (GET /entity/webhook_payloads/): the provider refused the credentials (HTTP 401): "Authentication credentials were not provided."; check the API key',
    );
    expect(handled.count()).toBe(0);
  });

  test("500 from BankConnect: the status and its message, exit 1", async () => {
    const api = await startFakeProvider(() => ({ status: 500, body: { detail: "Server Error" } }));
    const run = await runCliProcess(["reconcile", "--link-id", LINK, "--url", "http://127.0.0.1:9/hook"], apiEnv(api.baseUrl));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bankhooks reconcile: BankConnect webhookPayloads (GET /entity/webhook_payloads/): the provider answered HTTP 500: "Server Error"\n');
  });

  test("BankConnect unreachable, or silent past --timeout: exit 1 with the reason", async () => {
    const down = await unusedAddress();
    const unreachable = await runCliProcess(["reconcile", "--link-id", LINK, "--url", "http://127.0.0.1:9/hook"], apiEnv(down));
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);

    const silent = await startSilentServer();
    const slow = await runCliProcess(["reconcile", "--link-id", LINK, "--url", "http://127.0.0.1:9/hook", "--timeout", "300"], apiEnv(silent));
    expect(slow.code).toBe(1);
    expect(slow.stderr).toContain(`no answer from ${silent} within 300 ms`);
  });
});
