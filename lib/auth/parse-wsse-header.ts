export interface WsseToken {
  username: string;
  passwordDigest: string;
  nonce: string;
  created: string;
}

// key="value" pairs in any order, with any spacing and separators; keys are matched case-insensitively.
const FIELD = /([A-Za-z]+)\s*=\s*"([^"]*)"/g;

/** Reads an X-WSSE header leniently; undefined when a field is missing. */
export function parseWsseHeader(header: string | string[] | undefined): WsseToken | undefined {
  if (typeof header !== "string" || header.length > 4096) return undefined;
  const fields: Record<string, string> = {};
  for (const [, key, value] of header.matchAll(FIELD)) fields[key.toLowerCase()] = value;
  const { username, passworddigest, nonce, created } = fields;
  if (!username || !passworddigest || !nonce || !created) return undefined;
  return { username, passwordDigest: passworddigest, nonce, created };
}
