import { describe, expect, it } from 'vitest';
import { isPlainJson, serializeAnswer } from '../../src/cache/jsonValue.js';
import { createMemoryStore } from '../../src/cache/memoryStore.js';
import { UpstreamError } from '../../src/http/errors.js';

describe('what may be cached', () => {
  it('accepts plain JSON data and keeps money strings and safe integers exact', () => {
    const value = {
      amount: '12345678901234567.89',
      id: '9007199254740993',
      count: 9_007_199_254_740_991,
      skip: undefined,
    };
    expect(isPlainJson(value)).toBe(true);
    expect(JSON.parse(serializeAnswer(value) ?? '')).toEqual({
      amount: '12345678901234567.89',
      id: '9007199254740993',
      count: 9_007_199_254_740_991,
    });
  });

  it('refuses what JSON would change: errors, bigints, dates, unsafe integers, NaN', () => {
    const broken = new UpstreamError('UPSTREAM_BAD_RESPONSE', 'a record broke the contract', {
      upstream: 'confirma',
      endpoint: 'invoice/distribution',
    });
    for (const value of [
      { entries: [{ error: broken }] },
      { n: 1n },
      { at: new Date(0) },
      { n: 2 ** 53 },
      [Number.NaN],
      [undefined],
    ]) {
      expect(isPlainJson(value)).toBe(false);
      expect(serializeAnswer(value)).toBeUndefined();
    }
  });
});

describe('the in-process store', () => {
  it('stays within its byte budget by evicting the least recently used entries', async () => {
    const store = createMemoryStore({ maxBytes: 10_000 });
    const value = 'x'.repeat(1_000);
    for (let i = 0; i < 20; i += 1) await store.set(`key-${i}`, value, 60_000);
    const kept = (await Promise.all(Array.from({ length: 20 }, (_, i) => store.get(`key-${i}`)))).filter(
      Boolean,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length * (value.length + 'key-00'.length) * 2).toBeLessThanOrEqual(10_000);
    expect(await store.get('key-19')).toBe(value);
    expect(await store.get('key-0')).toBeUndefined();
  });
});
