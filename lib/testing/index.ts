// bankhooks/testing: build valid deliveries in tests, without real secrets or a provider.
import { createWsseHeader, type WsseHeaderOptions } from "../auth/create-wsse-header";

export { createWsseHeader, type WsseHeaderOptions };
/** An X-WSSE header value, as iBanFirst sends it: `wsseHeader({ username, secret })`. */
export const wsseHeader = createWsseHeader;

export { buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification, formatIbanfirstDate } from "./build-payloads";
export { fixtures, bankConnectCompleted, bankConnectFailed, ibanfirstDelivery } from "./fixtures";

/** Headers for a POST as iBanFirst makes it: JSON, with a fresh X-WSSE token. */
export function ibanfirstHeaders(credential: { username: string; secret: string }): Record<string, string> {
  return { "content-type": "application/json", "x-wsse": createWsseHeader(credential) };
}

/** Headers for a POST as BankConnect makes it, with the shared token when you configured one. */
export function bankConnectHeaders(token?: string): Record<string, string> {
  return token === undefined ? { "content-type": "application/json" } : { "content-type": "application/json", "x-secret-key": token };
}
