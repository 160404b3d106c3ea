import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';

const NUMBERS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { invoiceNumber } } }`;

/** What a router asks of a page of invoices it got from another subgraph: 6 calls each. */
const PAGE_FIELDS = `query ($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Invoice {
      invoiceNumber
      distribution { status }
      paymentControl { status case { stage } }
      factoring { amount { amount } client { name } }
    }
  }
}`;

const invoices = (count: number, from = 900_000) =>
  Array.from({ length: count }, (_, i) => ({ __typename: 'Invoice', invoiceNumber: String(from + i) }));

function upstreamCalls(h: Harness): number {
  return h.confirma.requests.length + h.factorCloud.requests.length;
}

function expectRefused(reply: GraphQLReply, code: string, h: Harness): string {
  expect(reply.status).toBeLessThan(500);
  expect(reply.body.data).toBeUndefined();
  expect(reply.body.errors).toHaveLength(1);
  expect(reply.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(upstreamCalls(h)).toBe(0);
  return reply.body.errors?.[0]?.message ?? '';
}

describe('_entities: the cap on the upstream calls representations cause', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ maxConcurrency: 16, security: { limits: { maxEntityCalls: 100 } } });
    h.confirma.records.push(distributionRecord(900_000));
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetRequests());

  it('refuses representations that would cause more calls than the cap, before any upstream call', async () => {
    // 101 lookups of 1 call each, far under the general cost limit of 50,000.
    const message = expectRefused(await h.query(NUMBERS, { r: invoices(101) }), 'OPERATION_TOO_COSTLY', h);
    expect(message).toContain('about 101 upstream calls; at most 100');
    // The fields selected on each entity are calls too: 17 × 6 = 102.
    expectRefused(await h.query(PAGE_FIELDS, { r: invoices(17) }), 'OPERATION_TOO_COSTLY', h);
  });

  it('counts a repeated representation once, as the loaders look it up once', async () => {
    const same = Array.from({ length: 150 }, () => ({ __typename: 'Invoice', invoiceNumber: '900000' }));
    const reply = await h.query(NUMBERS, { r: same });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?._entities).toHaveLength(150);
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1);
  });

  it('answers up to the cap', async () => {
    const reply = await h.query(NUMBERS, { r: invoices(100) });
    expect(reply.body.errors).toBeUndefined();
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(100);
  });
});

describe('_entities: malformed representations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetRequests());

  it.each([
    ['a missing key', { __typename: 'Invoice' }, 'representations[1].invoiceNumber is missing'],
    [
      'a key given as an object',
      { __typename: 'Invoice', invoiceNumber: { n: 1 } },
      'representations[1].invoiceNumber is an object',
    ],
    [
      'a key given as a number',
      { __typename: 'Client', clientKey: 5 },
      'needs clientKey as a non-empty string',
    ],
    ['an unknown type', { __typename: 'Payment', id: '1' }, 'expected one of Invoice, Client, Debtor'],
    ['no type', { invoiceNumber: '1' }, '__typename null'],
    ['a representation that is not an object', 'Invoice:1', 'must be an object'],
  ])('answers %s with BAD_USER_INPUT and calls no upstream', async (_name, bad, wording) => {
    const reply = await h.query(NUMBERS, { r: [...invoices(1), bad] });
    const message = expectRefused(reply, 'BAD_USER_INPUT', h);
    expect(message).toContain(wording);
  });

  it('checks representations written in the document as well', async () => {
    const reply = await h.query('{ _entities(representations: [{ __typename: "Invoice" }]) { __typename } }');
    expect(expectRefused(reply, 'BAD_USER_INPUT', h)).toContain('invoiceNumber is missing');
  });
});

describe('_entities at the default limits', () => {
  let h: Harness;
  beforeAll(async () => {
    // Budgets wide enough for 1,000 lookups on a busy machine: this is about the cap, not speed.
    h = await startHarness({
      maxConcurrency: 16,
      totalTimeoutMs: 60_000,
      upstream: { requestTimeoutMs: 60_000 },
    });
  });
  afterAll(() => h.close());

  it("answers a router's page of 1,000 invoices from another subgraph", async () => {
    const reply = await h.query(PAGE_FIELDS, { r: invoices(1_000) });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?._entities).toHaveLength(1_000);
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1_000);
  });
});
