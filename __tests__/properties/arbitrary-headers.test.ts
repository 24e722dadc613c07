// Arbitrary methods, paths and headers around a valid delivery: X-WSSE tokens that are forged, stale,
// from the future, replayed, malformed or missing; wrong tokens; any Content-Type; random extra headers.
// Only a request whose authentication is intact, POSTed with a JSON Content-Type to a family's endpoint,
// may reach a handler, and it must.

import fc from "fast-check";
import type { FamilyName } from "bankhooks";
import { buildBankConnectPayload, buildIbanfirstDelivery, wsseHeader } from "bankhooks/testing";
import { CREDENTIAL, TOKEN } from "../helpers/create-webhooks";
import { FAMILY_PATHS } from "../helpers/fuzz/auth-headers";
import { fuzzParameters } from "../helpers/fuzz/fuzz-parameters";
import { createTally, runCase } from "../helpers/fuzz/run-case";
import { startFuzzTarget, type FuzzTarget } from "../helpers/fuzz/start-fuzz-target";
import { recordFigures } from "../helpers/record-figures";
import { closeServers } from "../helpers/start-server";

const parameters = fuzzParameters(2500);
const tally = createTally();
let target: FuzzTarget;
/** The last X-WSSE header the receiver accepted: sending it again is a replay. */
let consumedWsse: string | undefined;

beforeAll(async () => {
  target = await startFuzzTarget();
});
afterAll(async () => {
  target.stop();
  await closeServers();
  recordFigures("properties-arbitrary-headers", { seed: parameters.seed, ...tally });
});

const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
const printable = (maxLength: number) => fc.string({ unit: "binary-ascii", maxLength }).filter((value) => HEADER_VALUE.test(value));

type AuthPlan =
  | { kind: "valid" | "none" | "respaced" | "wrongUser" | "wrongSecret" | "replayed" | "queryToken" | "wrongToken" }
  | { kind: "garbage"; value: string }
  | { kind: "digestFlip"; at: number }
  | { kind: "dropField"; field: number }
  | { kind: "created"; seconds: number };

const authPlan: fc.Arbitrary<AuthPlan> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: "valid" as const }) },
  fc.constantFrom(
    ...(["none", "respaced", "wrongUser", "wrongSecret", "replayed", "queryToken", "wrongToken"] as const).map((kind) => ({ kind })),
  ),
  printable(200).map((value) => ({ kind: "garbage" as const, value })),
  fc.nat(25).map((at) => ({ kind: "digestFlip" as const, at })),
  fc.nat(3).map((field) => ({ kind: "dropField" as const, field })),
  // Created from 1 day ago to 1 day ahead: within 290 s either way is fresh, beyond 310 s refused.
  fc.integer({ min: -86_400, max: 86_400 }).filter((s) => Math.abs(s) < 290 || Math.abs(s) > 310).map((seconds) => ({ kind: "created" as const, seconds })),
);

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The authentication headers (and query) a plan makes, and whether bankhooks must accept them. */
function authenticate(family: FamilyName, plan: AuthPlan): { headers: Record<string, string>; query: string; valid: boolean } {
  if (family === "bankconnect") {
    if (plan.kind === "valid") return { headers: { "x-secret-key": TOKEN }, query: "", valid: true };
    if (plan.kind === "queryToken") return { headers: {}, query: `?token=${TOKEN}`, valid: true };
    if (plan.kind === "wrongToken") return { headers: { "x-secret-key": `${TOKEN}x` }, query: `?token=%20${TOKEN}`, valid: false };
    if (plan.kind === "garbage") return { headers: { "x-secret-key": plan.value }, query: "", valid: plan.value.trim() === TOKEN };
    return { headers: {}, query: "", valid: false };
  }
  const fresh = wsseHeader(CREDENTIAL);
  const fields = [...fresh.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value]);
  const join = (list: string[][]) => `UsernameToken ${list.map(([name, value]) => `${name}="${value}"`).join(", ")}`;
  switch (plan.kind) {
    case "valid":
      return { headers: { "x-wsse": fresh }, query: "", valid: true };
    case "respaced":
      return { headers: { "x-wsse": `UsernameToken   ${[...fields].reverse().map(([n, v]) => `${n} = "${v}"`).join(" ,")}` }, query: "", valid: true };
    case "wrongUser":
      return { headers: { "x-wsse": wsseHeader({ ...CREDENTIAL, username: "acme2" }) }, query: "", valid: false };
    case "wrongSecret":
      return { headers: { "x-wsse": wsseHeader({ ...CREDENTIAL, secret: "guess" }) }, query: "", valid: false };
    case "replayed":
      return { headers: { "x-wsse": consumedWsse ?? fresh }, query: "", valid: consumedWsse === undefined };
    case "garbage":
      return { headers: { "x-wsse": plan.value }, query: "", valid: false };
    case "digestFlip": {
      // Among the first 26 of 28 Base64 characters, each bit counts: any change changes the digest.
      const digest = fields[1][1].split("");
      digest[plan.at] = BASE64[(BASE64.indexOf(digest[plan.at]) + 1) % 64];
      fields[1] = [fields[1][0], digest.join("")];
      return { headers: { "x-wsse": join(fields) }, query: "", valid: false };
    }
    case "dropField":
      return { headers: { "x-wsse": join(fields.filter((_, i) => i !== plan.field)) }, query: "", valid: false };
    case "created":
      return { headers: { "x-wsse": wsseHeader({ ...CREDENTIAL, created: new Date(Date.now() + plan.seconds * 1000) }) }, query: "", valid: Math.abs(plan.seconds) < 290 };
    default:
      return { headers: {}, query: "", valid: false };
  }
}

