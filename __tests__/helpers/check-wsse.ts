import { createHash } from "node:crypto";

/**
 * Checks an X-WSSE header the way iBanFirst documents it, without bankhooks' own code:
 * PasswordDigest = Base64(SHA-1(nonceBytes + Created + secret)), nonceBytes = the Base64-decoded Nonce.
 * Returns the nonce text and Created, for the caller's further checks.
 */
export function checkWsse(header: string | string[] | undefined, credential: { username: string; secret: string }) {
  if (typeof header !== "string") throw new Error(`no X-WSSE header: ${JSON.stringify(header)}`);
  const match = /^UsernameToken Username="([^"]+)", PasswordDigest="([^"]+)", Nonce="([^"]+)", Created="([^"]+)"$/.exec(header);
  if (!match) throw new Error(`X-WSSE header not in UsernameToken form: ${header}`);
  const [, username, digest, nonce64, created] = match;
  const nonceBytes = Buffer.from(nonce64, "base64");
  const expected = createHash("sha1").update(nonceBytes).update(created).update(credential.secret).digest("base64");
  return { username, digestMatches: digest === expected, nonce: nonceBytes.toString("utf8"), created };
}
