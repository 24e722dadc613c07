import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { createWsseVerifier } from "../../lib/auth/verify-wsse";
import { wsseHeader } from "bankhooks/testing";

const NOW = Date.parse("2026-06-01T12:00:00Z");
const credential = { username: "acme", secret: "s3cret" };
const request = (headers: IncomingHttpHeaders) => ({ headers, query: new URLSearchParams(), getIp: () => "127.0.0.1" });

function verifier(options: Partial<Parameters<typeof createWsseVerifier>[0]> = {}, now = () => NOW) {
  return createWsseVerifier({ credentials: [credential], ...options }, now);
}
const at = (offsetSeconds: number) => new Date(NOW + offsetSeconds * 1000);

describe("createWsseVerifier", () => {
  test("accepts a token made as iBanFirst makes it", () => {
    const verify = verifier();
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(0) }) }))).toEqual({ ok: true });
  });

  test("accepts Created with milliseconds and with an explicit +00:00 offset", () => {
    const verify = verifier();
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: "2026-06-01T12:00:00.123Z" }) })).ok).toBe(true);
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: "2026-06-01T11:59:00+00:00" }) })).ok).toBe(true);
  });

  test("accepts a digest computed over the nonce text as sent, as some clients do", () => {
    const created = "2026-06-01T12:00:00Z";
    const nonce = Buffer.from("0123456789abcdef0123456789abcdef").toString("base64");
    const digest = createHash("sha1").update(nonce + created + credential.secret).digest("base64");
    const header = `UsernameToken Username="acme", PasswordDigest="${digest}", Nonce="${nonce}", Created="${created}"`;
    expect(verifier()(request({ "x-wsse": header })).ok).toBe(true);
  });

  test("refuses a forged digest, a wrong secret and an unknown username", () => {
    const verify = verifier();
    const good = wsseHeader({ ...credential, created: at(0) });
    const forged = good.replace(/PasswordDigest="([^"]+)"/, (_, d: string) => `PasswordDigest="${d[0] === "A" ? "B" : "A"}${d.slice(1)}"`);
    expect(verify(request({ "x-wsse": forged })).ok).toBe(false);
    expect(verify(request({ "x-wsse": wsseHeader({ username: "acme", secret: "wrong", created: at(0) }) })).ok).toBe(false);
    expect(verify(request({ "x-wsse": wsseHeader({ username: "mallory", secret: "s3cret", created: at(0) }) })).ok).toBe(false);
  });

  test("refuses a digest of the wrong length", () => {
    const header = wsseHeader({ ...credential, created: at(0) }).replace(/PasswordDigest="[^"]+"/, 'PasswordDigest="c2hvcnQ="');
    expect(verifier()(request({ "x-wsse": header })).ok).toBe(false);
  });

  test("refuses a replayed nonce, and only once the first use was verified", () => {
    const verify = verifier();
    const nonce = "feedfacefeedfacefeedfacefeedface";
    const forged = wsseHeader({ username: "acme", secret: "wrong", nonce, created: at(0) });
    expect(verify(request({ "x-wsse": forged })).ok).toBe(false);
    const header = wsseHeader({ ...credential, nonce, created: at(0) });
    expect(verify(request({ "x-wsse": header })).ok).toBe(true);
    expect(verify(request({ "x-wsse": header }))).toEqual({ ok: false, reason: "X-WSSE nonce replayed" });
  });

  test("refuses tokens older than 300 s or more than 300 s ahead, by default", () => {
    const verify = verifier();
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(-299) }) })).ok).toBe(true);
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(-301) }) })).ok).toBe(false);
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(299) }) })).ok).toBe(true);
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(301) }) })).ok).toBe(false);
  });

  test("honours configured windows", () => {
    const verify = verifier({ maxTokenAgeSeconds: 10, maxClockSkewSeconds: 5 });
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(-11) }) })).ok).toBe(false);
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(6) }) })).ok).toBe(false);
    expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created: at(-9) }) })).ok).toBe(true);
  });

  test("refuses a Created that is not ISO 8601", () => {
    const verify = verifier();
    for (const created of ["2026-06-01 12:00:00", "1780315200", "2026-06-01T12:00:00", "yesterday"]) {
      expect(verify(request({ "x-wsse": wsseHeader({ ...credential, created }) })).ok).toBe(false);
    }
  });

  test("accepts any of several credentials, for rotation", () => {
    const verify = createWsseVerifier(
      { credentials: [credential, { username: "acme", secret: "next-secret" }, { username: "other", secret: "x" }] },
      () => NOW,
    );
    expect(verify(request({ "x-wsse": wsseHeader({ username: "acme", secret: "next-secret", created: at(0) }) })).ok).toBe(true);
    expect(verify(request({ "x-wsse": wsseHeader({ username: "other", secret: "x", created: at(0) }) })).ok).toBe(true);
    expect(verify(request({ "x-wsse": wsseHeader({ username: "other", secret: "s3cret", created: at(0) }) })).ok).toBe(false);
  });

  test("forgets nonces once their token could no longer be accepted", () => {
    let now = NOW;
    const verify = verifier({}, () => now);
    const header = wsseHeader({ ...credential, nonce: "abcdabcdabcdabcdabcdabcdabcdabcd", created: at(0) });
    expect(verify(request({ "x-wsse": header })).ok).toBe(true);
    now += 302_000;
    // Expired now, and refused for that reason rather than as a replay.
    expect(verify(request({ "x-wsse": header }))).toEqual({ ok: false, reason: "X-WSSE token expired" });
  });
});
