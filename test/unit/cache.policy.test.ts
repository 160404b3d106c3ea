import { describe, expect, it } from 'vitest';
import { DEFAULT_TTLS } from '../../src/cache/cacheConfig.js';
import { isPlainJson, serializeAnswer } from '../../src/cache/jsonValue.js';
import { createMemoryStore } from '../../src/cache/memoryStore.js';
import { createTtlPolicy } from '../../src/cache/ttlPolicy.js';
import { UpstreamError } from '../../src/http/errors.js';
import type { DistributionPage, DistributionRecord } from '../../src/upstreams/confirma/client.js';

const policy = createTtlPolicy(DEFAULT_TTLS, () => '2026-11-22');

function record(status: string | null, paymentControl: DistributionRecord['paymentControl'] = null) {
  return {
    invoiceNumber: '1',
    status,
    method: 'EMAIL',
    message: null,
    createdAt: null,
    printedAt: null,
    distributedAt: null,
    fileUrl: null,
    paymentControl,
    errors: [],
  } satisfies DistributionRecord;
}
const page = (...records: DistributionRecord[]): DistributionPage => ({
  totalCount: records.length,
  successfulCount: null,
  failedCount: null,
  filtersApplied: null,
  entries: records.map((r) => ({ invoiceNumber: r.invoiceNumber, record: r })),
});

describe('TTL policy', () => {
  it('gives a distribution record in progress the short TTL, a delivered one the longer', () => {
    expect(policy.distributionLookup(page(record('PENDING')))).toBe(15);
    expect(policy.distributionLookup(page(record(null)))).toBe(15);
    expect(policy.distributionLookup(page(record('DELIVERED')))).toBe(120);
    const awaitingCase = {
      enabled: true,
      agency: 'CASH-IN',
      status: 'PENDING',
      caseId: null,
      activatedAt: null,
    };
    expect(policy.distributionLookup(page(record('DELIVERED', awaitingCase)))).toBe(15);
    expect(policy.distributionLookup(page())).toBe(DEFAULT_TTLS.notFound);
    expect(policy.distributionLookup(page(record('DELIVERED'), record('DELIVERED')))).toBe(30);
  });

  it('calls a window closed only once it ended before yesterday', () => {
    expect(policy.window('settlements', { fromDate: '2026-10-01', toDate: '2026-10-31' })).toBe(3_600);
    expect(policy.window('settlements', { toDate: '2026-11-20' })).toBe(3_600);
    expect(policy.window('settlements', { toDate: '2026-11-21' })).toBe(60);
    expect(policy.window('settlements', {})).toBe(60);
    expect(policy.window('payments', { toDate: '2026-10-31' })).toBe(600);
    expect(policy.window('payments', { fromDate: '2026-10-01' })).toBe(30);
  });

  it('reads sync status as pending while anything is pending or nothing is reported', () => {
    expect(policy.syncStatus([])).toBe(2);
    expect(policy.syncStatus([{ status: 1 }, { status: 0 }])).toBe(2);
    expect(policy.syncStatus([{ status: 1 }, { status: 7 }])).toBe(30);
    expect(policy.syncStatus([{ status: 1 }, { status: 1 }])).toBe(300);
  });

  it('treats a schedule as final only when every invoice is', () => {
    const paid = { status: 'FUNDED' as const, paidInFull: true };
    const open = { status: 'FUNDED' as const, paidInFull: false };
    expect(policy.schedule({ invoices: [paid, { status: 'CANCELLED', paidInFull: null }] })).toBe(3_600);
    expect(policy.schedule({ invoices: [paid, open] })).toBe(30);
    expect(policy.schedule({ invoices: [] })).toBe(30);
    expect(policy.schedule(null)).toBe(10);
  });
});

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
