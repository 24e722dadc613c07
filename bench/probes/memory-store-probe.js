"use strict";
// Run with --expose-gc: how much memory memoryStore keeps per id it remembers, and that maxEntries bounds it.
//   node --expose-gc memory-store-probe.js <ids> <boundedMaxEntries>
// Prints one JSON line.
const { createHash } = require("node:crypto");
const { join } = require("node:path");
const { memoryStore } = require(join(__dirname, "..", "..", "dist", "store", "memory-store.js"));

const ids = Number(process.argv[2] ?? 1_000_000);
const boundedMax = Number(process.argv[3] ?? 100_000);

// Keys exactly as the pipeline makes them: "<family>:<event id>", a BankConnect id being a SHA-256 in
// base64url (43 characters: the longest id either family has).
function key(n) {
  const id = createHash("sha256").update(`entity-${n}`).digest("base64url");
  const family = "bankconnect";
  return `${family}:${id}`;
}

async function remember(store, count) {
  for (let n = 0; n < count; n++) {
    const id = key(n);
    if ((await store.claim(id, 900_000)) !== "claimed") throw new Error(`id ${n} was not new`);
    await store.complete(id);
  }
}

function settledMemory() {
  for (let i = 0; i < 4; i++) global.gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

async function main() {
  // Warm the code paths on a throw-away store, so that compiled code is not counted as data.
  await remember(memoryStore({ maxEntries: 10_000 }), 20_000);
  const before = settledMemory();
  const store = memoryStore({ maxEntries: ids });
  const start = process.hrtime.bigint();
  await remember(store, ids);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const after = settledMemory();
  const full = {
    ids,
    heapBytes: after.heapUsed - before.heapUsed,
    rssBytes: after.rss - before.rss,
    heapAfterBytes: after.heapUsed,
    rssAfterBytes: after.rss,
    bytesPerId: (after.heapUsed - before.heapUsed) / ids,
    nsPerClaimAndComplete: (seconds * 1e9) / ids,
    // Still remembered: the first and the last.
    firstStillDone: (await store.claim(key(0), 900_000)) === "done",
    lastStillDone: (await store.claim(key(ids - 1), 900_000)) === "done",
  };

  // The bound: 10× as many ids as maxEntries; exactly the newest maxEntries stay remembered.
  const bounded = memoryStore({ maxEntries: boundedMax });
  await remember(bounded, boundedMax * 10);
  let newestDone = 0;
  for (let n = boundedMax * 10 - 1; n >= boundedMax * 9; n--) if ((await bounded.claim(key(n), 900_000)) === "done") newestDone++;
  const justOlder = await bounded.claim(key(boundedMax * 9 - 1), 900_000);
  const afterBounded = settledMemory();
  process.stdout.write(
    JSON.stringify({
      full,
      bounded: {
        maxEntries: boundedMax,
        idsClaimed: boundedMax * 10,
        newestRemembered: newestDone,
        // "claimed" means forgotten: it could be taken afresh.
        oldestForgotten: justOlder === "claimed",
        heapBytesAboveFull: afterBounded.heapUsed - after.heapUsed,
      },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
