import { createHash } from "node:crypto";

/** X-WSSE PasswordDigest: Base64(SHA-1(nonceBytes + Created + secret)). */
export function createWsseDigest(nonceBytes: Buffer | string, created: string, secret: string): string {
  return createHash("sha1").update(nonceBytes).update(created).update(secret).digest("base64");
}
