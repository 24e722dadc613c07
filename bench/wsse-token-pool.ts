import { loadBuilt } from "./load-built";

export interface WsseTokenPool {
  /** A token never handed out before: iBanFirst nonces are single-use, and a replay would be answered 401. */
  next(): string;
  /** Tokens made during the run because the pool ran dry (each costs the load generator a SHA-1). */
  readonly madeLive: number;
}

/** `count` X-WSSE tokens made ahead, so that signing costs the load generator nothing while it measures. */
export function createWsseTokenPool(credential: { username: string; secret: string }, count: number): WsseTokenPool {
  const { createWsseHeader } = loadBuilt.testing();
  const tokens = Array.from({ length: count }, () => createWsseHeader(credential));
  let taken = 0;
  let madeLive = 0;
  return {
    next() {
      if (taken < tokens.length) return tokens[taken++];
      madeLive++;
      return createWsseHeader(credential);
    },
    get madeLive() {
      return madeLive;
    },
  };
}
