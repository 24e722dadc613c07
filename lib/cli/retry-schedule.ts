/** iBanFirst retries a delivery that was not answered 2xx every hour for 3 days: 72 retries after the first attempt. */
export const IBANFIRST_RETRIES = 72;
export const IBANFIRST_RETRY_INTERVAL_MS = 3_600_000;

/** "1 h", "36 s", "10 ms": for progress lines. */
export function formatDuration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${+(ms / 1000).toFixed(3)} s`;
  return `${+ms.toFixed(3)} ms`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
