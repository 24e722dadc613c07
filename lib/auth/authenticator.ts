import type { IncomingHttpHeaders } from "node:http";

/** What an authenticator may look at: never the body, so that nothing is read before it passes. */
export interface AuthRequest {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  /**
   * The client address (Express's `req.ip` where available, so `trust proxy` applies). A function: only an
   * allowlist needs it, and Express works `req.ip` out anew on each read.
   */
  getIp(): string | undefined;
}

/** Why a request was refused stays in the logs; the sender only ever sees a plain 401. */
export type AuthResult = { ok: true } | { ok: false; reason: string };

export type Authenticator = (request: AuthRequest) => AuthResult;

export const AUTH_OK: AuthResult = { ok: true };
export const refuse = (reason: string): AuthResult => ({ ok: false, reason });
