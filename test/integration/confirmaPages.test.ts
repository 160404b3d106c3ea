import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/**
 * Payments, settlements and the two accounting status reads as cursor connections over a fake
 * Confirma that pages nothing: every page is cut from one window read.
 */

function payment(day: number, caseId: number, amount: string) {
  const date = `2026-11-${String(day).padStart(2, '0')}T00:00:00Z`;
  return {
    caseId,
    invoiceNumber: String(1000 + caseId),
    invoicePaymentReference: `RF${caseId}`,
    originalPaymentReference: `RF${caseId}`,
    accountName: 'ACME Oy',
    bookingDate: date,
    paymentDate: date,
    amount,
    currency: 'EUR',
  };
}

function settlement(id: number, day: number) {
  return {
    settlementId: id,
    settlementDate: `2026-11-${String(day).padStart(2, '0')}`,
    agency: 'CASH-IN',
    remittanceReference: null,
    beneficiary: null,
    settlementAmount: 10,
    currency: 'EUR',
    apiFetchDate: null,
    allocations: [],
  };
}

// Upstream order differs from the documented one; two payments are identical in every field.
const PAYMENTS = [
  payment(5, 3, '30.00'),
  payment(1, 2, '20.00'),
  payment(1, 1, '10.00'),
  payment(9, 4, '40.00'),
  payment(3, 5, '50.00'),
  payment(3, 5, '50.00'),
  payment(7, 6, '60.00'),
];
// Ids by value, not as text: 99 comes before 100 on the same day.
const SETTLEMENTS = [
  settlement(100, 2),
  settlement(99, 2),
  settlement(202611200001, 1),
  settlement(7, 20),
  settlement(8, 5),
];
const LEDGERS = ['l-c', 'l-a', 'l-b', 'l-e', 'l-d'].map((id, i) => ({
  sourceIdentifier: id,
  documentDate: `2025-10-${String(10 + (i % 3)).padStart(2, '0')}`,
  documentName: id,
  documentStatus: 'Approved',
  syncDate: null,
  status: 1,
  description: 'Successfully synced',
}));
const PAYMENT_STATUSES = ['p-3', 'p-1', 'p-2', 'p-4'].map((id, i) => ({
  sourceIdentifier: id,
  invoiceNumber: '12345',
  paymentDate: `2025-10-${String(14 + (i % 2)).padStart(2, '0')}`,
  syncDate: null,
  status: 0,
  description: 'Pending',
}));

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    endCursor: string | null;
    startCursor: string | null;
  };
  edges: Array<{ cursor: string; node: Record<string, unknown> }>;
}

const CONNECTIONS = {
  payments: { node: 'paymentDate caseId amount { amount }', path: '/payments' },
  settlements: { node: 'settlementId settlementDate', path: '/settlements' },
  ledgerSyncStatus: { node: 'sourceIdentifier documentDate', path: '/accounting/ledger' },
  accountingPaymentSyncStatus: { node: 'sourceIdentifier paymentDate', path: '/accounting/payment' },
} as const;
type ConnectionName = keyof typeof CONNECTIONS;

const pageQuery = (name: ConnectionName, extra = '') =>
  `query ($first: Int, $after: String, $last: Int, $before: String) {
    ${name}(first: $first, after: $after, last: $last, before: $before) {
      totalCount ${extra} pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${CONNECTIONS[name].node} } } } }`;

async function readPage(h: Harness, name: ConnectionName, variables: Record<string, unknown>): Promise<Page> {
  const { body } = await h.query(pageQuery(name), variables);
  expect(body.errors).toBeUndefined();
  return body.data?.[name] as Page;
}

