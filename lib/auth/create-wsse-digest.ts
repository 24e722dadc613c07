import { digest } from "./digest";

/** X-WSSE PasswordDigest: Base64(SHA-1(nonceBytes + Created + secret)). */
export function createWsseDigest(nonceBytes: Buffer | string, created: string, secret: string): string {
  // A string nonce is hashed as its UTF-8 text, which is what concatenating the strings first gives.
  if (typeof nonceBytes === "string") return digest("sha1", nonceBytes + created + secret);
  return digest("sha1", Buffer.concat([nonceBytes, Buffer.from(created + secret, "utf8")]));
}

// Reused by every check (hashing is synchronous, so no two checks share it at once): decoding the nonce and
// joining it to the rest in place costs no Buffer per request.
let scratch = Buffer.allocUnsafe(1024);

/** The same digest, over the bytes of a Base64 nonce as X-WSSE carries it. */
export function createWsseDigestOverNonce64(nonce64: string, created: string, secret: string): string {
  const rest = created + secret;
  // Upper bounds: Base64 decodes to fewer bytes than characters, and UTF-8 takes at most 3 bytes per UTF-16 unit.
  const needed = nonce64.length + rest.length * 3;
  if (scratch.length < needed) scratch = Buffer.allocUnsafe(needed);
  const nonceLength = scratch.write(nonce64, 0, "base64");
  const length = nonceLength + scratch.write(rest, nonceLength, "utf8");
  return digest("sha1", scratch.subarray(0, length));
}
