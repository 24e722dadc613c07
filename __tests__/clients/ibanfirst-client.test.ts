import { ibanfirstClient, IBANFIRST_API_URL, ProviderApiError } from "bankhooks";
import { checkWsse } from "../helpers/check-wsse";
import { startFakeProvider } from "../helpers/fake-provider";
import { closeServers } from "../helpers/start-server";

afterEach(closeServers);

const credential = { username: "partner-1", secret: "s3cret" };

describe("ibanfirstClient", () => {
  test("defaults to iBanFirst's API address", () => {
    expect(IBANFIRST_API_URL).toBe("https://api.ibanfirst.com/api");
  });

  test("registerWebhook(endpoint) posts it to /webhooks/, signed with X-WSSE, and resolves to the webhook id", async () => {
    const provider = await startFakeProvider(() => ({ status: 200, body: { webhook: { id: "NjU1MzQ", endpoint: "https://acme.test/ibf" } } }));
    const id = await ibanfirstClient({ ...credential, baseUrl: provider.baseUrl }).registerWebhook("https://acme.test/ibf");

    expect(id).toBe("NjU1MzQ");
    const [request] = provider.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/api/webhooks/");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({ endpoint: "https://acme.test/ibf" });
  });

  test("every request carries a fresh, valid X-WSSE token: 32-hex nonce, Created in UTC without milliseconds", async () => {
    const provider = await startFakeProvider((request) => ({ status: 200, body: request.url === "/api/webhooks/" ? { id: 42 } : {} }));
    const client = ibanfirstClient({ ...credential, baseUrl: provider.baseUrl });
    const before = Date.now();
    const id = await client.registerWebhook("https://acme.test/ibf");
    await client.subscribeCompany("c-1", id);
    await client.subscribeCompany("c-2", id);

    expect(id).toBe("42");
    const tokens = provider.requests.map((request) => checkWsse(request.headers["x-wsse"], credential));
    for (const token of tokens) {
      expect(token.username).toBe("partner-1");
      expect(token.digestMatches).toBe(true);
      expect(token.nonce).toMatch(/^[0-9a-f]{32}$/);
      expect(token.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Math.abs(Date.parse(token.created) - before)).toBeLessThan(5000);
    }
    expect(new Set(tokens.map((t) => t.nonce)).size).toBe(3);
    // And a digest made with another secret does not pass the same check: the check can fail.
    expect(checkWsse(provider.requests[0].headers["x-wsse"], { ...credential, secret: "other" }).digestMatches).toBe(false);
  });

  test("subscribeCompany(companyId, webhookId) posts to /companies/-{id}/webhooks/-{id}/, ids escaped", async () => {
    const provider = await startFakeProvider(() => ({ status: 200, body: { result: true } }));
    await ibanfirstClient({ ...credential, baseUrl: provider.baseUrl }).subscribeCompany("MTIz/NDU2", "NjU1MzQ=");

    const [request] = provider.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/api/companies/-MTIz%2FNDU2/webhooks/-NjU1MzQ%3D/");
    expect(request.body).toBe("");
    expect(checkWsse(request.headers["x-wsse"], credential).digestMatches).toBe(true);
  });

  test("a registration answer without an id is refused as not the documented shape", async () => {
    const provider = await startFakeProvider(() => ({ status: 200, body: { webhook: { endpoint: "https://acme.test/ibf" } } }));
    await expect(ibanfirstClient({ ...credential, baseUrl: provider.baseUrl }).registerWebhook("https://acme.test/ibf")).rejects.toMatchObject({
      code: "invalid_response",
      message: expect.stringMatching(/iBanFirst registerWebhook .*does not match the documented shape/),
    });
  });

  test("401: says the credentials were refused, with iBanFirst's errorMessage", async () => {
    const provider = await startFakeProvider(() => ({
      status: 401,
      body: { errorCode: 401, errorType: "Unauthorized", errorMessage: "Invalid X-WSSE digest" },
    }));
    const error = await ibanfirstClient({ ...credential, baseUrl: provider.baseUrl })
      .subscribeCompany("c-1", "w-1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({ code: "credentials_refused", status: 401, providerMessage: "Invalid X-WSSE digest", call: "iBanFirst subscribeCompany (POST /companies/-c-1/webhooks/-w-1/)" });
    expect((error as Error).message).toMatch(/refused the credentials \(HTTP 401\): "Invalid X-WSSE digest"; check the username and secret/);
  });

  test("refuses bad options and arguments before calling anyone", async () => {
    expect(() => ibanfirstClient({ username: "u", secret: "" })).toThrow(/secret must be a non-empty string/);
    const provider = await startFakeProvider(() => ({ status: 200, body: { id: "w" } }));
    const client = ibanfirstClient({ ...credential, baseUrl: provider.baseUrl });
    await expect(client.registerWebhook("/relative")).rejects.toThrow(/endpoint must be an absolute http\(s\) URL/);
    await expect(client.subscribeCompany("", "w")).rejects.toThrow(/companyId must be a non-empty string/);
    expect(provider.requests).toHaveLength(0);
  });
});