/** Every node, page by page forward, `size` at a time. */
async function walk(h: Harness, name: ConnectionName, size: number): Promise<Array<Record<string, unknown>>> {
  const nodes: Array<Record<string, unknown>> = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await readPage(h, name, { first: size, after });
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.paymentsJson = JSON.stringify(PAYMENTS);
  h.confirma.settlementsJson = JSON.stringify({
    createdAt: '2026-11-22T08:00:00Z',
    settlements: SETTLEMENTS,
  });
  h.confirma.ledgerStatusJson = JSON.stringify({ ledgers: LEDGERS });
  h.confirma.paymentStatusJson = JSON.stringify({ payments: PAYMENT_STATUSES });
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

describe('Confirma cursor connections', () => {
  const ORDERS: Record<ConnectionName, string[]> = {
    payments: ['1', '2', '5', '5', '3', '6', '4'],
    settlements: ['202611200001', '99', '100', '8', '7'],
    ledgerSyncStatus: ['l-c', 'l-e', 'l-a', 'l-d', 'l-b'],
    accountingPaymentSyncStatus: ['p-2', 'p-3', 'p-1', 'p-4'],
  };
  const idOf = (name: ConnectionName, node: Record<string, unknown>) =>
    String(
      name === 'payments' ? node.caseId : name === 'settlements' ? node.settlementId : node.sourceIdentifier,
    );

  it.each(Object.keys(ORDERS) as ConnectionName[])(
    '%s: pages of 1, 2, 3 and 200 list each record once, in the documented order, one list call a page',
    async (name) => {
      for (const size of [1, 2, 3, 200]) {
        h.resetRequests();
        const nodes = await walk(h, name, size);
        expect(nodes.map((node) => idOf(name, node))).toEqual(ORDERS[name]);
        const pages = Math.max(1, Math.ceil(ORDERS[name].length / size));
        expect(h.confirma.requestsTo(CONNECTIONS[name].path)).toHaveLength(pages);
      }
    },
  );

  it.each(Object.keys(ORDERS) as ConnectionName[])(
    '%s: pages backwards with last/before to the same records',
    async (name) => {
      const all = await readPage(h, name, { first: 200 });
      const tail = await readPage(h, name, { last: 2 });
      expect(tail.edges.map((e) => e.cursor)).toEqual(all.edges.slice(-2).map((e) => e.cursor));
      expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
      const before = await readPage(h, name, { last: 2, before: tail.pageInfo.startCursor });
      expect(before.edges.map((e) => e.cursor)).toEqual(all.edges.slice(-4, -2).map((e) => e.cursor));
      expect(tail.totalCount).toBe(ORDERS[name].length);
    },
  );

  it.each(Object.keys(ORDERS) as ConnectionName[])(
    '%s: first over 200 is BAD_USER_INPUT naming `first`, with no upstream call',
    async (name) => {
      const { body } = await h.query(pageQuery(name), { first: 201 });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/^first: .*0 to 200/);
      expect(body.data?.[name]).toBeNull();
      expect(h.confirma.requests).toHaveLength(0);
    },
  );

  it('refuses a cursor of another connection before calling Confirma', async () => {
    const page = await readPage(h, 'payments', { first: 1 });
    h.resetRequests();
    const { body } = await h.query(pageQuery('settlements'), { after: page.pageInfo.endCursor });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('keeps the payer’s name and references out of payment cursors', async () => {
    const page = await readPage(h, 'payments', { first: 7 });
    for (const { cursor } of page.edges) {
      const text = Buffer.from(cursor, 'base64url').toString('utf8');
      expect(text).not.toMatch(/ACME|RF\d/);
    }
  });

  it('keeps the list-level createdAt on every settlements page', async () => {
    const { body } = await h.query(pageQuery('settlements', 'createdAt'), { first: 2 });
    expect(body.data?.settlements).toMatchObject({ createdAt: '2026-11-22T08:00:00Z', totalCount: 5 });
  });

  it('payments added and removed between pages: the payments still there are listed once, none skipped', async () => {
    try {
      const first = await readPage(h, 'payments', { first: 3 });
      expect(first.edges.map((e) => e.node.caseId)).toEqual(['1', '2', '5']);
      // Removed: case 2 (already read) and case 3 (not yet read). Added: one before the cursor
      // (case 7, on the 2nd) and one after it (case 8, on the 8th).
      const changed = [
        ...PAYMENTS.filter((p) => p.caseId !== 2 && p.caseId !== 3),
        payment(2, 7, '70.00'),
        payment(8, 8, '80.00'),
      ];
      h.confirma.paymentsJson = JSON.stringify(changed);
      const rest: string[] = [];
      let after = first.pageInfo.endCursor;
      for (;;) {
        const page = await readPage(h, 'payments', { first: 2, after });
        rest.push(...page.edges.map((e) => String(e.node.caseId)));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      // The second identical case-5 payment, then everything after the cursor that is still
      // there or new; the payment added before the cursor belongs to pages already read.
      expect(rest).toEqual(['5', '6', '8', '4']);
    } finally {
      h.confirma.paymentsJson = JSON.stringify(PAYMENTS);
    }
  });

  it('settlements added and removed between pages: none skipped, none repeated', async () => {
    const json = (list: unknown[]) =>
      JSON.stringify({ createdAt: '2026-11-22T08:00:00Z', settlements: list });
    try {
      const first = await readPage(h, 'settlements', { first: 2 });
      expect(first.edges.map((e) => e.node.settlementId)).toEqual(['202611200001', '99']);
      // The last settlement read (99) and the next one (100) are gone; 98 joins on the 2nd.
      h.confirma.settlementsJson = json([
        ...SETTLEMENTS.filter((s) => s.settlementId !== 99 && s.settlementId !== 100),
        settlement(98, 2),
        settlement(101, 2),
      ]);
      const second = await readPage(h, 'settlements', { first: 10, after: first.pageInfo.endCursor });
      expect(second.edges.map((e) => e.node.settlementId)).toEqual(['101', '8', '7']);
    } finally {
      h.confirma.settlementsJson = json(SETTLEMENTS);
    }
  });
});

describe('Confirma connections with the read cache on', () => {
  let confirma: ConfirmaFake;
  let factorCloud: FactorCloudFake;
  let caching: TestCaching;
  let cached: Harness;
  beforeAll(async () => {
    confirma = await startConfirmaFake();
    factorCloud = await startFactorCloudFake();
    confirma.paymentsJson = JSON.stringify(PAYMENTS);
    confirma.settlementsJson = JSON.stringify({
      createdAt: '2026-11-22T08:00:00Z',
      settlements: SETTLEMENTS,
    });
    confirma.ledgerStatusJson = JSON.stringify({ ledgers: LEDGERS });
    confirma.paymentStatusJson = JSON.stringify({ payments: PAYMENT_STATUSES });
    caching = testCaching({ mode: 'memory' });
    cached = await startCachedSubgraph({ caching, confirma, factorCloud });
  });
  afterAll(async () => {
    await cached?.close();
    await caching?.close();
    await Promise.all([confirma?.close(), factorCloud?.close()]);
  });

  it.each(Object.keys(CONNECTIONS) as ConnectionName[])(
    '%s: the first page calls Confirma once, later pages of the same window not at all',
    async (name) => {
      confirma.requests.length = 0;
      const first = await readPage(cached, name, { first: 2 });
      expect(confirma.requestsTo(CONNECTIONS[name].path)).toHaveLength(1);
      const second = await readPage(cached, name, { first: 2, after: first.pageInfo.endCursor });
      await readPage(cached, name, { first: 2, after: second.pageInfo.endCursor });
      expect(confirma.requestsTo(CONNECTIONS[name].path)).toHaveLength(1);
    },
  );
});
