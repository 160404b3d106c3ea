import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { factoringInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * Invoice.reconciliation and Query.invoiceMismatches over real HTTP, on fakes seeded with one
 * invoice per mismatch kind and consistent invoices around them. Both upstreams are in EUR here
 * (CONFIRMA_CURRENCY = FACTORCLOUD_CURRENCY), so the amount check is made.
 */

const caseOf = (
  caseId: number,
  balance: Record<string, number>,
  overrides: Record<string, unknown> = {},
) => ({
  case: {
    summary: {
      caseId,
      status: 'COLLECTION',
      stage: 'COLLECTION',
      createdAt: '2026-11-02T00:00:00.000Z',
      closedAt: null,
      activeDays: 20,
      creditor: 'Test Company Ltd',
      currency: 'EUR',
      agency: 'CASH-IN',
      ...overrides,
    },
    balance,
  },
});
const OWED = { capitalAmount: 1000, interestAmount: 12.4, costsAmount: 15, totalAmount: 1027.4 };
const NOTHING = { capitalAmount: 0, interestAmount: 0, costsAmount: 0, totalAmount: 0 };
const PAID = {
  PaymentMade: 'Y',
  LastPaymentMadeOn: '2026-11-18',
  PaidInFull: true,
  PaidInFullOn: '2026-11-18',
};

/** Invoice number → what the fakes hold for it, and the kinds that must be found. */
const SEEDS: Record<
  number,
  {
    case?: unknown;
    record?: Record<string, unknown> | null;
    factoring?: Record<string, unknown> | null;
    kinds: string[];
  }
> = {
  201: { case: caseOf(480201, OWED), factoring: {}, kinds: [] },
  202: { case: caseOf(480202, OWED), factoring: PAID, kinds: ['COLLECTION_ACTIVE_ON_SETTLED_INVOICE'] },
  203: {
    case: { ...caseOf(480203, NOTHING, { status: 'CLOSED', closedAt: '2026-11-20' }) },
    factoring: {},
    kinds: ['PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD'],
  },
  204: {
    record: { distributionStatus: 'FAILED', paymentControl: null },
    factoring: {},
    kinds: ['FUNDED_BUT_DISTRIBUTION_FAILED'],
  },
  205: {
    case: caseOf(480205, { ...OWED, capitalAmount: 1250.51 }),
    factoring: {},
    kinds: ['CAPITAL_ABOVE_FACTORED_AMOUNT'],
  },
  206: { case: caseOf(480206, OWED), factoring: null, kinds: [] },
  207: { record: null, factoring: {}, kinds: ['ONLY_IN_FACTORCLOUD'] },
  208: { record: { paymentControl: null }, factoring: PAID, kinds: [] },
  209: {
    case: caseOf(480209, NOTHING, { status: 'CLOSED', closedAt: '2026-11-20' }),
    factoring: PAID,
    kinds: [],
  },
};
const IN_CONFIRMA = Object.keys(SEEDS)
  .map(Number)
  .filter((n) => SEEDS[n]?.record !== null);
const WITH_CASE = IN_CONFIRMA.filter((n) => SEEDS[n]?.case);
const WITH_BOTH = WITH_CASE.filter((n) => SEEDS[n]?.factoring !== null);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ currencies: { confirma: 'EUR', factorCloud: 'EUR' } });
  for (const [key, seed] of Object.entries(SEEDS)) {
    const n = Number(key);
    if (seed.record !== null) h.confirma.records.push(distributionRecord(n, seed.record ?? {}));
    if (seed.case) h.confirma.cases.set(String(480000 + n), seed.case);
    if (seed.factoring !== null)
      h.factorCloud.invoices.set(String(n), factoringInvoice(String(n), 'CL-1', seed.factoring));
  }
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
  h.factorCloud.override = undefined;
});

interface Found {
  invoiceNumber: string;
  status: string;
  mismatches: Array<{
    kind: string;
    severity: string;
    confirmaValue: string | null;
    factorCloudValue: string | null;
    explanation: string;
  }>;
  unavailable: Array<{ side: string; code: string; endpoint: string }>;
}
const RECONCILIATION =
  'invoiceNumber status mismatches { kind severity confirmaValue factorCloudValue explanation } unavailable { side code endpoint }';
