import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { bullmqQueue, redisStore } from "bankhooks";
import { bankConnectHeaders, buildBankConnectPayload } from "bankhooks/testing";
import { TOKEN, createWebhooks } from "../helpers/create-webhooks";
import { post } from "../helpers/http-client";
import { describeQueueModeBehaviours } from "../helpers/queue-mode-behaviours";
import { describeWithRedis, uniquePrefix } from "../helpers/redis/use-redis";
import { closeServers, startServer } from "../helpers/start-server";

const queueName = () => `test-${randomUUID().slice(0, 8)}`;

describeWithRedis("bullmqQueue", (url) => {
  let client: Redis;
  beforeAll(() => {
    client = new Redis(url, { maxRetriesPerRequest: null });
  });
  afterAll(() => client.quit());

  describe("with a URL connection and a Redis store", () => {
    describeQueueModeBehaviours({
      queue: () => bullmqQueue({ connection: url, name: queueName(), retry: { attempts: 3, delayMs: 20 } }),
      store: () => redisStore({ client, prefix: uniquePrefix("queue") }),
    });
  });

  describe("with an ioredis instance as the connection", () => {
    describeQueueModeBehaviours({
      queue: () => bullmqQueue({ connection: client, name: queueName(), retry: { attempts: 3, delayMs: 20 } }),
      store: () => redisStore({ client, prefix: uniquePrefix("queue") }),
    });
  });

  test("jobs are durable: queued by one instance, handled by another created later", async () => {
    const name = queueName();
    const prefix = uniquePrefix("durable");
    const receiver = createWebhooks({ ack: "queue", queue: bullmqQueue({ connection: url, name }), idempotency: redisStore({ url, prefix }) });
    const middleware = receiver.middleware();
    const server = await startServer((req, res) => middleware(req, res));
    const payloads = [buildBankConnectPayload(), buildBankConnectPayload()];
    for (const payload of payloads) expect((await post(server.url, "/bankconnect", payload, bankConnectHeaders(TOKEN))).status).toBe(200);
    await closeServers();
    await receiver.close();

    const worker = createWebhooks({ ack: "queue", queue: bullmqQueue({ connection: url, name }), idempotency: redisStore({ url, prefix }) });
    const seen: string[] = [];
    worker.on("bankconnect.completed", (event) => void seen.push(event.payload.entity_id));
    const running = await worker.startWorker();
    const deadline = Date.now() + 10_000;
    while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await running.close();
    await worker.close();
    expect(seen).toEqual(payloads.map((p) => p.entity_id));
  });

  test("answers 503 queue_unavailable, within enqueueTimeoutMs, when Redis cannot be reached", async () => {
    const receiver = createWebhooks({
      ack: "queue",
      // Port 9 (discard) has no Redis: connecting fails and ioredis keeps retrying.
      queue: bullmqQueue({ connection: "redis://127.0.0.1:9", name: queueName() }),
      enqueueTimeoutMs: 300,
    });
    const middleware = receiver.middleware();
    const server = await startServer((req, res) => middleware(req, res));
    const started = Date.now();
    const answer = await post(server.url, "/bankconnect", buildBankConnectPayload(), bankConnectHeaders(TOKEN));
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ ok: false, error: "queue_unavailable" });
    expect(answer.headers["retry-after"]).toBe("60");
    expect(Date.now() - started).toBeLessThan(5000);
    await closeServers();
    await receiver.close().catch(() => {});
  });
});
