import type { FamilyName } from "bankhooks";
import { bankConnectHeaders, fixtures, ibanfirstHeaders, wsseHeader } from "bankhooks/testing";
import { CREDENTIAL, TOKEN } from "./create-webhooks";

/** What differs between the two families when a test sends them a delivery. */
export interface FamilyCase {
  family: FamilyName;
  /** A valid delivery. Fixture ids: two calls give the same events, as a sender's retry would. */
  body(): Record<string, unknown>;
  /** How many events body() holds. */
  events: number;
  /** Content-Type application/json plus fresh, valid authentication (a new X-WSSE nonce each call). */
  headers(): Record<string, string>;
  /** Fresh, valid authentication only. */
  auth(): Record<string, string>;
  /** A delivery that breaks the schema, and the JSON pointer the 400 must name. */
  schemaViolation(): { body: Record<string, unknown>; pointer: string };
  /** The Allow header of a 405. */
  allow: string;
  /** A method the endpoint refuses with 405. */
  refusedMethod: "put" | "delete" | "patch";
}

export const bankconnectCase: FamilyCase = {
  family: "bankconnect",
  body: () => fixtures.bankconnect.completed,
  events: 1,
  headers: () => bankConnectHeaders(TOKEN),
  auth: () => ({ "x-secret-key": TOKEN }),
  schemaViolation: () => {
    const { progress: _removed, ...body } = fixtures.bankconnect.completed;
    return { body, pointer: "/progress" };
  },
  allow: "POST",
  refusedMethod: "put",
};

export const ibanfirstCase: FamilyCase = {
  family: "ibanfirst",
  body: () => fixtures.ibanfirst.delivery as unknown as Record<string, unknown>,
  events: 3,
  headers: () => ibanfirstHeaders(CREDENTIAL),
  auth: () => ({ "x-wsse": wsseHeader(CREDENTIAL) }),
  schemaViolation: () => {
    // Only the 3rd notification is wrong: the 1st and 2nd are valid and must not be handled either.
    const body = fixtures.ibanfirst.delivery;
    delete (body.notifications[2].body as Record<string, unknown>).companyId;
    return { body: body as unknown as Record<string, unknown>, pointer: "/notifications/2/body/companyId" };
  },
  allow: "GET, HEAD, POST",
  refusedMethod: "put",
};

export const FAMILY_CASES: FamilyCase[] = [bankconnectCase, ibanfirstCase];
