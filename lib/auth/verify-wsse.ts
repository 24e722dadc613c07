import { timingSafeEqual } from "node:crypto";
import type { IbanfirstOptions } from "../types";
import { BoundedTtlMap } from "../store/bounded-ttl-map";
import { AUTH_OK, refuse, type Authenticator } from "./authenticator";
import { createWsseDigest } from "./create-wsse-digest";
import { parseWsseHeader } from "./parse-wsse-header";
import { safeEqual } from "./safe-equal";

// ISO 8601 date-time in UTC or with an explicit offset, with or without fractional seconds.
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const SHA1_BYTES = 20;

/** Checks iBanFirst's X-WSSE header: digest, freshness, and that no nonce is used twice. */
export function createWsseVerifier(
  options: IbanfirstOptions & { credentials: NonNullable<IbanfirstOptions["credentials"]> },
  now: () => number = Date.now,
): Authenticator {
  const maxAgeMs = (options.maxTokenAgeSeconds ?? 300) * 1000;
  const maxSkewMs = (options.maxClockSkewSeconds ?? 300) * 1000;
  const seenNonces = new BoundedTtlMap(options.maxNonces ?? 100_000);
  const credentials = options.credentials;

  return ({ headers }) => {
    const token = parseWsseHeader(headers["x-wsse"]);
    if (!token) return refuse("X-WSSE header missing or malformed");
    if (!CREATED.test(token.created)) return refuse("X-WSSE Created is not an ISO 8601 time");
    const createdMs = Date.parse(token.created.toUpperCase());
    const nowMs = now();
    if (!(nowMs - createdMs <= maxAgeMs)) return refuse("X-WSSE token expired");
    if (createdMs - nowMs > maxSkewMs) return refuse("X-WSSE Created is in the future");

    const presented = Buffer.from(token.passwordDigest, "base64");
    if (!credentials.some((credential) => matches(credential, token, presented))) {
      return refuse("X-WSSE digest does not match any credential");
    }

    // Remembered only once verified, so that forged tokens cannot fill the cache.
    const nonceKey = `${token.username}\u0000${token.nonce}`;
    if (seenNonces.get(nonceKey, nowMs) !== undefined) return refuse("X-WSSE nonce replayed");
    seenNonces.set(nonceKey, Math.max(createdMs + maxAgeMs, nowMs) + 1000, nowMs);
    return AUTH_OK;
  };
}

function matches(
  credential: { username: string; secret: string },
  token: { username: string; nonce: string; created: string },
  presented: Buffer,
): boolean {
  // Every credential costs the same work, so timing says nothing about which usernames exist.
  const usernameOk = safeEqual(credential.username, token.username);
  const overDecoded = digestEquals(createWsseDigest(Buffer.from(token.nonce, "base64"), token.created, credential.secret), presented);
  // Some clients hash the nonce text as sent rather than its decoded bytes.
  const overText = digestEquals(createWsseDigest(token.nonce, token.created, credential.secret), presented);
  return usernameOk && (overDecoded || overText);
}

function digestEquals(expected64: string, presented: Buffer): boolean {
  // A digest of the wrong length is refused outright: its length is no secret.
  return presented.length === SHA1_BYTES && timingSafeEqual(Buffer.from(expected64, "base64"), presented);
}
