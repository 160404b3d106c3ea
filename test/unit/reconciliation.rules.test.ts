import { describe, expect, it } from 'vitest';
import { compareDecimals, sumDecimals } from '../../src/lib/decimalOrder.js';
import { reconcile } from '../../src/reconciliation/index.js';
import type {
  CaseFacts,
  ConfirmaFacts,
  FactorCloudFacts,
  ReconciliationInput,
  Side,
} from '../../src/reconciliation/index.js';

const openCase = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: '481903',
  status: 'COLLECTION',
  closedAt: null,
  currency: 'EUR',
  capitalAmount: '1000.00',
  interestAmount: '12.40',
  costsAmount: '15.00',
  totalAmount: '1027.40',
  paymentCount: 0,
  ...overrides,
});
const closedPaidCase = (overrides: Partial<CaseFacts> = {}): CaseFacts =>
  openCase({
    status: 'CLOSED',
    closedAt: '2026-11-20',
    capitalAmount: '0.00',
    interestAmount: '0.00',
    costsAmount: '0.00',
    totalAmount: '0.00',
    paymentCount: 1,
    ...overrides,
  });

const confirma = (overrides: Partial<ConfirmaFacts> = {}): Side<ConfirmaFacts> => ({
  state: 'known',
  facts: {
    invoiceNumber: '260100002',
    distributionStatus: 'DELIVERED',
    caseId: '481903',
    case: openCase(),
    caseGap: null,
    ...overrides,
  },
});
const factoring = (overrides: Partial<FactorCloudFacts> = {}): Side<FactorCloudFacts> => ({
  state: 'known',
  facts: {
    integrationId: '260100002',
    status: 'FUNDED',
    amount: '1250.50',
    paymentMade: false,
    lastPaymentMadeOn: null,
    paidInFull: false,
    paidInFullOn: null,
    ...overrides,
  },
});
const SAME = { confirma: 'EUR', factorCloud: 'EUR' };
const input = (parts: Partial<ReconciliationInput> = {}): ReconciliationInput => ({
  confirma: confirma(),
  factorCloud: factoring(),
  currencies: SAME,
  ...parts,
});
const kindsOf = (parts: Partial<ReconciliationInput>) =>
  reconcile(input(parts)).mismatches.map((m) => m.kind);

describe('reconcile: consistent invoices', () => {
  it('finds nothing on an open case FactorCloud funded and nobody paid yet', () => {
    expect(reconcile(input())).toEqual({
      status: 'CONSISTENT',
      mismatches: [],
      gaps: [],
      notChecked: [],
      knownToConfirma: true,
      knownToFactorCloud: true,
    });
  });

  it('finds nothing on a case closed as paid that FactorCloud also reports paid', () => {
    const paid = factoring({
      paymentMade: true,
      lastPaymentMadeOn: '2026-11-20',
      paidInFull: true,
      paidInFullOn: '2026-11-20',
    });
    expect(kindsOf({ confirma: confirma({ case: closedPaidCase() }), factorCloud: paid })).toEqual([]);
  });

  it('does not call an invoice only Confirma knows a mismatch (the factor holds only what it bought)', () => {
    expect(reconcile(input({ factorCloud: { state: 'absent' } }))).toMatchObject({
      status: 'CONSISTENT',
      knownToFactorCloud: false,
    });
  });
});

