import type { BankConnectOptions } from "../types";
import { AUTH_OK, refuse, type Authenticator, type AuthRequest } from "./authenticator";
import { createIpAllowlist } from "./create-ip-allowlist";
import { createSecretMatcher } from "./safe-equal";

/** BankConnect signs nothing: a shared token (header or query) and/or an address allowlist stand in. */
export function createTokenVerifier(options: BankConnectOptions): Authenticator {
  const tokens = options.token === undefined ? [] : [options.token].flat();
  const matchesToken = createSecretMatcher(tokens);
  const allowlist = options.allowIps?.length ? createIpAllowlist(options.allowIps) : undefined;

  return (request) => {
    if (allowlist) {
      const ip = request.getIp();
      if (!allowlist(ip)) return refuse(`address ${ip ?? "unknown"} is not allowed`);
    }
    if (tokens.length > 0) {
      const presented = presentedToken(request);
      if (presented === undefined) return refuse("no token in x-secret-key or ?token=");
      if (!matchesToken(presented)) return refuse("token does not match");
    }
    return AUTH_OK;
  };
}

function presentedToken({ headers, query }: AuthRequest): string | undefined {
  const header = headers["x-secret-key"];
  if (typeof header === "string" && header !== "") return header;
  return query.get("token") ?? undefined;
}
