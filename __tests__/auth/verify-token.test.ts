import { createTokenVerifier } from "../../lib/auth/verify-token";

const request = (headers: Record<string, string> = {}, query = "", ip?: string) => ({
  headers,
  query: new URLSearchParams(query),
  getIp: () => ip,
});

describe("createTokenVerifier", () => {
  test("accepts the token from x-secret-key or ?token=", () => {
    const verify = createTokenVerifier({ token: "tok" });
    expect(verify(request({ "x-secret-key": "tok" })).ok).toBe(true);
    expect(verify(request({}, "token=tok")).ok).toBe(true);
  });

  test("refuses a missing or wrong token", () => {
    const verify = createTokenVerifier({ token: "tok" });
    expect(verify(request()).ok).toBe(false);
    expect(verify(request({ "x-secret-key": "tok2" })).ok).toBe(false);
    expect(verify(request({}, "token=to")).ok).toBe(false);
  });

  test("accepts any of several tokens, for rotation", () => {
    const verify = createTokenVerifier({ token: ["old", "new"] });
    expect(verify(request({ "x-secret-key": "old" })).ok).toBe(true);
    expect(verify(request({ "x-secret-key": "new" })).ok).toBe(true);
    expect(verify(request({ "x-secret-key": "neither" })).ok).toBe(false);
  });

  test("applies the allowlist alone or together with the token", () => {
    const onlyIps = createTokenVerifier({ allowIps: ["10.0.0.0/8"] });
    expect(onlyIps(request({}, "", "10.1.2.3")).ok).toBe(true);
    expect(onlyIps(request({}, "", "11.1.2.3")).ok).toBe(false);
    const both = createTokenVerifier({ token: "tok", allowIps: ["10.0.0.0/8"] });
    expect(both(request({ "x-secret-key": "tok" }, "", "10.1.2.3")).ok).toBe(true);
    expect(both(request({ "x-secret-key": "tok" }, "", "11.1.2.3")).ok).toBe(false);
    expect(both(request({}, "", "10.1.2.3")).ok).toBe(false);
  });
});
