import { afterEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const page = (...invoices: unknown[]) => ({ metaData: { totalCount: invoices.length }, invoices });

describe('one deadline per GraphQL request', () => {
  it('bounds a chain of dependent calls that each fit the per-call budget', async () => {
    // Each call takes 400 ms against 3 s per call; the request has 1 s. The chain
    // distribution → get-invoice → get-client needs 1.2 s: its last link (or, on a slow
    // machine, the one before) is aborted at the request's deadline or never sent.
    h = await startHarness({ totalTimeoutMs: 3_000, upstream: { requestTimeoutMs: 1_000 } });
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/distribution')
        ? { json: page(distributionRecord(610)), delayMs: 400 }
        : undefined;
    h.factorCloud.override = (request) => {
      if (request.path.includes('get-invoice'))
        return { json: factoringInvoice('610', 'CL-6'), delayMs: 400 };
      if (request.path.includes('get-client')) return { json: client('CL-6'), delayMs: 400 };
      return undefined;
    };

    const reply = await h.query('{ invoice(invoiceNumber: "610") { factoring { amount { amount } client { name } } } }');
    expect(reply.body.data?.invoice).not.toBeNull();
    expect(reply.body.errors).toHaveLength(1);
    const error = reply.body.errors?.[0];
    expect(error?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect([
      ['invoice', 'factoring'],
      ['invoice', 'factoring', 'client'],
    ]).toContainEqual(error?.path);
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1);
    // Nothing is sent twice, and the end of the chain at most once (aborted) or not at all.
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(1);
    expect(h.factorCloud.requestsTo('get-client').length).toBeLessThanOrEqual(1);
  });

  it('does not send a call whose turn comes after the deadline, and fails it with UPSTREAM_TIMEOUT', async () => {
    // One slot: the second lookup waits for the first, which outlasts the request's 300 ms.
    h = await startHarness({ maxConcurrency: 1, totalTimeoutMs: 3_000, upstream: { requestTimeoutMs: 300 } });
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/distribution') ? { json: page(), delayMs: 800 } : undefined;

    const reply = await h.query(
      '{ a: invoice(invoiceNumber: "1") { invoiceNumber } b: invoice(invoiceNumber: "2") { invoiceNumber } }',
    );
    expect(reply.body.data).toEqual({ a: null, b: null });
    expect(reply.body.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort()).toEqual([
      ['a', 'UPSTREAM_TIMEOUT'],
      ['b', 'UPSTREAM_TIMEOUT'],
    ]);
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1);
  });
});
