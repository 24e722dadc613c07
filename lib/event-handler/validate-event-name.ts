import { BANKCONNECT_EVENT_TYPES, IBANFIRST_EVENT_TYPES } from "../generated/event-types";

export const EVENT_NAMES: readonly string[] = [
  ...BANKCONNECT_EVENT_TYPES.map((type) => `bankconnect.${type}`),
  ...IBANFIRST_EVENT_TYPES.map((type) => `ibanfirst.${type}`),
];
const KNOWN = new Set(EVENT_NAMES);

/** The runtime twin of the EventName type, for JavaScript callers and names built at run time. */
export function validateEventName(name: unknown): asserts name is string {
  if (typeof name === "string" && KNOWN.has(name)) return;
  throw new TypeError(
    `bankhooks: ${JSON.stringify(name)} is not a documented event name. Use onAny() for undocumented types; ` +
      `documented names: ${EVENT_NAMES.join(", ")}.`,
  );
}
