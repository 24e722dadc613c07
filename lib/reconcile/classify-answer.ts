/** What became of one stored payload when it was run again. */
export type ReconcileOutcome = "handled" | "queued" | "skipped" | "failed";

/**
 * From the receiver's answer to one BankConnect payload (one event): 200 with a duplicate means it
 * had been handled before; a queue-mode 200 means a worker will handle it (and skip it if it had been);
 * any other 200 means its handlers ran now; anything else is a failure.
 */
export function classifyAnswer(status: number, body: unknown): ReconcileOutcome {
  if (status !== 200) return "failed";
  const { duplicates, queued } = (body && typeof body === "object" ? body : {}) as { duplicates?: unknown; queued?: unknown };
  if (queued === true) return "queued";
  return duplicates === 1 ? "skipped" : "handled";
}
