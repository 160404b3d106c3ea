import { describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { readFreshness } from '../../src/cache/freshness.js';
import type { ReadFreshness } from '../../src/cache/freshness.js';

type Case = [IncomingHttpHeaders, ReadFreshness];

describe('readFreshness', () => {
  it.each<Case>([
    [{}, 'cached'],
    [{ 'cache-control': 'no-cache' }, 'fresh'],
    [{ 'cache-control': 'No-Cache' }, 'fresh'],
    [{ 'cache-control': 'max-age=0' }, 'fresh'],
    [{ 'cache-control': 'max-age = 0' }, 'fresh'],
    [{ 'cache-control': 'max-age="0"' }, 'fresh'],
    [{ 'cache-control': 'max-age=00' }, 'fresh'],
    [{ 'cache-control': 'max-age=60' }, 'cached'],
    [{ 'cache-control': 'max-age=0123' }, 'cached'],
    [{ 'cache-control': 'no-store' }, 'freshUnstored'],
    [{ 'cache-control': 'no-cache, no-store' }, 'freshUnstored'],
    [{ 'cache-control': 'max-stale=5, no-cache' }, 'fresh'],
    [{ 'cache-control': 'no-transform' }, 'cached'],
    [{ pragma: 'no-cache' }, 'fresh'],
    [{ pragma: 'no-store' }, 'cached'],
    // Cache-Control wins over Pragma (RFC 9111 §5.4).
    [{ pragma: 'no-cache', 'cache-control': 'max-age=60' }, 'cached'],
  ])('%j → %s', (headers, expected) => {
    expect(readFreshness(headers)).toBe(expected);
  });
});
