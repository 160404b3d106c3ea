import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * Confirma marks what `GET /settlements?unfetchedOnly=true` returns as fetched (confirma.md §4.10),
 * so that read is a write: only `Mutation.fetchNewSettlements` sends it, once, never cached.
 */
const ONE = `{"createdAt":"2026-11-20T09:34:12.123Z","settlements":[
  {"settlementId":202611200001,"settlementDate":"2026-11-20","agency":"CASH-IN","remittanceReference":null,
   "beneficiary":null,"settlementAmount":10.00,"currency":"EUR","apiFetchDate":null,"allocations":[]}]}`;
const FETCH =
  'mutation { fetchNewSettlements(filter: { from: "2026-11-01", to: "2026-11-22" }) { settlements { settlementId } } }';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.settlementsJson = ONE;
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

const settlementCalls = () => h.confirma.requestsTo('/settlements');

describe('Query.settlements', () => {
  it('refuses unfetchedOnly before calling Confirma: a query must not consume anything', async () => {
    const { body } = await h.query('{ settlements(filter: { unfetchedOnly: true }) { createdAt } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toContain('unfetchedOnly');
    expect(settlementCalls()).toHaveLength(0);
  });

  it('reads a window without unfetchedOnly, so the same read answers the same settlements', async () => {
    const query =
      '{ settlements(filter: { from: "2026-11-01", to: "2026-11-22" }) { nodes { settlementId } } }';
    const first = await h.query(query);
    const second = await h.query(query);
    expect(second.body).toEqual(first.body);
    expect(first.body.data).toEqual({ settlements: { nodes: [{ settlementId: '202611200001' }] } });
    expect(first.headers.get('cache-control')).toBe('max-age=60, private');
    expect(settlementCalls().map((r) => r.query.unfetchedOnly)).toEqual([undefined, undefined]);
  });
});

describe('Mutation.fetchNewSettlements', () => {
  it('asks Confirma for unfetched settlements, each call on its own, and says no-store', async () => {
    const first = await h.query(FETCH);
    expect(first.body).toEqual({
      data: { fetchNewSettlements: { settlements: [{ settlementId: '202611200001' }] } },
    });
    expect(first.headers.get('cache-control')).toBe('no-store');
    await h.query(FETCH);
    expect(settlementCalls().map((r) => r.query)).toEqual([
      { fromDate: '2026-11-01', toDate: '2026-11-22', unfetchedOnly: 'true' },
      { fromDate: '2026-11-01', toDate: '2026-11-22', unfetchedOnly: 'true' },
    ]);
  });

  it('is sent once on a 503, never retried: Confirma may already have marked them', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/settlements') ? { status: 503, json: { message: 'busy' } } : undefined;
    const { body } = await h.query(FETCH);
    expect(body.data).toEqual({ fetchNewSettlements: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['fetchNewSettlements'], 'UPSTREAM_UNAVAILABLE'],
    ]);
    expect(settlementCalls()).toHaveLength(1);
  });

  it('is not part of the query type, so a router cannot retry or de-duplicate it as a read', async () => {
    const { body } = await h.query('{ fetchNewSettlements { createdAt } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(settlementCalls()).toHaveLength(0);
  });
});
