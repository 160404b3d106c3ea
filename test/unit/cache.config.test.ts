import { describe, expect, it } from 'vitest';
import { DEFAULT_TTLS, TTL_ENV } from '../../src/cache/cacheConfig.js';
import { ConfigError, loadConfig, secretsOf } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('cache configuration', () => {
  it('defaults to the in-process cache with the documented TTLs', () => {
    const { cache } = loadConfig({});
    expect(cache.mode).toBe('memory');
    expect(cache.redisUrl).toBeUndefined();
    expect(cache.ttlSeconds).toEqual(DEFAULT_TTLS);
    expect(cache.memoryMaxBytes).toBe(64 * 1024 * 1024);
    expect(cache.apqTtlSeconds).toBe(86_400);
  });

  it('uses Redis when REDIS_URL is set, unless CACHE_MODE says otherwise', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379/2' }).cache).toMatchObject({
      mode: 'redis',
      redisUrl: 'redis://cache:6379/2',
    });
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379', CACHE_MODE: 'memory' }).cache.mode).toBe('memory');
  });

  it('switches caching off with CACHE_ENABLED=false or CACHE_MODE=off', () => {
    expect(loadConfig({ CACHE_ENABLED: 'false' }).cache.mode).toBe('off');
    expect(loadConfig({ CACHE_MODE: 'off', REDIS_URL: 'redis://cache:6379' }).cache.mode).toBe('off');
  });

  it('reads each TTL from its own variable', () => {
    const { cache } = loadConfig({ [TTL_ENV.caseClosed]: '7200', [TTL_ENV.syncPending]: '0' });
    expect(cache.ttlSeconds).toEqual({ ...DEFAULT_TTLS, caseClosed: 7_200, syncPending: 0 });
    expect(TTL_ENV.caseClosed).toBe('CACHE_TTL_CASE_CLOSED_SECONDS');
  });

  it('reports every cache problem by variable name at once', () => {
    expect(
      problemsOf({
        CACHE_MODE: 'redis',
        CACHE_TTL_CASE_OPEN_SECONDS: '-1',
        CACHE_MEMORY_MAX_BYTES: 'lots',
        REDIS_URL: 'http://cache:6379',
      }),
    ).toEqual([
      'REDIS_URL: must be a redis:// or rediss:// URL such as redis://cache:6379/0',
      'CACHE_MEMORY_MAX_BYTES: must be an integer from 1048576 to 17179869184, got a value that is not a number',
      'CACHE_TTL_CASE_OPEN_SECONDS: must be an integer from 0 to 604800, got -1',
    ]);
    expect(problemsOf({ CACHE_MODE: 'redis' })).toEqual([
      'CACHE_MODE: redis needs REDIS_URL (e.g. redis://cache:6379/0)',
    ]);
    expect(problemsOf({ CACHE_ENABLED: 'false', CACHE_MODE: 'memory' })).toEqual([
      'CACHE_ENABLED: false contradicts CACHE_MODE=memory; set one of them',
    ]);
  });

  it('treats the Redis password as a secret to redact', () => {
    const config = loadConfig({ REDIS_URL: 'redis://:s3cret%2Fpass@cache:6379/0' });
    expect(secretsOf(config)).toContain('s3cret/pass');
  });
});
