import { randomUUID } from "node:crypto";
import { loadPeer } from "../optional/load-peer";
import type { ClaimResult, IdempotencyStore } from "./idempotency-store";

/** The few commands the store sends; an ioredis `Redis` (or `Cluster`) instance has them. */
export interface RedisClientLike {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** An ioredis client; the store does not close it. */
  client?: RedisClientLike;
  /** Or a Redis URL: the store opens (and on close() quits) its own ioredis connection. */
  url?: string;
  /** Prepended to every key. Default "bankhooks:". */
  prefix?: string;
  /** How long a handled id is remembered. Default 4 days: iBanFirst retries for 3. */
  ttlSeconds?: number;
}

const FOUR_DAYS_SECONDS = 4 * 24 * 60 * 60;
const DONE = "done";

// Each script is one atomic step: no other client can act between its GET and its write.
const CLAIM = `
if redis.call("SET", KEYS[1], ARGV[1], "NX", "PX", ARGV[2]) then return "claimed" end
if redis.call("GET", KEYS[1]) == "${DONE}" then return "done" end
return "processing"`;
// Only the holder's token may release or extend: an expired claim taken over by another process is theirs.
const RELEASE = `
if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;
const EXTEND = `
if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end
return 0`;

/**
 * An idempotency store shared by every process that uses the same Redis: a retry that lands on another
 * instance is still a duplicate. A claim is a key with a lease (`SET NX PX`), so the claims of a process
 * that died expire instead of blocking their events forever.
 */
export function redisStore(options: RedisStoreOptions): IdempotencyStore {
  const ttlSeconds = options.ttlSeconds ?? FOUR_DAYS_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new TypeError(`redisStore: ttlSeconds must be a positive integer, got ${JSON.stringify(options.ttlSeconds)}`);
  }
  const prefix = options.prefix ?? "bankhooks:";
  const client = options.client ?? connect(options.url);
  const ownsClient = !options.client;
  // The token of each claim this process holds, so that it only ever releases or extends its own.
  const tokens = new Map<string, string>();
  const key = (id: string) => `${prefix}id:${id}`;

  return {
    async claim(id: string, leaseMs: number): Promise<ClaimResult> {
      const token = `claim:${randomUUID()}`;
      const result = (await client.eval(CLAIM, 1, key(id), token, Math.ceil(leaseMs))) as ClaimResult;
      if (result === "claimed") tokens.set(id, token);
      return result;
    },
    async complete(id: string): Promise<void> {
      // Unconditional: the handler succeeded, whoever holds the claim now.
      await client.eval(`return redis.call("SET", KEYS[1], "${DONE}", "EX", ARGV[1])`, 1, key(id), ttlSeconds);
      tokens.delete(id);
    },
    async release(id: string): Promise<void> {
      const token = tokens.get(id);
      tokens.delete(id);
      if (token) await client.eval(RELEASE, 1, key(id), token);
    },
    async extend(id: string, leaseMs: number): Promise<boolean> {
      const token = tokens.get(id);
      if (!token) return false;
      return (await client.eval(EXTEND, 1, key(id), token, Math.ceil(leaseMs))) === 1;
    },
    async close(): Promise<void> {
      if (ownsClient) await client.quit();
    },
  };
}

function connect(url: string | undefined): RedisClientLike {
  if (!url) throw new TypeError("redisStore: pass { client } (an ioredis instance) or { url }");
  const { Redis } = loadPeer<typeof import("ioredis")>("ioredis", "redisStore()");
  return new Redis(url);
}
