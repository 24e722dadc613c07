import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { buildIbanfirstDelivery, buildIbanfirstNotification, ibanfirstHeaders } from "bankhooks/testing";
import { post } from "../helpers/http-client";
import { describeWithRedis, uniquePrefix } from "../helpers/redis/use-redis";
import { killAll, spawnTs } from "../helpers/spawn-process";

const CLI = "lib/cli/main.ts";
const APP = "__tests__/scale-out/fixtures/receiver-app.ts";

describeWithRedis("queue mode: a worker killed with SIGKILL mid-flight", (url) => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(url);
  });
  afterAll(async () => {
    await killAll();
    await redis.quit();
  });

  test("every event answered 200 is handled once a worker runs again; none lost", async () => {
    const prefix = uniquePrefix("kill-worker");
    const env = { REDIS_URL: url, PREFIX: prefix, QUEUE: `kill-${randomUUID().slice(0, 8)}`, HANDLER_DELAY_MS: "60" };
    const server = spawnTs("__tests__/scale-out/fixtures/serve.ts", [], env);
    const port = Number((await server.waitFor(/listening (\d+)/))[1]);
    const base = `http://127.0.0.1:${port}`;

    const keys: string[] = [];
    for (let i = 0; i < 60; i++) {
      const notifications = Array.from({ length: 5 }, () => buildIbanfirstNotification("transferCreated"));
      const answer = await post(base, "/ibanfirst", buildIbanfirstDelivery(notifications), ibanfirstHeaders({ username: "acme", secret: "s3cret" }));
      expect(answer.status).toBe(200);
      keys.push(...notifications.map((n) => `ibanfirst:${n.notificationId}`));
    }
    const handledCount = async () => Object.keys(await redis.hgetall(`${prefix}handled`)).length;
    expect(await handledCount()).toBe(0); // answered from the queue, before any handler ran

    const first = spawnTs(CLI, ["worker", APP], env);
    await first.waitFor(/running/);
    await waitFor(async () => (await handledCount()) >= 40);
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const handledBeforeKill = await handledCount();
    expect(handledBeforeKill).toBeLessThan(keys.length); // it really died mid-flight

    const second = spawnTs(CLI, ["worker", APP], env);
    await second.waitFor(/running/);
    await waitFor(async () => (await handledCount()) === keys.length, 60_000);

    const handled = await redis.hgetall(`${prefix}handled`);
    expect(keys.filter((key) => !handled[key])).toEqual([]); // none lost
    // At-least-once: only events in flight when the worker died (5 at a time) may have run twice.
    const twice = Object.values(handled).filter((count) => count !== "1").length;
    expect(twice).toBeLessThanOrEqual(5);

    // SIGTERM stops a worker cleanly, after the events in flight.
    second.child.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
