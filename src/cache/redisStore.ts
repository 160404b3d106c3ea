import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type * as IoRedis from 'ioredis';
import type { Logger } from '../logger.js';
import type { CacheStore } from './store.js';

export interface RedisStoreOptions {
  url: string;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  logger: Logger;
}

export interface RedisStore extends CacheStore {
  readonly kind: 'redis';
  /** True once connected; false when `timeoutMs` passes first (the store keeps reconnecting). */
  ready(timeoutMs: number): Promise<boolean>;
  /** SET NX PX: true when the key was free and now holds `value` (write guards, src/writes). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes `key` only while it still holds `value`: a claim that expired is not someone else's to drop. */
  deleteIfEqual(key: string, value: string): Promise<void>;
}

const DELETE_IF_EQUAL =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

/** ioredis is loaded when a Redis store is made: without `REDIS_URL` it is never loaded. */
const load = createRequire(import.meta.url);

/** After a failed command, commands are skipped this long: an outage costs no timeout per read. */
const COOL_OFF_MS = 1_000;

export class CacheUnavailableError extends Error {
  override readonly name = 'CacheUnavailableError';
  readonly code = 'CACHE_UNAVAILABLE';
}

/**
 * The Redis store. Built to fail fast rather than queue: no offline queue (a command while
 * disconnected fails at once), no per-command retries, a short command timeout, and a cool-off
 * after a failure. The connection itself keeps retrying with a capped backoff, so the cache comes
 * back by itself when Redis does. One warning per outage, one info line on recovery.
 */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const target = describe(options.url);
  const { Redis: RedisClient } = load('ioredis') as typeof IoRedis;
  const client = new RedisClient(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2_000),
    connectionName: 'invoice-graph-cache',
  });
  let down = false;
  let skipUntil = 0;
  const failed = (error: unknown) => {
    skipUntil = Date.now() + COOL_OFF_MS;
    if (down) return;
    down = true;
    options.logger.warn(
      { err: error, redis: target },
      'cache unavailable: serving upstream reads uncached until Redis is reachable again',
    );
  };
  client.on('error', failed);
  client.on('ready', () => {
    skipUntil = 0;
    if (!down) return;
    down = false;
    options.logger.info({ redis: target }, 'cache reachable again');
  });

  async function run<T>(command: () => Promise<T>): Promise<T> {
    if (Date.now() < skipUntil) throw new CacheUnavailableError(`Redis at ${target} is not available`);
    if (client.status !== 'ready') {
      // Disconnected (or still connecting): no command is sent or queued.
      const error = new CacheUnavailableError(`Redis at ${target} is not connected`);
      failed(error);
      throw error;
    }
    try {
      return await command();
    } catch (error) {
      failed(error);
      throw error;
    }
  }

  return {
    kind: 'redis',
    get: (key) => run(async () => (await client.get(key)) ?? undefined),
    set: (key, value, ttlMs) =>
      run(async () => {
        await client.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
      }),
    delete: (keys) =>
      run(async () => {
        if (keys.length) await client.del(...keys);
      }),
    counter: (key) => run(async () => Number((await client.get(key)) ?? 0) || 0),
    increment: (key) => run(() => client.incr(key)),
    setIfAbsent: (key, value, ttlMs) =>
      run(async () => (await client.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK'),
    deleteIfEqual: (key, value) =>
      run(async () => {
        await client.eval(DELETE_IF_EQUAL, 1, key, value);
      }),
    ready: (timeoutMs) => waitForReady(client, timeoutMs),
    async close() {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.quit().catch(() => client.disconnect());
    },
  };
}

function waitForReady(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.on('ready', onReady);
  });
}

/** Host, port and database for logs; never the password. */
function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
}
