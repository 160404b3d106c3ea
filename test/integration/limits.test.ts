import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';

/** The documented use: the largest page of invoices with distribution, payment-control case and factoring. */
const INVOICE_PAGE = `{
  invoices(first: 200) {
    totalCount
    nodes {
      invoiceNumber
      distribution { status method errors { code description } }
      paymentControl { status caseId case { stage balance { totalAmount { amount } } } }
      factoring { status amount { amount } client { name } }
    }
  }
}`;

function upstreamRequests(h: Harness): number {
  return h.confirma.requests.length + h.factorCloud.requests.length;
}

function expectRefused(reply: GraphQLReply, code: string, h: Harness): void {
  expect(reply.status).toBeLessThan(500);
  expect(reply.body.data).toBeUndefined();
  expect(reply.body.errors).toHaveLength(1);
  expect(reply.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(upstreamRequests(h)).toBe(0);
}

const aliased = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `i${i}: invoice(invoiceNumber: "${i}") { invoiceNumber }`).join(' ')} }`;

/**
 * These tests count calls and refusals; time budgets are not what they check. A page of 200
 * invoices is about 400 upstream calls, which on a loaded 2-core machine can take longer than the
 * harness's quick default budgets, so here the budgets (and the test's own timeout) are ones that
 * never fire.
 */
const NEVER_FIRING_BUDGETS = {
  connectTimeoutMs: 60_000,
  headersTimeoutMs: 60_000,
  bodyTimeoutMs: 60_000,
  totalTimeoutMs: 60_000,
};

describe('operation limits at their defaults', { timeout: 120_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ maxConcurrency: 16, upstream: NEVER_FIRING_BUDGETS });
    for (let n = 1; n <= 200; n += 1) {
      const invoiceNumber = 500_000 + n;
      h.confirma.records.push(distributionRecord(invoiceNumber));
      h.confirma.cases.set(
        String(480000 + (invoiceNumber % 1000)),
        caseReply(480000 + (invoiceNumber % 1000)),
      );
      h.factorCloud.invoices.set(
        String(invoiceNumber),
        factoringInvoice(String(invoiceNumber), `CL-${n % 7}`),
      );
    }
    for (let k = 0; k < 7; k += 1) h.factorCloud.clients.set(`CL-${k}`, client(`CL-${k}`));
  });
  afterAll(() => h.close());

  it('answers the documented page of 200 invoices with distribution, case and factoring with client', async () => {
    const reply = await h.query(INVOICE_PAGE);
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    const list = reply.body.data?.invoices as { nodes: Array<{ factoring: { client: { name: string } } }> };
    expect(list.nodes).toHaveLength(200);
    expect(list.nodes.every((node) => node.factoring.client.name.startsWith('Client CL-'))).toBe(true);
  });

  it('lets the page of 200 through with every per-invoice list selected too (cost 33,601)', async () => {
    const everything = `{ invoices(first: 200) { nodes { invoiceNumber
      distribution { status errors { code } }
      paymentControl { status case { stage balance { __typename } payments { paymentDate } events { type } actions { code } } }
      factoring { status client { name } clientDebtor { name } }
      payments { paymentDate }
      settlementAllocations { breakdown { type } } } } }`;
    const reply = await h.query(everything);
    expect(reply.status).toBe(200);
    const limitCodes = ['OPERATION_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS', 'OPERATION_TOO_COSTLY'];
    expect(reply.body.errors?.filter((e) => limitCodes.includes(String(e.extensions?.code))) ?? []).toEqual(
      [],
    );
    expect((reply.body.data?.invoices as { nodes: unknown[] }).nodes).toHaveLength(200);
  });

  it('answers 50 aliases and refuses 51 with TOO_MANY_ALIASES before any upstream call', async () => {
    h.resetRequests();
    expectRefused(await h.query(aliased(51)), 'TOO_MANY_ALIASES', h);
    const reply = await h.query(aliased(50));
    expect(reply.body.errors?.some((e) => e.extensions?.code === 'TOO_MANY_ALIASES')).toBeFalsy();
    expect(upstreamRequests(h)).toBeGreaterThan(0);
  });

  it('refuses a document over the token limit with TOO_MANY_TOKENS', async () => {
    h.resetRequests();
    const reply = await h.query(`{ ${'__typename '.repeat(5_001)}}`);
    expectRefused(reply, 'TOO_MANY_TOKENS', h);
    expect(reply.body.errors?.[0]?.message).toContain('more than 5000 tokens; at most 5000');
    // A client that asked for the GraphQL response media type gets the 4xx it prescribes.
    const strict = await h.query(`{ ${'__typename '.repeat(5_001)}}`, undefined, {
      accept: 'application/graphql-response+json',
    });
    expect(strict.status).toBe(400);
    expect(strict.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');
  });

  it('refuses an operation whose estimated cost is over the limit with OPERATION_TOO_COSTLY', async () => {
    h.resetRequests();
    // Three copies of every invoice's settlement allocations with their breakdowns:
    // 1 + 200 × (1 + 3 × 10 × (1 + 10)) = 66,201.
    const perInvoice = ['a', 'b', 'c'].map(
      (alias) => `${alias}: settlementAllocations { breakdown { type } }`,
    );
    const reply = await h.query(`{ invoices(first: 200) { nodes { ${perInvoice.join(' ')} } } }`);
    expectRefused(reply, 'OPERATION_TOO_COSTLY', h);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({ limit: 50_000, measured: 66_201 });
  });

  it('measures fragments once, so a fragment that doubles at every level is refused at once', async () => {
    h.resetRequests();
    const levels = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i + 1} on Invoice { ... on Invoice { ...F${i} } ... on Invoice { ...F${i} } }`,
    );
    const reply = await h.query(
      `{ invoice(invoiceNumber: "1") { ...F40 } } fragment F0 on Invoice { factoring { status } } ${levels.join(' ')}`,
    );
    expectRefused(reply, 'OPERATION_TOO_COSTLY', h);
  });

  it('refuses a batch (a JSON array body) with TOO_MANY_OPERATIONS before any upstream call', async () => {
    h.resetRequests();
    const response = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: INVOICE_PAGE }, { query: INVOICE_PAGE }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('TOO_MANY_OPERATIONS');
    expect(upstreamRequests(h)).toBe(0);
  });
});

