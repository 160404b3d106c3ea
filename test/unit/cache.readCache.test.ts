import { describe, expect, it } from 'vitest';
import { CacheSession } from '../../src/cache/cacheSession.js';
import { createMemoryStore } from '../../src/cache/memoryStore.js';
import { ReadCache } from '../../src/cache/readCache.js';
import type { CachedRead } from '../../src/cache/readCache.js';
import type { CacheStore } from '../../src/cache/store.js';
import { memoryLogger } from '../support/redisSubgraphs.js';

function setup(store: CacheStore = createMemoryStore({ maxBytes: 1_000_000 }), maxEntryBytes = 10_000) {
  const { logger, lines } = memoryLogger();
  const cache = new ReadCache({ store, maxEntryBytes, logger });
  return { session: new CacheSession(cache), lines };
}

/** A read whose upstream answers `value` and counts its calls. */
function counted<T>(value: () => T, gate: Promise<void> = Promise.resolve()) {
  const calls = { count: 0 };
  const spec: CachedRead<T> = {
    partition: 'test:r1:t1:cabc',
    resource: 'test.thing',
    params: ['42'],
    ttlSeconds: () => 60,
    load: async () => {
      calls.count += 1;
      await gate;
      return value();
    },
  };
  return { spec, calls };
}

describe('ReadCache', () => {
  it('does not store an answer whose key a write invalidated while it was being read', async () => {
    const { session } = setup();
    let open!: () => void;
    const { spec, calls } = counted(() => ({ name: 'before the write' }), new Promise((r) => (open = r)));
    const reading = session.read(spec);
    await session.invalidate([session.keyOf(spec.partition, spec.resource, spec.params)]);
    open();
    expect(await reading).toEqual({ name: 'before the write' });
    await session.read(spec);
    expect(calls.count).toBe(2);
  });

  it('hands every reader its own copy', async () => {
    const { session } = setup();
    const { spec } = counted(() => ({ list: [1, 2] }));
    const first = await session.read(spec);
    first.list.push(3);
    expect(await session.read(spec)).toEqual({ list: [1, 2] });
  });

  it('reads upstream, uncached, when the store fails, and never throws its error', async () => {
    const failing: CacheStore = {
      kind: 'redis',
      get: () => Promise.reject(new Error('connection refused')),
      set: () => Promise.reject(new Error('connection refused')),
      delete: () => Promise.reject(new Error('connection refused')),
      counter: () => Promise.reject(new Error('connection refused')),
      increment: () => Promise.reject(new Error('connection refused')),
      close: async () => undefined,
    };
    const { session, lines } = setup(failing);
    const { spec, calls } = counted(() => ({ ok: true }));
    expect(await session.read(spec)).toEqual({ ok: true });
    expect(await session.read({ ...spec, scope: 'lists' })).toEqual({ ok: true });
    await session.invalidate(['some-key']);
    await session.bump(spec.partition, 'lists');
    expect(calls.count).toBe(2);
    expect(lines.filter((line) => line.includes('cache invalidation failed'))).toHaveLength(2);
  });

  it('does not keep answers that are not plain JSON, too large, or with a zero TTL', async () => {
    const { session } = setup(undefined, 100);
    const answers: Array<() => unknown> = [
      () => ({ error: new Error('one record broke the contract') }),
      () => ({ text: 'x'.repeat(200) }),
    ];
    for (const value of answers) {
      const { spec, calls } = counted(value);
      await session.read(spec);
      await session.read(spec);
      expect(calls.count).toBe(2);
    }
    const { spec, calls } = counted(() => ({ small: true }));
    await session.read({ ...spec, ttlSeconds: () => 0 });
    await session.read({ ...spec, ttlSeconds: () => 0 });
    expect(calls.count).toBe(2);
  });
});