const MISMATCHES = `query ($kinds: [ReconciliationMismatchKind!], $first: Int, $after: String, $unknown: Boolean) {
  invoiceMismatches(kinds: $kinds, first: $first, after: $after, includeUnknown: $unknown) {
    totalCount reconciledCount unknownCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${RECONCILIATION} } }
  }
}`;
interface MismatchPage {
  totalCount: number;
  reconciledCount: number;
  unknownCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: Found }>;
}

async function mismatchPage(variables: Record<string, unknown> = {}): Promise<MismatchPage> {
  const reply = await h.query(MISMATCHES, variables);
  expect(reply.body.errors, reply.text).toBeUndefined();
  return (reply.body.data as { invoiceMismatches: MismatchPage }).invoiceMismatches;
}

const calls = () => ({
  distribution: h.confirma.requestsTo('/invoice/distribution').length,
  cases: h.confirma.requestsTo('/invoice/case').length,
  getInvoice: h.factorCloud.requestsTo('get-invoice').length,
});

describe('invoiceMismatches on seeded fakes', () => {
  it('finds each seeded kind exactly, and nothing on the consistent invoices', async () => {
    const page = await mismatchPage();
    const expected = IN_CONFIRMA.filter((n) => SEEDS[n]!.kinds.length > 0);
    expect(page.edges.map(({ node }) => [node.invoiceNumber, node.mismatches.map((m) => m.kind)])).toEqual(
      expected.map((n) => [String(n), SEEDS[n]!.kinds]),
    );
    expect(page).toMatchObject({
      totalCount: expected.length,
      reconciledCount: IN_CONFIRMA.length,
      unknownCount: 0,
    });
    expect(
      page.edges.every(({ node }) => node.status === 'MISMATCHED' && node.unavailable.length === 0),
    ).toBe(true);
    expect(page.edges.find(({ node }) => node.invoiceNumber === '205')?.node.mismatches[0]).toMatchObject({
      severity: 'MEDIUM',
      confirmaValue: 'capital 1250.51 EUR',
      factorCloudValue: 'invoice amount 1250.50 EUR',
    });
  });

  it('costs one window list, one get-invoice per invoice and a case read only where FactorCloud knows the invoice', async () => {
    await mismatchPage();
    expect(calls()).toEqual({ distribution: 1, getInvoice: IN_CONFIRMA.length, cases: WITH_BOTH.length });
  });

  it('filters by kind and pages by cursor in invoice-number order', async () => {
    const kinds = [
      'FUNDED_BUT_DISTRIBUTION_FAILED',
      'COLLECTION_ACTIVE_ON_SETTLED_INVOICE',
      'CAPITAL_ABOVE_FACTORED_AMOUNT',
    ];
    const first = await mismatchPage({ kinds, first: 2 });
    expect(first.edges.map(({ node }) => node.invoiceNumber)).toEqual(['202', '204']);
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await mismatchPage({ kinds, first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map(({ node }) => node.invoiceNumber)).toEqual(['205']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses an empty kinds list and an oversized page before any upstream call', async () => {
    for (const variables of [{ kinds: [] }, { first: 201 }]) {
      const reply = await h.query(MISMATCHES, variables);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(h.confirma.requests).toHaveLength(0);
    expect(h.factorCloud.requests).toHaveLength(0);
  });
});

describe('Invoice.reconciliation costs no call of its own', () => {
  const LIST = (fields: string) => `{ invoices { nodes { invoiceNumber ${fields} } } }`;
  const VIEWS = 'distribution { status } paymentControl { case { caseId } } factoring { amount { amount } }';

  it('adds no upstream call next to distribution, paymentControl { case } and factoring', async () => {
    expect((await h.query(LIST(VIEWS))).body.errors).toBeUndefined();
    const views = calls();
    expect(views).toEqual({ distribution: 1, getInvoice: IN_CONFIRMA.length, cases: WITH_CASE.length });
    h.resetRequests();
    const reply = await h.query(LIST(`${VIEWS} reconciliation { status mismatches { kind } }`));
    expect(reply.body.errors, reply.text).toBeUndefined();
    expect(calls()).toEqual(views);
  });

  it('makes no call when not selected, and alone reads only what the comparison needs', async () => {
    await h.query(LIST('distribution { status }'));
    expect(calls()).toEqual({ distribution: 1, getInvoice: 0, cases: 0 });
    h.resetRequests();
    await h.query(LIST('reconciliation { status }'));
    expect(calls()).toEqual({ distribution: 1, getInvoice: IN_CONFIRMA.length, cases: WITH_BOTH.length });
  });

  it('reconciles an invoice only FactorCloud holds, by number', async () => {
    const reply = await h.query(
      `{ invoiceReconciliation(invoiceNumber: "207") { ${RECONCILIATION} knownToConfirma knownToFactorCloud } invoice(invoiceNumber: "207") { invoiceNumber } }`,
    );
    expect(reply.body.errors, reply.text).toBeUndefined();
    expect(reply.body.data).toEqual({
      invoice: null,
      invoiceReconciliation: {
        invoiceNumber: '207',
        status: 'MISMATCHED',
        mismatches: [
          {
            kind: 'ONLY_IN_FACTORCLOUD',
            severity: 'HIGH',
            confirmaValue: null,
            factorCloudValue: '207: FUNDED, no payment recorded',
            explanation: expect.any(String),
          },
        ],
        unavailable: [],
        knownToConfirma: false,
        knownToFactorCloud: true,
      },
    });
    expect(calls()).toEqual({ distribution: 1, getInvoice: 1, cases: 0 });
  });
});

describe('an upstream that cannot answer', () => {
  it('makes that invoice UNKNOWN with the failed side, and leaves the rest of the response intact', async () => {
    h.factorCloud.override = (request) =>
      request.path.includes('get-invoice') && request.query.InvoiceIntegrationId === '202'
        ? { status: 503, json: { message: 'down' } }
        : undefined;
    const reply = await h.query(
      `{ a: invoice(invoiceNumber: "202") { distribution { status } reconciliation { ${RECONCILIATION} } }
         b: invoice(invoiceNumber: "203") { reconciliation { status } } }`,
    );
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data).toEqual({
      a: {
        distribution: { status: 'DELIVERED' },
        reconciliation: {
          invoiceNumber: '202',
          status: 'UNKNOWN',
          mismatches: [],
          unavailable: [{ side: 'FACTORCLOUD', code: 'UPSTREAM_UNAVAILABLE', endpoint: 'get-invoice' }],
        },
      },
      b: { reconciliation: { status: 'MISMATCHED' } },
    });
  });

  it('is UNKNOWN when the Confirma case read fails, and listed with includeUnknown', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/case') && request.query.caseId === '480201'
        ? { status: 500, json: { message: 'boom' } }
        : undefined;
    const without = await mismatchPage();
    expect(without.unknownCount).toBe(1);
    expect(without.edges.map(({ node }) => node.invoiceNumber)).not.toContain('201');
    const page = await mismatchPage({ unknown: true });
    const unknown = page.edges.find(({ node }) => node.invoiceNumber === '201')?.node;
    expect(unknown).toMatchObject({
      status: 'UNKNOWN',
      unavailable: [{ side: 'CONFIRMA', code: 'UPSTREAM_UNAVAILABLE', endpoint: 'invoice/case' }],
    });
    expect(page.totalCount).toBe(without.totalCount + 1);
  });

  it('fails only the list when the window itself cannot be read', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/distribution') ? { status: 503, json: { message: 'down' } } : undefined;
    const reply = await h.query(
      '{ invoiceMismatches { totalCount } invoiceReconciliation(invoiceNumber: "207") { status unavailable { side } } }',
    );
    expect(reply.body.data).toEqual({
      invoiceMismatches: null,
      invoiceReconciliation: { status: 'UNKNOWN', unavailable: [{ side: 'CONFIRMA' }] },
    });
    expect(reply.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['invoiceMismatches'], 'UPSTREAM_UNAVAILABLE'],
    ]);
  });
});
