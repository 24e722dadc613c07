import type { FamilyName } from "bankhooks";
import { isValidDelivery } from "./is-valid-delivery";
import { readmeStatuses, rowOf } from "./status-rows";
import type { FuzzRequest, FuzzResponse, FuzzTarget } from "./start-fuzz-target";

export interface Expectation {
  /** The family the request is addressed to, and whether its authentication is intact (the generator knows). */
  family?: FamilyName;
  authenticated: boolean;
  /** A valid, authenticated delivery, properly addressed: it must be accepted (its events handled unless duplicates). */
  mustAccept?: boolean;
}

/** Cases tried and answers by row, for the figures. */
export interface Tally {
  cases: number;
  handled: number;
  answers: Record<string, number>;
}

export const createTally = (): Tally => ({ cases: 0, handled: 0, answers: {} });

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).join();
const STATUSES = readmeStatuses();

/**
 * Sends one case and checks every invariant: an answer within 1 s that is a row of the README's status
 * table, never a 3xx nor a bankhooks failure; handlers run exactly for the new events of an accepted,
 * valid, authenticated delivery, and for nothing else; Object.prototype stays clean; nothing crashed.
 */
export async function runCase(target: FuzzTarget, tally: Tally, request: FuzzRequest, expectation: Expectation): Promise<FuzzResponse> {
  const before = target.handled.length;
  const response = await target.send(request);
  const ran = target.handled.slice(before);
  const row = request.method === "HEAD" ? `${response.status} (HEAD)` : rowOf(response);
  tally.cases++;
  tally.handled += ran.length;
  tally.answers[row ?? `${response.status} unlisted`] = (tally.answers[row ?? `${response.status} unlisted`] ?? 0) + 1;

  const describe = () => `${request.method ?? "POST"} ${request.path} → ${response.status} ${JSON.stringify(response.body)}`;
  check(response.ms < 1000, `answered in ${Math.round(response.ms)} ms: ${describe()}`);
  check(response.status < 300 || response.status >= 400, `a 3xx: ${describe()}`);
  check(row !== undefined && STATUSES.has(response.status), `not a row of the README status table: ${describe()}`);
  check(response.status < 500, `bankhooks failed (no handler throws here): ${describe()}`);
  check(target.crashes.length === 0, `crashed: ${String(target.crashes[0])}`);
  check(Object.getOwnPropertyNames(Object.prototype).join() === PROTOTYPE_KEYS, "Object.prototype was changed");
  check(({} as Record<string, unknown>).polluted === undefined, "Object.prototype was polluted");

  const answer = (response.body ?? {}) as { events?: number; duplicates?: number };
  const newEvents = response.status === 200 && answer.events !== undefined ? answer.events - (answer.duplicates ?? 0) : 0;
  check(ran.length === newEvents, `handlers ran ${ran.length} times for ${newEvents} new events: ${describe()}`);
  if (ran.length > 0) {
    check(expectation.authenticated, `a handler ran for an unauthenticated delivery: ${describe()}`);
    const valid = expectation.family !== undefined && request.body !== undefined && isValidDelivery(expectation.family, request.body);
    check(valid, `a handler ran for an invalid delivery: ${describe()}`);
    for (const event of ran) {
      check(Object.getPrototypeOf(event.payload) === Object.prototype, "a payload with an unusual prototype");
    }
  }
  if (expectation.mustAccept) check(response.status === 200, `a valid delivery was not accepted: ${describe()}`);
  return response;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