const method = fc.oneof({ weight: 6, arbitrary: fc.constant("POST") }, fc.constantFrom("GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"));
const pathShape = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("", "/", "?x=1", "/?x=1") },
  fc.constantFrom("/extra", "X", "//"),
  printable(12).map((text) => encodeURIComponent(text)),
);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8", "Application/JSON; charset=UTF8") },
  fc.constantFrom(undefined, "text/plain", "application/json; charset=latin1", "application/jsonx", "application/x-www-form-urlencoded"),
  printable(40),
);
const VALID_TYPES = new Set(["application/json", "application/json; charset=utf-8", "Application/JSON; charset=UTF8"]);
const RESERVED = new Set(["host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "expect", "te", "trailer"]);
const RESERVED_AUTH = new Set(["x-wsse", "x-secret-key", "content-type", ...RESERVED]);
const extraHeaders = fc.dictionary(
  fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.constantFrom("x-forwarded-for", "authorization", "accept", "content-encoding", "cookie")),
  printable(100),
  { maxKeys: 6, noNullPrototype: true },
).map((headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !RESERVED_AUTH.has(name))));

test("any headers get a README answer within 1 s; only intact authentication reaches handlers", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom("bankconnect", "ibanfirst" as const),
      authPlan,
      method,
      pathShape,
      contentType,
      extraHeaders,
      async (family, plan, verb, shape, type, extra) => {
        const auth = authenticate(family, plan);
        const addressed = ["", "/", "?x=1", "/?x=1"].includes(shape);
        const path = `${FAMILY_PATHS[family]}${shape}${auth.query && addressed ? (shape.includes("?") ? `&${auth.query.slice(1)}` : auth.query) : ""}`;
        const body = JSON.stringify(family === "ibanfirst" ? buildIbanfirstDelivery() : buildBankConnectPayload());
        const headers: Record<string, string> = { ...extra, ...auth.headers, ...(type === undefined ? {} : { "content-type": type }) };
        const response = await runCase(
          target,
          tally,
          { method: verb, path, headers, body: verb === "GET" || verb === "HEAD" ? undefined : body },
          {
            family,
            authenticated: auth.valid && addressed,
            mustAccept: auth.valid && addressed && verb === "POST" && type !== undefined && VALID_TYPES.has(type),
          },
        );
        if (auth.valid && family === "ibanfirst" && ![404, 405].includes(response.status)) consumedWsse = auth.headers["x-wsse"];
      },
    ),
    parameters,
  );
}, 600_000);
