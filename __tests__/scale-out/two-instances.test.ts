import { randomUUID } from "node:crypto";
import http from "node:http";
import { Redis } from "ioredis";
import { bankConnectHeaders, buildBankConnectPayload, buildIbanfirstDelivery, buildIbanfirstNotification, ibanfirstHeaders } from "bankhooks/testing";
import { describeWithRedis, uniquePrefix } from "../helpers/redis/use-redis";
import { killAll, spawnTs } from "../helpers/spawn-process";

const DELIVERIES = 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

interface Delivery {
  path: "/bankconnect" | "/ibanfirst";
  body: object;
  /** The store keys of its events. */
  keys: string[];
}

function buildDeliveries(): Delivery[] {
  return Array.from({ length: DELIVERIES }, (_, i) => {
    if (i % 2 === 0) {
      const payload = buildBankConnectPayload();
      return { path: "/bankconnect", body: payload, keys: [] };
    }
    const notifications = Array.from({ length: 1 + (i % 3) }, () => buildIbanfirstNotification("transferUpdated"));
    return { path: "/ibanfirst", body: buildIbanfirstDelivery(notifications), keys: notifications.map((n) => `ibanfirst:${n.notificationId}`) };
  });
}

/** One POST as the provider makes it (fresh X-WSSE each time); a 503 is retried, as the provider would. */
async function deliver(port: number, delivery: Delivery): Promise<{ status: number; body: any; retries: number }> {
  for (let retries = 0; ; retries++) {
    const headers = delivery.path === "/ibanfirst" ? ibanfirstHeaders({ username: "acme", secret: "s3cret" }) : bankConnectHeaders("tok");
    const answer = await request(port, delivery.path, headers, JSON.stringify(delivery.body));
    if (answer.status !== 503 || retries > 50) return { ...answer, retries };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function request(port: number, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describeWithRedis("two receiver processes sharing one Redis", (url) => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(url);
  });
  afterAll(async () => {
    agent.destroy();
    await killAll();
    await redis.quit();
  });

  test("the same 1,000 deliveries sent to both at once: every event's handler ran exactly once", async () => {
    const prefix = uniquePrefix("two-instances");
    const env = { REDIS_URL: url, PREFIX: prefix, HANDLER_DELAY_MS: "5" };
    const servers = [spawnTs("__tests__/scale-out/fixtures/serve.ts", [], env), spawnTs("__tests__/scale-out/fixtures/serve.ts", [], env)];
    const ports = await Promise.all(servers.map(async (server) => Number((await server.waitFor(/listening (\d+)/))[1])));

    const deliveries = buildDeliveries();
    // BankConnect ids are derived from the payload, so they are counted after the run (one per delivery).
    const answers: Array<{ status: number; body: any; retries: number }> = [];
    let next = 0;
    const sendBoth = async () => {
      while (next < deliveries.length) {
        const delivery = deliveries[next++];
        answers.push(...(await Promise.all(ports.map((port) => deliver(port, delivery)))));
      }
    };
    await Promise.all(Array.from({ length: 16 }, sendBoth));

    expect(answers).toHaveLength(2 * DELIVERIES);
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);

    const handled = await redis.hgetall(`${prefix}handled`);
    const ibanfirstKeys = deliveries.flatMap((delivery) => delivery.keys);
    const bankconnectKeys = Object.keys(handled).filter((key) => key.startsWith("bankconnect:"));
    const totalEvents = ibanfirstKeys.length + DELIVERIES / 2;
    expect(bankconnectKeys).toHaveLength(DELIVERIES / 2);
    for (const key of ibanfirstKeys) expect([key, handled[key]]).toEqual([key, "1"]);
    expect(Object.values(handled).every((count) => count === "1")).toBe(true);
    expect(Object.keys(handled)).toHaveLength(totalEvents);
    // Each event reached both processes: one handled it, the other skipped it as a duplicate (a retry
    // after a 503 in_progress may count an event of its delivery again).
    const duplicates = answers.reduce((sum, answer) => sum + answer.body.duplicates, 0);
    expect(duplicates).toBeGreaterThanOrEqual(totalEvents);
  }, 120_000);
});
