import { execFileSync } from "node:child_process";
import { join } from "node:path";

export interface MemoryStoreResult {
  full: {
    ids: number;
    heapBytes: number;
    rssBytes: number;
    heapAfterBytes: number;
    rssAfterBytes: number;
    bytesPerId: number;
    nsPerClaimAndComplete: number;
    firstStillDone: boolean;
    lastStillDone: boolean;
  };
  bounded: { maxEntries: number; idsClaimed: number; newestRemembered: number; oldestForgotten: boolean; heapBytesAboveFull: number };
}

/** memoryStore after `ids` distinct ids claimed and completed, in a fresh process with --expose-gc. */
export function measureMemoryStore(ids: number, boundedMaxEntries: number): MemoryStoreResult {
  const probe = join(__dirname, "probes", "memory-store-probe.js");
  const output = execFileSync(process.execPath, ["--expose-gc", probe, String(ids), String(boundedMaxEntries)], { encoding: "utf8" });
  return JSON.parse(output) as MemoryStoreResult;
}
