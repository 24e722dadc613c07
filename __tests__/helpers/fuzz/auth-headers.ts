import type { FamilyName } from "bankhooks";
import { wsseHeader } from "bankhooks/testing";
import { CREDENTIAL, TOKEN } from "../create-webhooks";

export const FAMILY_PATHS: Record<FamilyName, string> = { bankconnect: "/webhooks/bankconnect", ibanfirst: "/webhooks/ibanfirst" };

/** Fresh, valid authentication for a family (a new X-WSSE nonce each call). */
export function validAuth(family: FamilyName): Record<string, string> {
  return family === "ibanfirst" ? { "x-wsse": wsseHeader(CREDENTIAL) } : { "x-secret-key": TOKEN };
}