describe('operation limits set lower', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ security: { limits: { maxDepth: 4, maxCost: 1_000, maxBatchOperations: 3 } } });
    h.confirma.records.push(distributionRecord(601));
  });
  afterAll(() => h.close());

  it('refuses a field nested deeper than the limit with OPERATION_TOO_DEEP, also through fragments', async () => {
    h.resetRequests();
    expectRefused(
      await h.query('{ invoices { nodes { paymentControl { case { stage } } } } }'),
      'OPERATION_TOO_DEEP',
      h,
    );
    expectRefused(
      await h.query(
        '{ invoices { ...N } } fragment N on InvoiceConnection { nodes { factoring { client { name } } } }',
      ),
      'OPERATION_TOO_DEEP',
      h,
    );
    const reply = await h.query('{ invoices { nodes { distribution { status } } } }');
    expect(reply.body.errors).toBeUndefined();
  });

  it('costs `_entities` by the representations the router sent', async () => {
    const query =
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { factoring { client { name } } } } }';
    const representations = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ __typename: 'Invoice', invoiceNumber: String(700 + i) }));
    h.resetRequests();
    // 334 × (1 + 1 + 1) = 1,002 > 1,000
    expectRefused(await h.query(query, { r: representations(334) }), 'OPERATION_TOO_COSTLY', h);
    const allowed = await h.query(query, { r: representations(333) });
    expect(allowed.body.errors?.some((e) => e.extensions?.code === 'OPERATION_TOO_COSTLY')).toBeFalsy();
    expect((allowed.body.data?._entities as unknown[]).length).toBe(333);
  });

  it('answers a batch up to the configured size and refuses a larger one', async () => {
    const post = (count: number) =>
      fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: count }, () => ({ query: '{ __typename }' }))),
      });
    const small = await post(3);
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual(Array.from({ length: 3 }, () => ({ data: { __typename: 'Query' } })));
    const large = await post(4);
    expect(large.status).toBe(400);
    expect(await large.text()).toContain('TOO_MANY_OPERATIONS');
  });
});
