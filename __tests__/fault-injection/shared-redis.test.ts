// Fault injection across two receiver processes sharing one Redis (redisStore): the simulated iBanFirst
// sender sends each attempt to either process at random, so a retry often lands on the process that did
// not see the first attempt. Handlers throw on 30% of calls and outlast timeoutMs on 5%. At the end every
// notification was handled successfully exactly once, across both processes.

import { Redis } from "ioredis";
import { buildBatches, createRandom } from "../helpers/fault-injection/build-batches";
import { CREDENTIAL } from "../helpers/create-webhooks";
import { recordFigures } from "../helpers/record-figures";
import { describeWithRedis, uniquePrefix } from "../helpers/redis/use-redis";
import { simulateIbanfirstSender } from "../helpers/simulate-ibanfirst-sender";
import { killAll, spawnTs } from "../helpers/spawn-process";

const SEED = Number(process.env.FAULT_SEED) || 20260314;
const NOTIFICATIONS = Number(process.env.FAULT_NOTIFICATIONS) || 10_000;
// Twice the single process's: each event costs Redis round trips, and a shared 2-core CI machine makes
// plain deliveries of 20 events outlast 50 ms often enough to push retries toward the sender's 72.
const TIMEOUT_MS = 100;
const HOUR_MS = 100;

describeWithRedis("fault injection: two receiver processes sharing Redis", (url) => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(url);
  });
  afterAll(async () => {
    await killAll();
    await redis.quit();
  });

  test(`${NOTIFICATIONS} notifications, each attempt to either process: none lost, none handled twice`, async () => {
    const prefix = uniquePrefix("fault-injection");
    const receivers = await Promise.all(
      [1, 2].map(async (n) => {
        const env = { REDIS_URL: url, PREFIX: prefix, SEED: String(SEED + n), TIMEOUT_MS: String(TIMEOUT_MS), SLOW_MAX_MS: String(3 * HOUR_MS) };
        const receiver = spawnTs("__tests__/fault-injection/fixtures/flaky-receiver.ts", [], env);
        const port = Number((await receiver.waitFor(/listening (\d+)/))[1]);
        return { receiver, url: `http://127.0.0.1:${port}` };
      }),
    );

    const deliveries = buildBatches(NOTIFICATIONS, SEED);
    const random = createRandom(SEED);
    const started = Date.now();
    const sender = await simulateIbanfirstSender(deliveries, {
      target: () => receivers[random() < 0.5 ? 0 : 1].url,
      credential: CREDENTIAL,
      hourMs: HOUR_MS,
      concurrency: 64,
    });

    // Handlers that outlasted their 503 may still be finishing their own events.
    const stats = async () => {
      const keys = await redis.keys(`${prefix}stats:*`);
      const all = await Promise.all(keys.map((key) => redis.hgetall(key)));
      const sum = (field: string) => all.reduce((total, one) => total + Number(one[field] ?? 0), 0);
      return { processes: all.length, calls: sum("calls"), throws: sum("throws"), slow: sum("slow"), overlaps: sum("overlaps"), running: sum("running") };
    };
    const deadline = Date.now() + 10_000;
    while ((await stats()).running > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const totals = await stats();

    const succeeded = await redis.hgetall(`${prefix}succeeded`);
    const ids = deliveries.flatMap((delivery) => delivery.notifications.map((notification) => notification.notificationId));
    const lost = ids.filter((id) => !succeeded[id]);
    const twice = ids.filter((id) => Number(succeeded[id]) > 1);
    recordFigures("fault-injection-shared-redis", {
      seed: SEED,
      processes: receivers.length,
      hourMs: HOUR_MS,
      timeoutMs: TIMEOUT_MS,
      notifications: ids.length,
      deliveries: sender.deliveries,
      attempts: sender.attempts,
      maxAttemptsOfOneDelivery: sender.maxAttempts,
      answers: sender.answers,
      handlerCalls: totals.calls,
      faultsInjected: { throws: totals.throws, pastTimeout: totals.slow },
      givenUp: sender.givenUp.length,
      eventsLost: lost.length,
      handledTwice: twice.length,
      overlappingRunsWithinAProcess: totals.overlaps,
      durationMs: Date.now() - started,
    });

    expect(totals.processes).toBe(2);
    expect(sender.givenUp).toEqual([]);
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    expect(totals.overlaps).toBe(0);
    expect(totals.throws).toBeGreaterThan(NOTIFICATIONS * 0.25);
    expect(totals.slow).toBeGreaterThan(NOTIFICATIONS * 0.03);
    for (const answer of Object.keys(sender.answers)) expect(["ok", "500 handler_failed", "503 timeout", "503 in_progress"]).toContain(answer);
  }, 300_000);
});