describe('reconcile: COLLECTION_ACTIVE_ON_SETTLED_INVOICE', () => {
  it('flags an open case with a balance on an invoice FactorCloud reports paid in full', () => {
    const found = reconcile(
      input({
        factorCloud: factoring({
          paidInFull: true,
          paidInFullOn: '2026-11-18',
          paymentMade: true,
          lastPaymentMadeOn: '2026-11-18',
        }),
      }),
    );
    expect(found.status).toBe('MISMATCHED');
    expect(found.mismatches).toEqual([
      {
        kind: 'COLLECTION_ACTIVE_ON_SETTLED_INVOICE',
        severity: 'HIGH',
        confirmaValue: 'case 481903 open (COLLECTION), outstanding 1027.40',
        factorCloudValue: 'FUNDED, paid in full on 2026-11-18',
        explanation: expect.stringContaining('paid in full'),
      },
    ]);
  });

  it('flags it on an invoice FactorCloud cancelled', () => {
    expect(kindsOf({ factorCloud: factoring({ status: 'CANCELLED' }) })).toEqual([
      'COLLECTION_ACTIVE_ON_SETTLED_INVOICE',
    ]);
  });

  it('does not flag an open case with nothing owed, or a closed one', () => {
    const settled = factoring({ status: 'CANCELLED' });
    const nothingOwed = openCase({
      capitalAmount: '0',
      interestAmount: '0',
      costsAmount: '0',
      totalAmount: '0.00',
    });
    expect(kindsOf({ confirma: confirma({ case: nothingOwed }), factorCloud: settled })).toEqual([]);
    const closed = openCase({ status: 'WITHDRAWN', closedAt: '2026-11-19' });
    expect(kindsOf({ confirma: confirma({ case: closed }), factorCloud: settled })).toEqual([]);
  });

  it('sums the balance parts exactly when Confirma sends no total', () => {
    const parts = openCase({
      totalAmount: null,
      capitalAmount: '0.1',
      interestAmount: '0.2',
      costsAmount: '-0.3',
    });
    expect(
      kindsOf({ confirma: confirma({ case: parts }), factorCloud: factoring({ status: 'CANCELLED' }) }),
    ).toEqual([]);
  });
});

describe('reconcile: PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD', () => {
  it('flags a case closed as paid while FactorCloud records no payment (HIGH)', () => {
    const found = reconcile(input({ confirma: confirma({ case: closedPaidCase() }) }));
    expect(found.mismatches).toMatchObject([
      {
        kind: 'PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD',
        severity: 'HIGH',
        factorCloudValue: 'FUNDED, no payment recorded',
      },
    ]);
  });

  it('flags part payments the agency received while FactorCloud records none (MEDIUM)', () => {
    const found = reconcile(input({ confirma: confirma({ case: openCase({ paymentCount: 2 }) }) }));
    expect(found.mismatches).toMatchObject([
      { kind: 'PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD', severity: 'MEDIUM' },
    ]);
  });

  it('does not flag it when FactorCloud records a payment, or cancelled the invoice', () => {
    const closed = confirma({ case: closedPaidCase() });
    expect(
      kindsOf({ confirma: closed, factorCloud: factoring({ lastPaymentMadeOn: '2026-11-20' }) }),
    ).toEqual([]);
    expect(kindsOf({ confirma: closed, factorCloud: factoring({ paymentMade: true }) })).toEqual([]);
    expect(kindsOf({ confirma: closed, factorCloud: factoring({ status: 'CANCELLED' }) })).toEqual([]);
  });
});

describe('reconcile: FUNDED_BUT_DISTRIBUTION_FAILED', () => {
  it('flags an invoice FactorCloud funded whose distribution failed, in any letter case', () => {
    const failed = confirma({ distributionStatus: 'failed', caseId: null, case: null });
    expect(reconcile(input({ confirma: failed })).mismatches).toMatchObject([
      { kind: 'FUNDED_BUT_DISTRIBUTION_FAILED', severity: 'HIGH', confirmaValue: 'distribution failed' },
    ]);
  });

  it('does not flag a failed distribution the factor has not funded', () => {
    const failed = confirma({ distributionStatus: 'FAILED', caseId: null, case: null });
    expect(kindsOf({ confirma: failed, factorCloud: factoring({ status: 'VERIFIED' }) })).toEqual([]);
  });
});

describe('reconcile: CAPITAL_ABOVE_FACTORED_AMOUNT', () => {
  it('flags capital in collection above the factored amount, compared exactly', () => {
    const above = confirma({ case: openCase({ capitalAmount: '1250.51' }) });
    expect(reconcile(input({ confirma: above })).mismatches).toEqual([
      expect.objectContaining({
        kind: 'CAPITAL_ABOVE_FACTORED_AMOUNT',
        severity: 'MEDIUM',
        confirmaValue: 'capital 1250.51 EUR',
        factorCloudValue: 'invoice amount 1250.50 EUR',
      }),
    ]);
  });

  it('does not flag equal amounts written differently, or a capital below', () => {
    expect(kindsOf({ confirma: confirma({ case: openCase({ capitalAmount: '1250.5' }) }) })).toEqual([]);
    expect(kindsOf({ confirma: confirma({ case: openCase({ capitalAmount: '999.99' }) }) })).toEqual([]);
  });

  it('does not compare amounts in two currencies: the check is listed as not made', () => {
    const above = confirma({ case: openCase({ capitalAmount: '5000.00' }) });
    const found = reconcile(input({ confirma: above, currencies: { confirma: 'EUR', factorCloud: 'USD' } }));
    expect(found).toMatchObject({
      status: 'CONSISTENT',
      mismatches: [],
      notChecked: ['CAPITAL_ABOVE_FACTORED_AMOUNT'],
    });
    // A case without a stated currency is in CONFIRMA_CURRENCY.
    const unstated = confirma({ case: openCase({ capitalAmount: '5000.00', currency: null }) });
    expect(kindsOf({ confirma: unstated, currencies: { confirma: 'USD', factorCloud: 'USD' } })).toEqual([
      'CAPITAL_ABOVE_FACTORED_AMOUNT',
    ]);
  });
});

