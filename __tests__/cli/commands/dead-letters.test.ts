import { Redis } from "ioredis";
import type { Webhooks } from "bankhooks";
import { buildBankConnectPayload } from "bankhooks/testing";
import { eventually } from "../../helpers/queue-mode-behaviours";
import { QUEUE_APP, loadQueueApp } from "../../helpers/queue-cli-fixture";
import { describeWithRedis } from "../../helpers/redis/use-redis";
import { runCliProcess } from "../../helpers/run-cli-process";

describeWithRedis("bankhooks dead-letters", (url) => {
  let webhooks: Webhooks;
  let env: Record<string, string>;
  let close: () => Promise<void>;
  let redis: Redis;

  beforeAll(() => {
    ({ webhooks, env, close } = loadQueueApp(url));
    redis = new Redis(url);
  });
  afterAll(async () => {
    await close();
    await redis.quit();
  });

  test("says so when there are none", async () => {
    const run = await runCliProcess(["dead-letters", QUEUE_APP], env);
    expect(run).toMatchObject({ code: 0, stdout: "no dead letters\n" });
  });

  test("lists each event whose every attempt failed, as a table or as JSON", async () => {
    const payload = buildBankConnectPayload({ progress: "failed", reason: "password incorrect" });
    expect((await webhooks.receive("bankconnect", payload, { verify: false })).status).toBe(200);
    const worker = await webhooks.startWorker();
    await eventually(async () => (await webhooks.deadLetters()).length === 1);
    await worker.close();
    const [letter] = await webhooks.deadLetters();

    const table = await runCliProcess(["dead-letters", QUEUE_APP], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(`${letter.id}\tbankconnect.failed\t2 attempts\t${letter.failedAt.toISOString()}\tthe ledger is down\n`);

    const json = await runCliProcess(["dead-letters", QUEUE_APP, "--json"], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ id: letter.id, attempts: 2, error: "the ledger is down", event: expect.objectContaining({ payload }) }),
    ]);
  });

  test("bad arguments exit 2 with the usage", async () => {
    for (const args of [["dead-letters"], ["dead-letters", QUEUE_APP, "--table"], ["dead-letters", "no/such/module.js"]]) {
      const run = await runCliProcess(args, env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Usage: bankhooks dead-letters/);
    }
  });
});
