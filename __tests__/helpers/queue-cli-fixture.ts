import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Webhooks } from "bankhooks";
import { uniquePrefix } from "./redis/use-redis";

export const QUEUE_APP = join(__dirname, "..", "cli", "fixtures", "queue-app.ts");

/**
 * Loads __tests__/cli/fixtures/queue-app.ts in this process with a fresh queue and prefix, and returns
 * the environment that makes a CLI process load the same configuration.
 */
export function loadQueueApp(url: string): { webhooks: Webhooks; env: Record<string, string>; prefix: string; close(): Promise<void> } {
  const prefix = uniquePrefix("cli");
  const env = { REDIS_URL: url, PREFIX: prefix, QUEUE: `cli-${randomUUID().slice(0, 8)}` };
  Object.assign(process.env, env);
  let app!: { webhooks: Webhooks; closeApp(): Promise<void> };
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    app = require(QUEUE_APP);
  });
  return { webhooks: app.webhooks, env, prefix, close: app.closeApp };
}
