import { BoundedTtlMap, NO_EXPIRY } from "../../lib/store/bounded-ttl-map";

describe("BoundedTtlMap", () => {
  test("answers undefined for expired keys and drops them", () => {
    const map = new BoundedTtlMap(10);
    map.set("a", 100, 0);
    expect(map.get("a", 99)).toBe(100);
    expect(map.get("a", 100)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  test("sweeps expired entries from the front on every write", () => {
    const map = new BoundedTtlMap(10);
    map.set("a", 10, 0);
    map.set("b", 20, 0);
    map.set("c", 1000, 25);
    expect(map.size).toBe(1);
  });

  test("never holds more than maxEntries expiring entries", () => {
    const map = new BoundedTtlMap(100);
    for (let i = 0; i < 10_000; i++) map.set(`k${i}`, 1e12, 0);
    expect(map.size).toBe(100);
    expect(map.get("k9999", 0)).toBe(1e12);
    expect(map.get("k0", 0)).toBeUndefined();
  });

  test("does not evict entries without expiry", () => {
    const map = new BoundedTtlMap(2);
    map.set("held", NO_EXPIRY, 0);
    map.set("a", 1e12, 0);
    map.set("b", 1e12, 0);
    expect(map.get("held", 0)).toBe(NO_EXPIRY);
    expect(map.get("a", 0)).toBeUndefined();
    expect(map.get("b", 0)).toBe(1e12);
  });
});
