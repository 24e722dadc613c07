import { Redis } from "ioredis";
import type { QueueWorker, Webhooks } from "bankhooks";
import { buildBankConnectPayload } from "bankhooks/testing";
import { eventually } from "../../helpers/queue-mode-behaviours";
import { QUEUE_APP, loadQueueApp } from "../../helpers/queue-cli-fixture";
import { describeWithRedis } from "../../helpers/redis/use-redis";
import { runCliProcess } from "../../helpers/run-cli-process";

describeWithRedis("bankhooks replay", (url) => {
  let webhooks: Webhooks;
  let env: Record<string, string>;
  let close: () => Promise<void>;
  let prefix: string;
  let redis: Redis;
  let worker: QueueWorker;

  beforeAll(async () => {
    ({ webhooks, env, prefix, close } = loadQueueApp(url));
    redis = new Redis(url);
    worker = await webhooks.startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await close();
    await redis.quit();
  });

  const deadLetter = async () => {
    const payload = buildBankConnectPayload();
    const before = (await webhooks.deadLetters()).length;
    expect((await webhooks.receive("bankconnect", payload, { verify: false })).status).toBe(200);
    await eventually(async () => (await webhooks.deadLetters()).length === before + 1);
    return payload;
  };
  const handled = () => redis.lrange(`${prefix}handled`, 0, -1);

  test("queues a dead letter again once its fault is fixed; a running worker handles it", async () => {
    await deadLetter();
    const [letter] = await webhooks.deadLetters();
    await redis.set(`${prefix}fixed`, "1");

    const run = await runCliProcess(["replay", QUEUE_APP, letter.id], env);
    expect(run).toMatchObject({ code: 0, stdout: `replayed ${letter.id}\n` });
    await eventually(async () => (await handled()).length === 1);
    expect(await handled()).toEqual([letter.event.id]);
    expect(await webhooks.deadLetters()).toEqual([]);

    const again = await runCliProcess(["replay", QUEUE_APP, letter.id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${letter.id} is not a dead letter`);
  });

  test("--all replays every dead letter", async () => {
    await redis.del(`${prefix}fixed`);
    await deadLetter();
    await deadLetter();
    await redis.set(`${prefix}fixed`, "1");
    const run = await runCliProcess(["replay", QUEUE_APP, "--all"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 replayed\n$/);
    await eventually(async () => (await handled()).length === 3);
  });

  test("bad arguments exit 2 with the usage", async () => {
    for (const args of [["replay", QUEUE_APP], ["replay"], ["replay", QUEUE_APP, "a", "b"]]) {
      const run = await runCliProcess(args, env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Usage: bankhooks replay/);
    }
  });
});
