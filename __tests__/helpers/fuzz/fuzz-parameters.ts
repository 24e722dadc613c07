import type { Parameters } from "fast-check";

/**
 * fast-check parameters: FUZZ_RUNS cases per property (`npm run fuzz` sets many), else `defaultRuns`;
 * FUZZ_SEED replays a run. The seed is always chosen here, so that the figures can name it.
 */
export function fuzzParameters(defaultRuns: number): Parameters<unknown> & { numRuns: number; seed: number } {
  const numRuns = Number(process.env.FUZZ_RUNS) || defaultRuns;
  const seed = Number(process.env.FUZZ_SEED) || (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
  return { numRuns, seed, endOnFailure: true };
}
