import { join } from "node:path";
import { Redis } from "ioredis";
import type { Webhooks } from "bankhooks";
import { buildBankConnectPayload } from "bankhooks/testing";
import { eventually } from "../../helpers/queue-mode-behaviours";
import { QUEUE_APP, loadQueueApp } from "../../helpers/queue-cli-fixture";
import { describeWithRedis } from "../../helpers/redis/use-redis";
import { runCliProcess } from "../../helpers/run-cli-process";
import { killAll, spawnTs } from "../../helpers/spawn-process";

describeWithRedis("bankhooks worker", (url) => {
  let webhooks: Webhooks;
  let env: Record<string, string>;
  let close: () => Promise<void>;
  let prefix: string;
  let redis: Redis;

  beforeAll(() => {
    ({ webhooks, env, prefix, close } = loadQueueApp(url));
    redis = new Redis(url);
  });
  afterAll(async () => {
    await killAll();
    await close();
    await redis.quit();
  });

  test("runs the module's handlers on queued events, and stops cleanly on SIGTERM", async () => {
    await redis.set(`${prefix}fixed`, "1");
    const payloads = [buildBankConnectPayload(), buildBankConnectPayload()];
    for (const payload of payloads) await webhooks.receive("bankconnect", payload, { verify: false });

    const worker = spawnTs("lib/cli/main.ts", ["worker", QUEUE_APP, "--concurrency", "2"], env);
    await worker.waitFor(/running \(pid \d+\)/);
    await eventually(async () => (await redis.llen(`${prefix}handled`)) === 2);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).toMatch(/SIGTERM, finishing the events in flight\n.*stopped/s);
  }, 30_000);

  test("bad arguments exit 2 with a message naming the fix", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["worker"], /missing <module>/],
      [["worker", QUEUE_APP, "--concurrency", "0"], /--concurrency must be a positive number/],
      [["worker", QUEUE_APP, "--concurrency", "1.5"], /--concurrency must be a whole number/],
      [["worker", "no/such/module.js"], /cannot find the module/],
      [["worker", join(__dirname, "..", "fixtures", "no-export.js")], /must export its Webhooks instance/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliProcess(args, env);
      expect([args, run.code]).toEqual([args, 2]);
      expect(run.stderr).toMatch(message);
    }
  });
});
