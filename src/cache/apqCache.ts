import type { CacheEventListener } from './readCache.js';
import type { CacheStore } from './store.js';

/** Apollo's KeyValueCache contract (`@apollo/utils.keyvaluecache`), as persisted queries use it. */
export interface PersistedQueryCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * Automatic persisted queries over the shared store, so a query registered through one instance
 * is known to all. Tenant-agnostic on purpose: the entries are query texts keyed by their own
 * SHA-256, the same for every tenant, and carry no tenant data.
 *
 * A store failure is a cache miss: the client then sends the full query again
 * (PERSISTED_QUERY_NOT_FOUND), which is the protocol's own fallback.
 */
export function createPersistedQueryCache(
  store: CacheStore,
  options: { keyPrefix: string; ttlSeconds: number; onCacheEvent?: CacheEventListener },
): PersistedQueryCache {
  // Apollo adds its own `apq:` to the key.
  const keyOf = (key: string) => `${options.keyPrefix}${key}`;
  return {
    async get(key) {
      const text = await store.get(keyOf(key)).catch(() => undefined);
      options.onCacheEvent?.('apq', text === undefined ? 'miss' : 'hit');
      return text;
    },
    async set(key, value, setOptions) {
      const ttlSeconds = setOptions?.ttl ?? options.ttlSeconds;
      await store.set(keyOf(key), value, ttlSeconds * 1_000).catch(() => undefined);
    },
    async delete(key) {
      return store.delete([keyOf(key)]).then(
        () => true,
        () => false,
      );
    },
  };
}
