import { ProviderApiError } from "bankhooks";
import { requestJson, type JsonRequest } from "../../lib/clients/request-json";
import { validators } from "../../lib/validate/validator";
import { startFakeProvider, startSilentServer, unusedAddress } from "../helpers/fake-provider";
import { closeServers } from "../helpers/start-server";

afterEach(closeServers);

const request = (url: string, overrides: Partial<JsonRequest> = {}): JsonRequest => ({
  call: "Test call (GET /thing/)",
  method: "GET",
  url: new URL(`${url}/thing/`),
  headers: {},
  timeoutMs: 2000,
  credentialsHint: "check the test credentials",
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<ProviderApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderApiError);
  return error as ProviderApiError;
}

describe("requestJson", () => {
  test("500: names the call, the status and the provider's message", async () => {
    const provider = await startFakeProvider(() => ({ status: 500, body: { errorCode: 500, errorMessage: "Internal failure, retry later" } }));
    const error = await failure(requestJson(request(provider.baseUrl)));
    expect(error).toMatchObject({ code: "http", call: "Test call (GET /thing/)", status: 500, providerMessage: "Internal failure, retry later" });
    expect(error.message).toBe('Test call (GET /thing/): the provider answered HTTP 500: "Internal failure, retry later"');
  });

  test("a non-JSON error page is quoted, shortened", async () => {
    const provider = await startFakeProvider(() => ({ status: 502, text: `<html>Bad gateway ${"x".repeat(500)}</html>` }));
    const error = await failure(requestJson(request(provider.baseUrl)));
    expect(error.status).toBe(502);
    expect(error.providerMessage).toMatch(/^<html>Bad gateway x+…$/);
    expect(error.providerMessage!.length).toBeLessThanOrEqual(301);
  });

  test("401: credentials refused, with the hint", async () => {
    const provider = await startFakeProvider(() => ({ status: 401, text: "" }));
    const error = await failure(requestJson(request(provider.baseUrl)));
    expect(error).toMatchObject({ code: "credentials_refused", status: 401, providerMessage: undefined });
    expect(error.message).toBe("Test call (GET /thing/): the provider refused the credentials (HTTP 401); check the test credentials");
  });

  test("a 3xx is a failure, not followed: the API moved, and credentials must not go elsewhere", async () => {
    const provider = await startFakeProvider(() => ({ status: 301, text: "" }));
    expect((await failure(requestJson(request(provider.baseUrl)))).status).toBe(301);
  });

  test("network error: nothing listens", async () => {
    const url = await unusedAddress();
    const error = await failure(requestJson(request(url)));
    expect(error).toMatchObject({ code: "network", status: undefined });
    expect(error.message).toMatch(new RegExp(`^Test call \\(GET /thing/\\): could not reach ${url.replace(/[.]/g, "\\.")}: .*ECONNREFUSED`));
  });

  test("timeout: the provider never answers", async () => {
    const url = await startSilentServer();
    const started = Date.now();
    const error = await failure(requestJson(request(url, { timeoutMs: 300 })));
    expect(error).toMatchObject({ code: "timeout", status: undefined });
    expect(error.message).toBe(`Test call (GET /thing/): no answer from ${url} within 300 ms`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("a 2xx that is not JSON, when a shape is expected, is an invalid response", async () => {
    const provider = await startFakeProvider(() => ({ status: 200, text: "<html>maintenance</html>" }));
    const error = await failure(requestJson(request(provider.baseUrl, { validate: validators.validateBankConnectWebhookPayloadsResponse })));
    expect(error).toMatchObject({ code: "invalid_response", status: 200 });
    expect(error.message).toMatch(/answered HTTP 200, but it is not JSON/);
  });

  test("sends JSON with content-type and accept, and returns the validated body", async () => {
    const provider = await startFakeProvider((r) => ({ status: 201, body: { payloads: [], echo: JSON.parse(r.body) } }));
    const body = await requestJson(
      request(provider.baseUrl, { method: "POST", body: { a: 1 }, validate: validators.validateBankConnectWebhookPayloadsResponse }),
    );
    expect(body).toEqual({ payloads: [], echo: { a: 1 } });
    expect(provider.requests[0].headers).toMatchObject({ "content-type": "application/json", accept: "application/json" });
  });
});
