// Arbitrary bytes as the body, to either family, authenticated or not, under any Content-Type: the
// answer is always a row of the README's status table within 1 s, and no handler runs for it.

import fc from "fast-check";
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
  recordFigures("properties-arbitrary-bytes", { seed: parameters.seed, ...tally });
});

const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
// Mostly authenticated JSON, so that most bytes get past authentication and the Content-Type check.
const mostlyAuthenticated = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
  fc.constantFrom("application/json; charset=latin1", "text/plain", "multipart/form-data; boundary=x"),
  fc.constant(undefined),
  fc.string({ unit: "binary-ascii", maxLength: 40 }).filter((value) => HEADER_VALUE.test(value)),
);
const body = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ unit: "binary", maxLength: 512 }).map((text) => Buffer.from(text, "utf8")),
  // JSON text with one byte changed: near misses the parser must refuse cleanly.
  fc
    .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
    .map(([json, at, byte]) => {
      const bytes = Buffer.from(json, "utf8");
      if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return bytes;
    }),
);

test("any bytes get a README answer within 1 s and reach no handler", async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom("bankconnect", "ibanfirst" as const), mostlyAuthenticated, contentType, body, async (family, authenticated, type, bytes) => {
      const headers = { ...(authenticated ? validAuth(family) : {}), ...(type === undefined ? {} : { "content-type": type }) };
      await runCase(target, tally, { path: FAMILY_PATHS[family], headers, body: bytes }, { family, authenticated });
    }),
    parameters,
  );
}, 600_000);
