import { createHash } from "node:crypto";
import type { AnyWebhookEvent } from "bankhooks";

export interface FaultRates {
  /** Seeds every roll: the same seed gives each (notification, call) the same fault, whatever the order. */
  seed: number;
  /** Share of calls that throw. */
  throwRate: number;
  /** Share of calls that outlast the receiver's timeoutMs (decided apart from throwing: some do both). */
  slowRate: number;
  /** How long a slow call takes, drawn between the two. */
  slowMs: [number, number];
}

export interface FlakyHandlerStats {
  calls: number;
  throws: number;
  slow: number;
  /** Calls that returned without throwing, by notification id. */
  succeeded: Map<string, number>;
  /** Calls that started while another call for the same id was still running: must stay 0. */
  overlaps: number;
  running: number;
}

/** [0, 1) from the seed, the notification, its call number and what is being decided. */
export function roll(seed: number, id: string, call: number, what: string): number {
  return createHash("sha256").update(`${seed}:${id}:${call}:${what}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** An onAny handler that fails as often as asked: it throws, or runs past timeoutMs, or both. */
export function createFlakyHandler(rates: FaultRates, onSuccess?: (id: string) => void) {
  const stats: FlakyHandlerStats = { calls: 0, throws: 0, slow: 0, succeeded: new Map(), overlaps: 0, running: 0 };
  const callsById = new Map<string, number>();
  const runningIds = new Set<string>();

  async function handler(event: AnyWebhookEvent): Promise<void> {
    const call = (callsById.get(event.id) ?? 0) + 1;
    callsById.set(event.id, call);
    stats.calls++;
    if (runningIds.has(event.id)) stats.overlaps++;
    runningIds.add(event.id);
    stats.running++;
    try {
      if (roll(rates.seed, event.id, call, "slow") < rates.slowRate) {
        stats.slow++;
        const [min, max] = rates.slowMs;
        await new Promise((resolve) => setTimeout(resolve, min + roll(rates.seed, event.id, call, "slowMs") * (max - min)));
      }
      if (roll(rates.seed, event.id, call, "throw") < rates.throwRate) {
        stats.throws++;
        throw new Error(`injected fault: ${event.id} call ${call}`);
      }
      stats.succeeded.set(event.id, (stats.succeeded.get(event.id) ?? 0) + 1);
      onSuccess?.(event.id);
    } finally {
      runningIds.delete(event.id);
      stats.running--;
    }
  }
  return { handler, stats };
}
