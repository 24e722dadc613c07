import * as crypto from "node:crypto";

// Node 20.12+ hashes in one call, without the Hash object createHash makes; and a text digest costs no Buffer.
// On the hot path, those two allocations cost more than the hashing of a token or an event id.
// Older Node 20 releases take the long way.
const hashOnce: typeof crypto.hash | undefined = (crypto as Partial<typeof crypto>).hash;

/** SHA-1 or SHA-256 of `data` (UTF-8 when a string), as text: Base64 unless told otherwise. */
export function digest(algorithm: "sha1" | "sha256", data: string | Buffer, encoding: "base64" | "base64url" | "hex" = "base64"): string {
  if (hashOnce) return hashOnce(algorithm, data, encoding);
  return crypto.createHash(algorithm).update(data).digest(encoding);
}
