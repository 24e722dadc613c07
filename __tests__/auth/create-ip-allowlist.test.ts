import { createIpAllowlist } from "../../lib/auth/create-ip-allowlist";

describe("createIpAllowlist", () => {
  const allowed = createIpAllowlist(["203.0.113.7", "10.0.0.0/8", "2001:db8::/32"]);

  test.each([
    ["203.0.113.7", true],
    ["203.0.113.8", false],
    ["10.255.0.1", true],
    ["::ffff:10.1.1.1", true],
    ["::ffff:192.168.1.1", false],
    ["2001:db8::1", true],
    ["2001:db9::1", false],
    ["not-an-ip", false],
    [undefined, false],
  ])("%s → %s", (ip, expected) => {
    expect(allowed(ip)).toBe(expected);
  });

  test("refuses a malformed entry at construction", () => {
    expect(() => createIpAllowlist(["10.0.0.0/8", "example.com"])).toThrow(/allowIps: "example.com"/);
  });
});
