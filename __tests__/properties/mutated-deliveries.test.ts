// Valid deliveries, then mutated: fields dropped, values of the wrong type, huge strings, ids repeated,
// types unknown to the schemas, the delivery sent to the other family. Handlers run for exactly the
// mutants the schema still accepts, which must be answered 200, and for none of the others.

import fc from "fast-check";
import { IBANFIRST_EVENT_TYPES, type FamilyName } from "bankhooks";
import { buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification } from "bankhooks/testing";
import { FAMILY_PATHS, validAuth } from "../helpers/fuzz/auth-headers";
import { fuzzParameters } from "../helpers/fuzz/fuzz-parameters";
import { isValidDelivery } from "../helpers/fuzz/is-valid-delivery";
import { createTally, runCase } from "../helpers/fuzz/run-case";
import { startFuzzTarget, type FuzzTarget } from "../helpers/fuzz/start-fuzz-target";
import { recordFigures } from "../helpers/record-figures";
import { closeServers } from "../helpers/start-server";

const parameters = fuzzParameters(3000);
const tally = createTally();
let target: FuzzTarget;
let mutants = 0;
let stillValid = 0;

beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  target.stop();
  await closeServers();
  recordFigures("properties-mutated-deliveries", { seed: parameters.seed, ...tally, mutants, mutantsStillValid: stillValid });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation =
  | { kind: "drop"; at: number }
  | { kind: "retype"; at: number; value: Json }
  | { kind: "huge"; at: number; length: number }
  | { kind: "repeatId"; at: number }
  | { kind: "unknownType"; at: number; type: string }
  | { kind: "extra"; at: number; key: string; value: Json }
  | { kind: "swapFamily" };

const smallJson = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((at) => ({ kind: "drop" as const, at })),
  fc.tuple(fc.nat(), smallJson).map(([at, value]) => ({ kind: "retype" as const, at, value })),
  // Up to 600 KB each: two of them pass the 1 MB bodyLimit, and get a 413.
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 600_000 })).map(([at, length]) => ({ kind: "huge" as const, at, length })),
  fc.nat().map((at) => ({ kind: "repeatId" as const, at })),
  fc.tuple(fc.nat(), fc.string({ minLength: 0, maxLength: 12 })).map(([at, type]) => ({ kind: "unknownType" as const, at, type })),
  fc.tuple(fc.nat(), fc.string({ maxLength: 10 }), smallJson).map(([at, key, value]) => ({ kind: "extra" as const, at, key, value })),
  fc.constant({ kind: "swapFamily" as const }),
);

/** Every path into a value, parents before children: [] is the root. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as Record<string, Json>)[key], [...prefix, key]))];
}

function parentOf(root: Json, path: (string | number)[]): Record<string | number, Json> {
  return path.slice(0, -1).reduce((node, key) => (node as Record<string | number, Json>)[key], root) as Record<string | number, Json>;
}

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Applies one mutation in place (the root itself is never dropped or replaced); returns the family to send to. */
function mutate(root: Json, change: Mutation, family: FamilyName): FamilyName {
  const paths = pathsOf(root).filter((path) => path.length > 0);
  const path = paths[("at" in change ? change.at : 0) % paths.length];
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  // Earlier mutations may have turned any of these into something else.
  const listed = (root as { notifications?: unknown }).notifications;
  const notifications = (Array.isArray(listed) ? listed : []).filter(isObject);
  const notification = notifications.length ? notifications[("at" in change ? change.at : 0) % notifications.length] : undefined;
  switch (change.kind) {
    case "drop":
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case "retype":
      parent[last] = change.value;
      break;
    case "huge":
      parent[last] = "x".repeat(change.length);
      break;
    case "repeatId":
      if (notification) notification.notificationId = notifications[0].notificationId;
      break;
    case "unknownType":
      if (notification) notification.type = change.type;
      else (root as Record<string, Json>).progress = change.type;
      break;
    case "extra":
      if (isObject(parent)) parent[change.key] = change.value;
      break;
    case "swapFamily":
      return family === "ibanfirst" ? "bankconnect" : "ibanfirst";
  }
  return family;
}

const delivery = fc.oneof(
  fc.constant({ family: "bankconnect" as const, count: 1 }),
  fc.record({ family: fc.constant("ibanfirst" as const), count: fc.integer({ min: 1, max: 5 }) }),
);

test("mutated deliveries: handlers run exactly for the mutants the schema accepts, always with 200", async () => {
  await fc.assert(
    fc.asyncProperty(delivery, fc.array(fc.nat(IBANFIRST_EVENT_TYPES.length - 1), { minLength: 5, maxLength: 5 }), fc.array(mutation, { maxLength: 3 }), async (base, types, changes) => {
      // Built inside the property: fresh ids every run, shrinks included.
      const body = (
        base.family === "bankconnect"
          ? buildBankConnectPayload()
          : buildIbanfirstDelivery(types.slice(0, base.count).map((t) => buildIbanfirstNotification(IBANFIRST_EVENT_TYPES[t])))
      ) as unknown as Json;
      let family: FamilyName = base.family;
      for (const change of changes) family = mutate(body, change, family);
      const text = JSON.stringify(body);
      const valid = isValidDelivery(family, text) && Buffer.byteLength(text) <= 1024 * 1024;
      if (changes.length > 0) mutants++;
      if (changes.length > 0 && valid) stillValid++;
      const headers = { "content-type": "application/json", ...validAuth(family) };
      await runCase(target, tally, { path: FAMILY_PATHS[family], headers, body: text }, { family, authenticated: true, mustAccept: valid });
    }),
    parameters,
  );
}, 600_000);