describe('reconcile: ONLY_IN_FACTORCLOUD', () => {
  it('flags an invoice FactorCloud holds under the templated id that Confirma does not know', () => {
    const found = reconcile(input({ confirma: { state: 'absent' } }));
    expect(found).toMatchObject({ status: 'MISMATCHED', knownToConfirma: false, knownToFactorCloud: true });
    expect(found.mismatches).toMatchObject([
      {
        kind: 'ONLY_IN_FACTORCLOUD',
        severity: 'HIGH',
        confirmaValue: null,
        factorCloudValue: '260100002: FUNDED, no payment recorded',
      },
    ]);
  });

  it('finds nothing when neither side knows the number', () => {
    expect(reconcile(input({ confirma: { state: 'absent' }, factorCloud: { state: 'absent' } })).status).toBe(
      'CONSISTENT',
    );
  });
});

describe('reconcile: an upstream that cannot answer', () => {
  const timeout = { side: 'FACTORCLOUD' as const, code: 'UPSTREAM_TIMEOUT', endpoint: 'get-invoice' };

  it('is UNKNOWN, naming the side, never CONSISTENT, when FactorCloud fails', () => {
    const found = reconcile(input({ factorCloud: { state: 'failed', gap: timeout } }));
    expect(found).toMatchObject({
      status: 'UNKNOWN',
      gaps: [timeout],
      mismatches: [],
      knownToFactorCloud: null,
    });
    expect(found.notChecked).toHaveLength(5);
  });

  it('is UNKNOWN when Confirma fails, even if FactorCloud knows the invoice', () => {
    const gap = { side: 'CONFIRMA' as const, code: 'UPSTREAM_UNAVAILABLE', endpoint: 'invoice/distribution' };
    expect(reconcile(input({ confirma: { state: 'failed', gap } }))).toMatchObject({
      status: 'UNKNOWN',
      mismatches: [],
      knownToConfirma: null,
    });
  });

  it('keeps the mismatches found without the case when only the case read failed', () => {
    const gap = { side: 'CONFIRMA' as const, code: 'UPSTREAM_TIMEOUT', endpoint: 'invoice/case' };
    const found = reconcile(
      input({ confirma: confirma({ distributionStatus: 'FAILED', case: null, caseGap: gap }) }),
    );
    expect(found.status).toBe('UNKNOWN');
    expect(found.gaps).toEqual([gap]);
    expect(found.mismatches.map((m) => m.kind)).toEqual(['FUNDED_BUT_DISTRIBUTION_FAILED']);
    expect(found.notChecked).toEqual([
      'COLLECTION_ACTIVE_ON_SETTLED_INVOICE',
      'PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD',
      'CAPITAL_ABOVE_FACTORED_AMOUNT',
    ]);
  });
});

describe('exact decimal order', () => {
  it.each([
    ['0.10', '0.1', 0],
    ['1250.51', '1250.5', 1],
    ['-3', '2', -1],
    ['-3', '-2', -1],
    ['1000000000000000000000.01', '1e21', 1],
    ['0.30000000000000004', '0.3', 1],
  ] as const)('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });

  it('sums exactly, where floats would not', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.30');
    expect(sumDecimals(['0.1', '0.2', '-0.3'])).toBe('0.00');
    expect(sumDecimals(['1e-3', '5'])).toBe('5.001');
    expect(compareDecimals('x', '1')).toBeUndefined();
  });
});
