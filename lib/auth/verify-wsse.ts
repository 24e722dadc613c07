import type { IbanfirstOptions } from "../types";
import { BoundedTtlMap } from "../store/bounded-ttl-map";
import { AUTH_OK, refuse, type Authenticator } from "./authenticator";
import { createWsseDigest, createWsseDigestOverNonce64 } from "./create-wsse-digest";
import { digest } from "./digest";
import { parseWsseHeader } from "./parse-wsse-header";
import { equalDigests } from "./safe-equal";

// ISO 8601 date-time in UTC or with an explicit offset, with or without fractional seconds.
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const SHA1_BYTES = 20;
const CANONICAL_LENGTH = 28;

/** Checks iBanFirst's X-WSSE header: digest, freshness, and that no nonce is used twice. */
export function createWsseVerifier(
  options: IbanfirstOptions & { credentials: NonNullable<IbanfirstOptions["credentials"]> },
  now: () => number = Date.now,
): Authenticator {
  const maxAgeMs = (options.maxTokenAgeSeconds ?? 300) * 1000;
  const maxSkewMs = (options.maxClockSkewSeconds ?? 300) * 1000;
  const seenNonces = new BoundedTtlMap(options.maxNonces ?? 100_000);
  const matchesAnyCredential = createCredentialMatcher(options.credentials);

  return ({ headers }) => {
    const token = parseWsseHeader(headers["x-wsse"]);
    if (!token) return refuse("X-WSSE header missing or malformed");
    if (!CREATED.test(token.created)) return refuse("X-WSSE Created is not an ISO 8601 time");
    const createdMs = Date.parse(token.created.toUpperCase());
    const nowMs = now();
    if (!(nowMs - createdMs <= maxAgeMs)) return refuse("X-WSSE token expired");
    if (createdMs - nowMs > maxSkewMs) return refuse("X-WSSE Created is in the future");

    const presented = canonicalDigest(token.passwordDigest);
    if (presented === undefined || !matchesAnyCredential(token, presented)) {
      return refuse("X-WSSE digest does not match any credential");
    }

    // Remembered only once verified, so that forged tokens cannot fill the cache.
    const nonceKey = `${token.username}\u0000${token.nonce}`;
    if (seenNonces.get(nonceKey, nowMs) !== undefined) return refuse("X-WSSE nonce replayed");
    seenNonces.set(nonceKey, Math.max(createdMs + maxAgeMs, nowMs) + 1000, nowMs);
    return AUTH_OK;
  };
}

/** Checks a token against every credential, each costing the same work, so timing tells nothing about which usernames exist. */
function createCredentialMatcher(credentials: readonly { username: string; secret: string }[]) {
  // Usernames are hashed once here rather than on every request.
  const known = credentials.map(({ username, secret }) => ({ username: digest("sha256", username), secret }));
  return (token: { username: string; nonce: string; created: string }, presented: string): boolean => {
    const username = digest("sha256", token.username);
    let matched = false;
    for (const credential of known) {
      const usernameOk = equalDigests(credential.username, username);
      const overDecoded = equalDigests(createWsseDigestOverNonce64(token.nonce, token.created, credential.secret), presented);
      // Some clients hash the nonce text as sent rather than its decoded bytes.
      const overText = equalDigests(createWsseDigest(token.nonce, token.created, credential.secret), presented);
      matched = (usernameOk && (overDecoded || overText)) || matched;
    }
    return matched;
  };
}

/** The presented digest as canonical Base64 (what the expected ones are), or undefined when it is not a SHA-1. */
function canonicalDigest(passwordDigest: string): string | undefined {
  // Most clients send it canonical already; others leave out padding or use the URL-safe alphabet.
  if (passwordDigest.length === CANONICAL_LENGTH && passwordDigest.endsWith("=") && !/[^A-Za-z0-9+/=]/.test(passwordDigest)) return passwordDigest;
  const bytes = Buffer.from(passwordDigest, "base64");
  // A digest of the wrong length is refused outright: its length is no secret.
  return bytes.length === SHA1_BYTES ? bytes.toString("base64") : undefined;
}
