// Arbitrary JSON, authenticated, to either family: values of every type under the keys the schemas use,
// `__proto__` and `constructor.prototype` among them. Handlers run only for what the schema accepts, and
// Object.prototype stays clean.

import fc from "fast-check";
import { BANKCONNECT_EVENT_TYPES, IBANFIRST_EVENT_TYPES } from "bankhooks";
import { FAMILY_PATHS, validAuth } from "../helpers/fuzz/auth-headers";
import { fuzzParameters } from "../helpers/fuzz/fuzz-parameters";
import { createTally, runCase } from "../helpers/fuzz/run-case";
import { startFuzzTarget, type FuzzTarget } from "../helpers/fuzz/start-fuzz-target";
import { recordFigures } from "../helpers/record-figures";
import { closeServers } from "../helpers/start-server";

const parameters = fuzzParameters(2500);
const tally = createTally();
let target: FuzzTarget;

beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  target.stop();
  await closeServers();
  recordFigures("properties-arbitrary-json", { seed: parameters.seed, ...tally });
});

const KEYS = [
  ...["entity_id", "statement_id", "link_id", "progress", "reason"],
  ...["requestId", "date", "notifications", "notificationId", "item", "type", "body", "companyId", "transferId", "status"],
  ...["__proto__", "constructor", "prototype", "polluted", "toString", "hasOwnProperty"],
];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 }));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 16 }),
    fc.constantFrom<string>(...BANKCONNECT_EVENT_TYPES, ...IBANFIRST_EVENT_TYPES, "2026-03-14 09:26:53"),
    fc.array(tie("value"), { maxLength: 4 }),
    tie("object"),
  ),
  // Object.fromEntries makes "__proto__" an own key, so that JSON.stringify sends it as a sender would.
  object: fc.array(fc.tuple(key, tie("value")), { maxLength: 6 }).map((entries) => Object.fromEntries(entries)),
}));
const json = fc.oneof({ weight: 4, arbitrary: value.filter((v) => v !== null && typeof v === "object" && !Array.isArray(v)) }, { weight: 1, arbitrary: fc.jsonValue() });

test("any JSON gets a README answer within 1 s; handlers run only for schema-valid deliveries", async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom("bankconnect", "ibanfirst" as const), json, async (family, body) => {
      const headers = { "content-type": "application/json", ...validAuth(family) };
      await runCase(target, tally, { path: FAMILY_PATHS[family], headers, body: JSON.stringify(body) ?? "null" }, { family, authenticated: true });
    }),
    parameters,
  );
}, 600_000);
