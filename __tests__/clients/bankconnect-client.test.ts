import { bankConnectClient, BANKCONNECT_API_URL, ProviderApiError } from "bankhooks";
import { startFakeProvider } from "../helpers/fake-provider";
import { closeServers } from "../helpers/start-server";

afterEach(closeServers);

const credentials = { apiKey: "key-1", serverHash: "hash-1" };
// The documentation's sample answer of GET /entity/webhook_payloads/ (https://docs.finbox.in/bank-connect/webhook.html).
const documentedPayloads = {
  payloads: [
    { statement_id: "s-2", entity_id: "e-1", link_id: "link 1/a", progress: "completed", reason: "", date_time: "2020-03-06 12:46:33" },
    { statement_id: "", entity_id: "e-1", link_id: "link 1/a", progress: "failed", reason: "wrong password", date_time: "2020-03-06 12:40:00" },
  ],
};

describe("bankConnectClient", () => {
  test("defaults to BankConnect's documented API address", () => {
    expect(BANKCONNECT_API_URL).toBe("https://apis.bankconnect.finbox.in/bank-connect/v1");
  });

  test.each([0, 1] as const)("updateWebhook(url, { mode: %i }) posts webhook_url and webhook_mode, with x-api-key and server-hash", async (mode) => {
    const provider = await startFakeProvider(() => ({ status: 200, body: { message: "updated" } }), "/bank-connect/v1");
    const client = bankConnectClient({ ...credentials, baseUrl: provider.baseUrl });

    await expect(client.updateWebhook("https://acme.test/webhooks/bankconnect?token=t", { mode })).resolves.toBeUndefined();

    expect(provider.requests).toHaveLength(1);
    const [request] = provider.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/bank-connect/v1/entity/update_webhook/");
    expect(request.headers["x-api-key"]).toBe("key-1");
    expect(request.headers["server-hash"]).toBe("hash-1");
    expect(request.headers["content-type"]).toBe("application/json");
    // webhook_mode is sent even when it is 0: BankConnect resets it to 0 when it is left out.
    expect(JSON.parse(request.body)).toEqual({ webhook_url: "https://acme.test/webhooks/bankconnect?token=t", webhook_mode: mode });
  });

  test("updateWebhook accepts a 200 without a body (the documentation promises only the status)", async () => {
    const provider = await startFakeProvider(() => ({ status: 200 }));
    await expect(bankConnectClient({ ...credentials, baseUrl: provider.baseUrl }).updateWebhook("https://acme.test/h", { mode: 1 })).resolves.toBeUndefined();
  });

  test.each([[2], [undefined], ["1"]])("updateWebhook refuses mode %p before calling anyone", async (mode) => {
    const provider = await startFakeProvider(() => ({ status: 200 }));
    const client = bankConnectClient({ ...credentials, baseUrl: provider.baseUrl });
    await expect(client.updateWebhook("https://acme.test/h", { mode } as never)).rejects.toThrow(/mode must be 0 .* or 1/);
    await expect(client.updateWebhook("not a url", { mode: 0 })).rejects.toThrow(/url must be an absolute http\(s\) URL/);
    expect(provider.requests).toHaveLength(0);
  });

  test("webhookPayloads(linkId) gets /entity/webhook_payloads/?link_id=… and returns the payloads newest first, with date_time", async () => {
    const provider = await startFakeProvider(() => ({ status: 200, body: documentedPayloads }), "/bank-connect/v1");
    const payloads = await bankConnectClient({ ...credentials, baseUrl: `${provider.baseUrl}/` }).webhookPayloads("link 1/a");

    expect(payloads).toEqual(documentedPayloads.payloads);
    const [request] = provider.requests;
    expect(request.method).toBe("GET");
    expect(new URL(request.url, "http://x").pathname).toBe("/bank-connect/v1/entity/webhook_payloads/");
    expect(new URL(request.url, "http://x").searchParams.get("link_id")).toBe("link 1/a");
    expect(request.headers["x-api-key"]).toBe("key-1");
    expect(request.headers["server-hash"]).toBe("hash-1");
  });

  test("webhookPayloads refuses an answer that is not the documented shape, naming what is wrong", async () => {
    const provider = await startFakeProvider(() => ({ status: 200, body: { payloads: [{ entity_id: "e-1", progress: "completed" }] } }));
    const error = await bankConnectClient({ ...credentials, baseUrl: provider.baseUrl })
      .webhookPayloads("l")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({ code: "invalid_response", status: 200, call: "BankConnect webhookPayloads (GET /entity/webhook_payloads/)" });
    expect((error as Error).message).toMatch(/\/payloads\/0\/date_time is required/);
    expect((error as Error).message).toMatch(/\/payloads\/0\/statement_id is required/);
  });

  test("401: says the credentials were refused, with BankConnect's own words", async () => {
    const provider = await startFakeProvider(() => ({ status: 401, body: { detail: "Authentication credentials were not provided." } }));
    const error = await bankConnectClient({ ...credentials, baseUrl: provider.baseUrl })
      .webhookPayloads("l")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "credentials_refused", status: 401, providerMessage: "Authentication credentials were not provided." });
    expect((error as Error).message).toBe(
      'BankConnect webhookPayloads (GET /entity/webhook_payloads/): the provider refused the credentials (HTTP 401): "Authentication credentials were not provided."; check the API key (x-api-key) and the server hash (server-hash)',
    );
  });

  test.each([
    [{ apiKey: "", serverHash: "h" }, /apiKey must be a non-empty string/],
    [{ apiKey: "k", serverHash: undefined }, /serverHash must be a non-empty string/],
    [{ apiKey: "k", serverHash: "h", baseUrl: "ftp://x" }, /baseUrl must be an absolute http\(s\) URL/],
    [{ apiKey: "k", serverHash: "h", timeoutMs: 0 }, /timeoutMs must be a positive number/],
  ])("refuses bad options %j", (options, message) => {
    expect(() => bankConnectClient(options as never)).toThrow(message);
  });
});
