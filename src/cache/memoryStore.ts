import { LRUCache } from 'lru-cache';
import type { CacheStore } from './store.js';

export interface MemoryStoreOptions {
  /** Upper bound of the stored text, in bytes (UTF-16: two per character, keys included). */
  maxBytes: number;
  /** Clock of the TTLs, in milliseconds; tests move it instead of waiting. */
  now?: () => number;
}

/**
 * The in-process store: an LRU bounded by memory, not by entry count, so a few large pages and
 * many small records share one budget. Generations are kept apart in a plain map: evicting one
 * would bring back entries it had invalidated, and there are only a few per tenant.
 */
export function createMemoryStore(options: MemoryStoreOptions): CacheStore {
  const entries = new LRUCache<string, string>({
    maxSize: options.maxBytes,
    sizeCalculation: (value, key) => Math.max(1, (value.length + key.length) * 2),
    // Expired entries are dropped when read, not on a timer.
    ttlAutopurge: false,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  });
  const counters = new Map<string, number>();
  return {
    kind: 'memory',
    async get(key) {
      return entries.get(key);
    },
    async set(key, value, ttlMs) {
      // An entry larger than the whole budget is refused by lru-cache itself (not stored).
      entries.set(key, value, { ttl: ttlMs });
    },
    async delete(keys) {
      for (const key of keys) entries.delete(key);
    },
    async counter(key) {
      return counters.get(key) ?? 0;
    },
    async increment(key) {
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    async close() {
      entries.clear();
    },
  };
}
