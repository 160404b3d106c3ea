import { LRUCache } from 'lru-cache';

/**
 * Where the duplicate guards of writes live (src/writes/writeGuard.ts): claims on keys while a
 * write runs, and the records a replay is answered from. In this process without REDIS_URL, in
 * Redis with it, so every replica sees the same claims. Every method may reject when Redis is
 * unreachable; the guard then refuses the write rather than send it unguarded.
 */
export interface GuardStore {
  readonly kind: 'memory' | 'redis';
  /** Stores `value` only if `key` is free (SET NX PX); true when it did. */
  claim(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  /** Overwrites `key` (a claim becomes the record of what happened). */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  /** Drops `key` only while it still holds `value`. */
  release(key: string, value: string): Promise<void>;
}

/**
 * The in-process store. Bounded by entry count so a flood of distinct writes cannot exhaust
 * memory; 100 000 records outlast any plausible write rate within the idempotency TTL, and an
 * evicted record only turns a replay into a fresh, still per-window guarded, write.
 */
export function createMemoryGuardStore(now: () => number = Date.now): GuardStore {
  const entries = new LRUCache<string, string>({
    max: 100_000,
    ttlAutopurge: false,
    perf: { now },
    ttlResolution: 0,
  });
  return {
    kind: 'memory',
    async claim(key, value, ttlMs) {
      if (entries.has(key)) return false;
      entries.set(key, value, { ttl: ttlMs });
      return true;
    },
    async get(key) {
      return entries.get(key);
    },
    async put(key, value, ttlMs) {
      entries.set(key, value, { ttl: ttlMs });
    },
    async release(key, value) {
      if (entries.get(key) === value) entries.delete(key);
    },
  };
}

/**
 * What the Redis guard store needs of a Redis connection: the cache's RedisStore has it, and
 * writes/ stays below cache/ (the cache module builds both).
 */
export interface SharedKeyValues {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** SET NX PX: true when the key was free and now holds `value`. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes `key` only while it still holds `value`. */
  deleteIfEqual(key: string, value: string): Promise<void>;
}

export function createRedisGuardStore(redis: SharedKeyValues): GuardStore {
  return {
    kind: 'redis',
    claim: (key, value, ttlMs) => redis.setIfAbsent(key, value, ttlMs),
    get: (key) => redis.get(key),
    put: (key, value, ttlMs) => redis.set(key, value, ttlMs),
    release: (key, value) => redis.deleteIfEqual(key, value),
  };
}
