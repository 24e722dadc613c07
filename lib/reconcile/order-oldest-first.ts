import type { BankConnectStoredPayload } from "../generated/schema-types";

/**
 * BankConnect lists payloads newest first. Reversed, then sorted by `date_time` (its documented
 * `YYYY-MM-DD HH:MM:SS` sorts as text); a stable sort keeps payloads of the same second in reversed order.
 */
export function orderOldestFirst(payloads: readonly BankConnectStoredPayload[]): BankConnectStoredPayload[] {
  return [...payloads].reverse().sort((a, b) => (a.date_time < b.date_time ? -1 : a.date_time > b.date_time ? 1 : 0));
}
