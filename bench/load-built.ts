import { join } from "node:path";

// The bench measures what users run: the compiled package in dist/ (`npm run bench` builds it first), typed from
// lib/ so that this file type-checks even before a build.
const DIST = join(__dirname, "..", "dist");

export const loadBuilt = {
  index: () => require(join(DIST, "index.js")) as typeof import("../lib/index"),
  testing: () => require(join(DIST, "testing", "index.js")) as typeof import("../lib/testing/index"),
  validators: () => require(join(DIST, "validate", "validator.js")) as typeof import("../lib/validate/validator"),
  memoryStore: () => require(join(DIST, "store", "memory-store.js")) as typeof import("../lib/store/memory-store"),
};
