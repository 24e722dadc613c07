import { randomUUID } from "node:crypto";

/**
 * The Redis that global-setup.js found. Without one, Redis tests are skipped on a developer's machine
 * and fail under CI=true: a green CI run must mean they ran.
 */
export function redisUrl(): string | undefined {
  return process.env.BANKHOOKS_TEST_REDIS_URL || undefined;
}

/** `describe` for tests that need Redis: see redisUrl(). */
export function describeWithRedis(name: string, body: (url: string) => void): void {
  const url = redisUrl();
  if (url) {
    describe(name, () => body(url));
    return;
  }
  const reason = process.env.BANKHOOKS_TEST_REDIS_MISSING ?? "no Redis found";
  if (process.env.CI === "true") {
    describe(name, () => {
      test("needs Redis", () => {
        throw new Error(`Redis is required under CI=true: ${reason}. Install redis-server or set BANKHOOKS_TEST_REDIS_URL.`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`skipping "${name}": ${reason}`);
  describe.skip(name, () => body(""));
}

/** A key prefix no other test uses, so tests can share one Redis. */
export function uniquePrefix(label: string): string {
  return `bankhooks-test:${label}:${randomUUID().slice(0, 8)}:`;
}
