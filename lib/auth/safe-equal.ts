import { timingSafeEqual } from "node:crypto";
import { digest } from "./digest";

/** Compares two secrets in constant time, whatever their lengths (both are hashed to one size first). */
export function safeEqual(a: string, b: string): boolean {
  return equalDigests(digest("sha256", a), digest("sha256", b));
}

/**
 * `safeEqual` against secrets known in advance: they are hashed once, so each check hashes only the value
 * presented. Every secret is compared, so timing does not tell how many there are or which matched.
 */
export function createSecretMatcher(secrets: readonly string[]): (presented: string) => boolean {
  const hashes = secrets.map((secret) => digest("sha256", secret));
  return (presented) => {
    const hash = digest("sha256", presented);
    let matched = false;
    for (const expected of hashes) matched = equalDigests(expected, hash) || matched;
    return matched;
  };
}

/** Two digests (as text) compared in constant time; their length is public (it is the algorithm's). */
export function equalDigests(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
