import type { Logger } from '../logger.js';
import { createPersistedQueryCache } from './apqCache.js';
import type { PersistedQueryCache } from './apqCache.js';
import type { CacheConfig, CacheMode } from './cacheConfig.js';
import { createMemoryStore } from './memoryStore.js';
import { ReadCache } from './readCache.js';
import type { CacheEventListener } from './readCache.js';
import { createRedisStore } from './redisStore.js';
import type { RedisStore } from './redisStore.js';
import { todayIsoDate } from '../lib/dates.js';
import { createUpstreamCache } from './upstreamCache.js';
import { createMemoryGuardStore, createRedisGuardStore } from '../writes/guardStore.js';
import { WriteGuard } from '../writes/writeGuard.js';
import type { UpstreamCache } from './upstreamCache.js';

export interface CachingOptions {
  logger: Logger;
  /** Every lookup, hit or miss (metrics: cache_requests_total{cache,result}). */
  onCacheEvent?: CacheEventListener;
  /** Clock of the in-process store's TTLs (ms); tests move it instead of waiting. */
  now?: () => number;
  /** Today as `YYYY-MM-DD` (UTC), for "has this window ended" (tests pin it). */
  today?: () => string;
}

/** Everything the cache configuration builds, for index.ts (and tests) to wire and close. */
export interface Caching {
  readonly mode: CacheMode;
  /** Undefined when caching is off. */
  readonly upstreamCache: UpstreamCache | undefined;
  /** Undefined: Apollo's own in-memory cache (no Redis configured). */
  readonly persistedQueries: PersistedQueryCache | undefined;
  /** Duplicate guards of writes: in Redis whenever REDIS_URL is set (any cache mode), else here. */
  readonly writeGuard: WriteGuard;
  /** Waits up to `timeoutMs` for Redis; true when connected or when there is no Redis. */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Builds the stores from the configuration: upstream reads in this process (LRU) or in Redis,
 * persisted queries in Redis whenever REDIS_URL is set (whatever the read cache's mode, since
 * sharing registrations is what lets any instance answer a hash-only request).
 */
export function createCaching(config: CacheConfig, options: CachingOptions): Caching {
  const redis: RedisStore | undefined = config.redisUrl
    ? createRedisStore({ url: config.redisUrl, ...config.redis, logger: options.logger })
    : undefined;
  const readStore =
    config.mode === 'redis'
      ? redis
      : config.mode === 'memory'
        ? createMemoryStore({ maxBytes: config.memoryMaxBytes, ...(options.now ? { now: options.now } : {}) })
        : undefined;
  const upstreamCache =
    readStore &&
    createUpstreamCache(
      new ReadCache({
        store: readStore,
        maxEntryBytes: config.maxEntryBytes,
        logger: options.logger,
        ...(options.onCacheEvent ? { onCacheEvent: options.onCacheEvent } : {}),
      }),
      {
        keyPrefix: config.keyPrefix,
        ttlSeconds: config.ttlSeconds,
        today: options.today ?? (() => todayIsoDate()),
      },
    );
  const persistedQueries =
    redis &&
    createPersistedQueryCache(redis, {
      keyPrefix: config.keyPrefix,
      ttlSeconds: config.apqTtlSeconds,
      ...(options.onCacheEvent ? { onCacheEvent: options.onCacheEvent } : {}),
    });
  const writeGuard = new WriteGuard(redis ? createRedisGuardStore(redis) : createMemoryGuardStore(), {
    ...config.writes,
    keyPrefix: config.keyPrefix,
  });
  return {
    mode: config.mode,
    upstreamCache,
    persistedQueries,
    writeGuard,
    ready: async (timeoutMs) => (redis ? redis.ready(timeoutMs) : true),
    async close() {
      await Promise.all([redis?.close(), readStore !== redis ? readStore?.close() : undefined]);
    },
  };
}
