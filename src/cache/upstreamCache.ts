import type { ConfirmaClient, ConfirmaCredentials } from '../upstreams/confirma/client.js';
import type { FactorCloudClient, FactorCloudCredentials } from '../upstreams/factorcloud/client.js';
import { CONFIRMA_ENDPOINTS } from '../upstreams/confirma/endpoints.js';
import { FACTORCLOUD_ENDPOINTS } from '../upstreams/factorcloud/endpoints.js';
import { cachedEndpoints } from './cachedEndpoints.js';
import type { CachedClientDeps } from './cachedEndpoints.js';
import { CacheSession } from './cacheSession.js';
import type { TtlTable } from './cacheConfig.js';
import type { ReadFreshness } from './freshness.js';
import { credentialHash, partitionKey } from './keys.js';
import type { CacheAnswerListener, ReadCache } from './readCache.js';

/** Each upstream's cached wrapper, derived from its endpoint table once. */
const cachedConfirma = cachedEndpoints(CONFIRMA_ENDPOINTS);
const cachedFactorCloud = cachedEndpoints(FACTORCLOUD_ENDPOINTS);

export interface UpstreamClients {
  confirma: ConfirmaClient;
  factorCloud: FactorCloudClient;
}

/** Whose answers these are: the tenant and the credentials its requests use. */
export interface CacheTenant {
  id: string;
  confirma: ConfirmaCredentials;
  factorCloud: FactorCloudCredentials;
}

/** The cache as the per-request context sees it. */
export interface UpstreamCache {
  /**
   * The request's upstream clients with reads served through the cache and writes invalidating
   * it. Call once per request: the result remembers that request's list generations, and reads
   * past stored answers when the request asked for fresh data (`freshness`).
   */
  wrap(
    clients: UpstreamClients,
    tenant: CacheTenant,
    onAnswer?: CacheAnswerListener,
    freshness?: ReadFreshness,
  ): UpstreamClients;
  /** The TTLs answers are kept for (the schema's freshness sentences are built from them). */
  readonly ttlSeconds: TtlTable;
}

export interface UpstreamCacheSettings {
  /** Prepended to every key (CACHE_KEY_PREFIX). */
  keyPrefix: string;
  /** Seconds of each TTL setting. */
  ttlSeconds: TtlTable;
  /** Today's date (UTC, ISO): windows that ended before it are kept longer. */
  today: () => string;
}

export function createUpstreamCache(
  readCache: ReadCache,
  { keyPrefix, ttlSeconds, today }: UpstreamCacheSettings,
): UpstreamCache {
  return {
    ttlSeconds,
    wrap(clients, tenant, onAnswer, freshness) {
      const session = new CacheSession(readCache, onAnswer, freshness);
      // Read on every call: renewing the Confirma token replaces the key in place, and answers
      // fetched with the new key start a partition of their own.
      const confirmaPartition = memoized(
        () => tenant.confirma.apiKey,
        (apiKey) => partitionKey(keyPrefix, tenant.id, `c${credentialHash([apiKey])}`),
      );
      const factorCloudPartition = memoized(
        () => `${tenant.factorCloud.factorId}\n${tenant.factorCloud.systemKey}\n${tenant.factorCloud.apiKey}`,
        (joined) => partitionKey(keyPrefix, tenant.id, `f${credentialHash(joined.split('\n'))}`),
      );
      return new CachedClients(
        clients,
        { session, ttlSeconds, today, partition: confirmaPartition },
        { session, ttlSeconds, today, partition: factorCloudPartition },
      );
    },
  };
}

/**
 * The request's cached clients, each built when first used, like the clients it wraps (a class,
 * so a request that reads one client allocates that one and nothing for the other).
 */
class CachedClients implements UpstreamClients {
  #confirma: ConfirmaClient | undefined;
  #factorCloud: FactorCloudClient | undefined;

  constructor(
    private readonly clients: UpstreamClients,
    private readonly confirmaDeps: CachedClientDeps,
    private readonly factorCloudDeps: CachedClientDeps,
  ) {}

  get confirma(): ConfirmaClient {
    return (this.#confirma ??= cachedConfirma(this.clients.confirma, this.confirmaDeps));
  }
  get factorCloud(): FactorCloudClient {
    return (this.#factorCloud ??= cachedFactorCloud(this.clients.factorCloud, this.factorCloudDeps));
  }
}

/** `derive(input())`, recomputed only when the input changes (hashing on every read is waste). */
function memoized(input: () => string, derive: (value: string) => string): () => string {
  let last: { input: string; output: string } | undefined;
  return () => {
    const current = input();
    if (last?.input !== current) last = { input: current, output: derive(current) };
    return last.output;
  };
}
