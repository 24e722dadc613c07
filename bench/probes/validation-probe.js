"use strict";
// Run in a fresh process: ns per delivery to validate each family's body with its generated (Ajv standalone)
// validator, beside JSON.parse of the same bytes. Reads { <family>: body text } on stdin, prints JSON.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { validators } = require(join(__dirname, "..", "..", "dist", "validate", "validator.js"));

const VALIDATORS = { bankconnect: validators.validateBankConnectWebhook, ibanfirst: validators.validateIbanfirstDelivery };
const bodies = JSON.parse(readFileSync(0, "utf8"));
const ITERATIONS = Number(process.argv[2] ?? 200_000);
const REPEATS = 7;

/** Median ns per call of `fn(i)` over REPEATS timed loops, after one untimed loop to let the JIT settle. */
function nsPerCall(fn) {
  let sink = 0;
  for (let i = 0; i < ITERATIONS; i++) sink += fn(i) ? 1 : 0;
  const samples = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) sink += fn(i) ? 1 : 0;
    samples.push(Number(process.hrtime.bigint() - start) / ITERATIONS);
  }
  if (sink < 0) console.log(sink); // keeps the calls from being optimised away
  return samples.sort((a, b) => a - b)[REPEATS >> 1];
}

const results = {};
for (const [family, text] of Object.entries(bodies)) {
  const validate = VALIDATORS[family];
  // Several distinct objects in turn, as deliveries are.
  const texts = Array.from({ length: 64 }, (_, i) => text.replaceAll("[<id>]", `bench${String(i).padStart(22, "0")}`));
  const objects = texts.map((t) => JSON.parse(t));
  if (!objects.every((o) => validate(o))) throw new Error(`the ${family} bench body does not validate: ${JSON.stringify(validate.errors)}`);
  results[family] = {
    bytes: Buffer.byteLength(texts[0]),
    jsonParseNs: nsPerCall((i) => JSON.parse(texts[i & 63])),
    validateNs: nsPerCall((i) => validate(objects[i & 63])),
  };
}
process.stdout.write(JSON.stringify({ iterations: ITERATIONS, repeats: REPEATS, families: results }));
