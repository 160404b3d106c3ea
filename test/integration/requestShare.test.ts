import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as wait } from 'node:timers/promises';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { invoiceNumber } } }`;
const invoices = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ __typename: 'Invoice', invoiceNumber: String(700_000 + i) }));
const DISTRIBUTION = '/invoice/distribution';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await wait(5);
}

describe('sharing an upstream between requests', () => {
  it("sends a second request's call with the next free slot, ahead of a large request's backlog", async () => {
    h = await startHarness({ maxConcurrency: 2, totalTimeoutMs: 30_000 });
    const harness = h;
    harness.confirma.records.push(distributionRecord(555));
    // Every lookup but the small request's takes a while, so the large request keeps both
    // slots busy with a backlog queued behind them.
    harness.confirma.override = (request) =>
      request.path.endsWith(DISTRIBUTION) && request.query.invoiceNumber !== '555'
        ? { json: { metaData: { totalCount: 0 }, invoices: [] }, delayMs: 200 }
        : undefined;

    const large = harness.query(ENTITIES, { r: invoices(24) });
    await until(() => harness.confirma.requestsTo(DISTRIBUTION).length >= 2);
    const sentBefore = harness.confirma.requestsTo(DISTRIBUTION).length;
    const small = await harness.query('{ invoice(invoiceNumber: "555") { invoiceNumber } }');
    expect(small.body).toEqual({ data: { invoice: { invoiceNumber: '555' } } });

    const order = harness.confirma.requestsTo(DISTRIBUTION).map((r) => r.query.invoiceNumber);
    const position = order.indexOf('555');
    // Served in turn: at most the calls of a slot or two that freed while the small request was
    // on its way in went first, not the large request's remaining ~22.
    expect(position - sentBefore).toBeLessThanOrEqual(4);
    const done = await large;
    expect(done.body.errors).toBeUndefined();
    expect(harness.confirma.requestsTo(DISTRIBUTION)).toHaveLength(25);
  });
});

describe('time spent queueing inside the subgraph', () => {
  it('is not counted against a healthy upstream: the breaker stays closed and /readyz ready', async () => {
    // Two slots, 300 ms per lookup, 1 s per call: calls sent late in their budget and calls
    // still queued at its end time out here, though the upstream answered every call it got
    // in 300 ms. A breaker that opens after two consecutive failures would notice any blame.
    h = await startHarness({
      maxConcurrency: 2,
      totalTimeoutMs: 1_000,
      upstream: { breaker: { failureThreshold: 2, cooldownMs: 60_000 } },
    });
    const harness = h;
    harness.confirma.override = (request) =>
      request.path.endsWith(DISTRIBUTION)
        ? { json: { metaData: { totalCount: 0 }, invoices: [] }, delayMs: 300 }
        : undefined;

    const reply = await harness.query(ENTITIES, { r: invoices(12) });
    const codes = new Set(reply.body.errors?.map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(['UPSTREAM_TIMEOUT']));
    expect(harness.confirma.requestsTo(DISTRIBUTION).length).toBeLessThan(12);

    expect(harness.pools.confirmaHttp.breakerState()).toBe('closed');
    const ready = await fetch(new URL('/readyz', harness.url));
    expect(ready.status).toBe(200);
    // And the next caller is served, not refused by an open breaker.
    harness.confirma.override = undefined;
    harness.confirma.records.push(distributionRecord(556));
    const next = await harness.query('{ invoice(invoiceNumber: "556") { invoiceNumber } }');
    expect(next.body).toEqual({ data: { invoice: { invoiceNumber: '556' } } });
  });
});
