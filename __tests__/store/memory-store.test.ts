import { memoryStore } from "bankhooks";

describe("memoryStore", () => {
  afterEach(() => jest.useRealTimers());

  test("claim → processing while held → done once completed", async () => {
    const store = memoryStore();
    expect(await store.claim("a", 1000)).toBe("claimed");
    expect(await store.claim("a", 1000)).toBe("processing");
    await store.complete("a");
    expect(await store.claim("a", 1000)).toBe("done");
  });

  test("a released id can be claimed again", async () => {
    const store = memoryStore();
    await store.claim("a", 1000);
    await store.release("a");
    expect(await store.claim("a", 1000)).toBe("claimed");
  });

  test("forgets handled ids after ttlSeconds, 4 days by default", async () => {
    jest.useFakeTimers({ now: 0 });
    const store = memoryStore();
    const short = memoryStore({ ttlSeconds: 60 });
    for (const s of [store, short]) {
      await s.claim("a", 1000);
      await s.complete("a");
    }
    jest.setSystemTime(61_000);
    expect(await short.claim("a", 1000)).toBe("claimed");
    expect(await store.claim("a", 1000)).toBe("done");
    jest.setSystemTime(4 * 24 * 3600 * 1000 + 1);
    expect(await store.claim("a", 1000)).toBe("claimed");
  });

  test("in-flight claims do not expire by time: they end when their handler does", async () => {
    jest.useFakeTimers({ now: 0 });
    const store = memoryStore({ ttlSeconds: 1 });
    await store.claim("a", 10);
    jest.setSystemTime(10 * 24 * 3600 * 1000);
    expect(await store.claim("a", 10)).toBe("processing");
  });

  test("keeps at most maxEntries, forgetting the oldest handled ids first", async () => {
    const store = memoryStore({ maxEntries: 3 });
    await store.claim("in-flight", 1000);
    for (const id of ["a", "b", "c"]) {
      await store.claim(id, 1000);
      await store.complete(id);
    }
    // "a" was the oldest handled id; the in-flight claim is older still but is kept.
    expect(await store.claim("a", 1000)).toBe("claimed");
    expect(await store.claim("in-flight", 1000)).toBe("processing");
    expect(await store.claim("c", 1000)).toBe("done");
  });

  test("refuses bad options", () => {
    expect(() => memoryStore({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => memoryStore({ ttlSeconds: -1 })).toThrow(/ttlSeconds/);
  });
});
