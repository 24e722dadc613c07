import { parseWsseHeader } from "../../lib/auth/parse-wsse-header";

describe("parseWsseHeader", () => {
  const expected = { username: "acme", passwordDigest: "ZGlnZXN0", nonce: "bm9uY2U=", created: "2026-01-01T00:00:00Z" };

  test("reads the documented form", () => {
    const header = 'UsernameToken Username="acme", PasswordDigest="ZGlnZXN0", Nonce="bm9uY2U=", Created="2026-01-01T00:00:00Z"';
    expect(parseWsseHeader(header)).toEqual(expected);
  });

  test("is lenient about field order, spacing, separators and key case", () => {
    const header = 'UsernameToken   created = "2026-01-01T00:00:00Z",Nonce="bm9uY2U="   passworddigest="ZGlnZXN0"; USERNAME="acme"';
    expect(parseWsseHeader(header)).toEqual(expected);
  });

  test.each([
    ["a missing field", 'UsernameToken Username="acme", PasswordDigest="ZGlnZXN0", Nonce="bm9uY2U="'],
    ["an empty field", 'UsernameToken Username="", PasswordDigest="ZGlnZXN0", Nonce="bm9uY2U=", Created="2026-01-01T00:00:00Z"'],
    ["no header", undefined],
    ["a repeated header", ["a", "b"]],
    ["garbage", "Basic YWxhZGRpbjpvcGVuc2VzYW1l"],
    ["an oversized header", `UsernameToken Username="${"a".repeat(5000)}"`],
  ])("refuses %s", (_, header) => {
    expect(parseWsseHeader(header as string | undefined)).toBeUndefined();
  });
});
