import { Redis } from "ioredis";
import { redisStore } from "bankhooks";
import { describeWithRedis, uniquePrefix } from "../helpers/redis/use-redis";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis("redisStore", (url) => {
  let client: Redis;
  beforeAll(() => {
    client = new Redis(url);
  });
  afterAll(() => client.quit());

  const store = (options: { ttlSeconds?: number } = {}) => redisStore({ client, prefix: uniquePrefix("store"), ...options });

  test("claim → processing while held → done once completed", async () => {
    const s = store();
    expect(await s.claim("a", 10_000)).toBe("claimed");
    expect(await s.claim("a", 10_000)).toBe("processing");
    await s.complete("a");
    expect(await s.claim("a", 10_000)).toBe("done");
  });

  test("two stores on one prefix (two processes) see each other's claims", async () => {
    const prefix = uniquePrefix("shared");
    const [a, b] = [redisStore({ client, prefix }), redisStore({ client, prefix })];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim("x", 10_000)));
    expect(results.filter((r) => r === "claimed")).toHaveLength(1);
    await (results.findIndex((r) => r === "claimed") % 2 ? a : b).complete("x");
    expect(await a.claim("x", 10_000)).toBe("done");
    expect(await b.claim("x", 10_000)).toBe("done");
  });

  test("a released id can be claimed again", async () => {
    const s = store();
    await s.claim("a", 10_000);
    await s.release("a");
    expect(await s.claim("a", 10_000)).toBe("claimed");
  });

  test("the claim of a process that died expires after its lease", async () => {
    const s = store();
    expect(await s.claim("a", 100)).toBe("claimed");
    await sleep(150);
    expect(await s.claim("a", 100)).toBe("claimed");
  });

  test("extend renews the lease of a claim this store holds, and reports a lost one", async () => {
    const prefix = uniquePrefix("extend");
    const [holder, other] = [redisStore({ client, prefix }), redisStore({ client, prefix })];
    await holder.claim("a", 150);
    for (let i = 0; i < 4; i++) {
      await sleep(80);
      expect(await holder.extend!("a", 150)).toBe(true);
    }
    expect(await other.claim("a", 150)).toBe("processing");
    await sleep(200); // lapsed: another process takes it over
    expect(await other.claim("a", 10_000)).toBe("claimed");
    expect(await holder.extend!("a", 150)).toBe(false);
    // Releasing a claim lost to another process must not free theirs.
    await holder.release("a");
    expect(await holder.claim("a", 10_000)).toBe("processing");
  });

  test("forgets handled ids after ttlSeconds", async () => {
    const s = store({ ttlSeconds: 1 });
    await s.claim("a", 10_000);
    await s.complete("a");
    expect(await s.claim("a", 10_000)).toBe("done");
    await sleep(1100);
    expect(await s.claim("a", 10_000)).toBe("claimed");
  });

  test("keys live under the prefix, with the TTL set on handled ids", async () => {
    const prefix = uniquePrefix("keys");
    const s = redisStore({ client, prefix, ttlSeconds: 3600 });
    await s.claim("ibanfirst:n1", 10_000);
    await s.complete("ibanfirst:n1");
    expect(await client.get(`${prefix}id:ibanfirst:n1`)).toBe("done");
    const ttl = await client.ttl(`${prefix}id:ibanfirst:n1`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  test("with { url } it opens its own connection and close() quits it", async () => {
    const s = redisStore({ url, prefix: uniquePrefix("url") });
    expect(await s.claim("a", 10_000)).toBe("claimed");
    await s.close!();
    await expect(s.claim("b", 10_000)).rejects.toThrow();
  });

  test("refuses bad options with a clear message", () => {
    expect(() => redisStore({} as never)).toThrow(/pass \{ client \}/);
    expect(() => redisStore({ client, ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });
});
