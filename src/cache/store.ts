/**
 * Where cached text lives: in this process (memoryStore.ts) or in Redis (redisStore.ts). Values
 * are JSON text; counters are the per-tenant generations that invalidate lists. Every method may
 * reject when the backing store is unreachable: ReadCache treats that as "no cache", never as a
 * failed request.
 */
export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** A counter's value; 0 when it was never incremented. */
  counter(key: string): Promise<number>;
  /** Increments a counter and returns its new value. */
  increment(key: string): Promise<number>;
  close(): Promise<void>;
}

/** Seen once per outage: the first failure after a success, and the first success after that. */
export interface StoreHealth {
  failed(error: unknown): void;
  recovered(): void;
}
