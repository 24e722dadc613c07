import { randomBytes } from "node:crypto";
import { createWsseDigest } from "./create-wsse-digest";

export interface WsseHeaderOptions {
  username: string;
  secret: string;
  /** The nonce before Base64 encoding. Default: 32 random hex characters, as iBanFirst's own clients make. */
  nonce?: string;
  /** Default: now, in UTC without milliseconds. */
  created?: Date | string;
}

/** A fresh X-WSSE header value, as iBanFirst sends it and as its API expects it. */
export function createWsseHeader(options: WsseHeaderOptions): string {
  const nonce = options.nonce ?? randomBytes(16).toString("hex");
  const created =
    typeof options.created === "string"
      ? options.created
      : (options.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const digest = createWsseDigest(Buffer.from(nonce, "utf8"), created, options.secret);
  const nonce64 = Buffer.from(nonce, "utf8").toString("base64");
  return `UsernameToken Username="${options.username}", PasswordDigest="${digest}", Nonce="${nonce64}", Created="${created}"`;
}
