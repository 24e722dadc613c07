import { BlockList, isIP } from "node:net";

/** Addresses and CIDR ranges, IPv4 or IPv6, checked with node:net's BlockList. */
export function createIpAllowlist(entries: string[]): (ip: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address);
    if (family === 0) throw new TypeError(`bankconnect.allowIps: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (ip) => {
    if (!ip) return false;
    // IPv4 clients on a dual-stack socket show up as ::ffff:a.b.c.d.
    const address = ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
    const family = isIP(address);
    if (family === 0) return false;
    return list.check(address, family === 4 ? "ipv4" : "ipv6");
  };
}
