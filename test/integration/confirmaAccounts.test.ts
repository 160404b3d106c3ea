import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

describe('accounting', () => {
  /** The docs' example (confirma.md §4.12): 2990 − 2990 = 0 gross, the −607.53 VAT row left out. */
  const ledger = {
    ledgerIdentifier: 'abc-123-def-456',
    companyIdentifier: '123456-7',
    documentType: 'ML',
    documentName: '1001',
    documentDate: '2025-12-13',
    documentDescription: 'Here comes the description, max 210 chars long',
    calculationMode: 'GROSS',
    ledgerRows: [
      {
        bookingDate: '2025-12-12',
        accountNumber: '1701',
        vatPercentage: '0',
        vatCode: '',
        amount: '2990.0',
        netAmount: '2990.0',
        isVatRow: false,
        projectNumber: 'PN12345',
        transactionDescription: '1763',
        ledgerDimensions: [{ dimensionType: 'COST_CENTER', dimensionValue: '1000' }],
      },
      {
        bookingDate: '2025-12-12',
        accountNumber: '3000',
        vatPercentage: '25.5',
        vatCode: '20',
        amount: '-2990.0',
        netAmount: '-2382.47',
        isVatRow: false,
        projectNumber: 'PN12345',
        transactionDescription: '1763',
        ledgerDimensions: [],
      },
      {
        bookingDate: '2025-12-12',
        accountNumber: '2939',
        vatPercentage: '0',
        vatCode: '',
        amount: '-607.53',
        netAmount: '-607.53',
        isVatRow: true,
        projectNumber: 'PN12345',
        transactionDescription: '1763',
        ledgerDimensions: [],
      },
    ],
  };
  const SUBMIT =
    'mutation ($input: SubmitLedgerInput!) { submitLedger(input: $input) { ledger { sourceIdentifier state } userErrors { field code } } }';

  it('submits the docs’ example ledger with `ledgers` as an object and reports it pending', async () => {
    const { body } = await h.query(SUBMIT, { input: ledger });
    expect(body.data?.submitLedger).toEqual({
      ledger: { sourceIdentifier: 'abc-123-def-456', state: 'PENDING' },
      userErrors: [],
    });
    const post = h.confirma.requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/v1/partner/accounting/ledger');
    expect(post?.body).toContain('"amount":-2990.00,"netAmount":-2382.47');
    const sent = JSON.parse(post?.body ?? '{}');
    expect(Array.isArray(sent.ledgers)).toBe(false);
    expect(
      sent.ledgers.ledgerRows.map((r: { amount: number; isVatRow: number }) => [r.amount, r.isVatRow]),
    ).toEqual([
      [2990, 0],
      [-2990, 0],
      [-607.53, 1],
    ]);
  });

  it.each([
    // Counting the VAT row as a booking of its own: 2990 − 2382.47 = 607.53, not zero.
    ['gross rows that only balance with the VAT row counted', 1, { amount: '-2382.47' }],
    ['gross rows a cent apart', 0, { amount: '2990.01' }],
  ])('refuses %s, before calling Confirma', async (_name, index, change) => {
    const rows = ledger.ledgerRows.map((row, i) => (i === index ? { ...row, ...change } : row));
    const { body } = await h.query(SUBMIT, { input: { ...ledger, ledgerRows: rows } });
    expect(body.data?.submitLedger).toEqual({
      ledger: null,
      userErrors: [{ field: ['input', 'ledgerRows'], code: 'INCONSISTENT' }],
    });
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('reads sync status, with 204 meaning none and unknown codes meaning failed', async () => {
    const empty = await h.query('{ ledgerSyncStatus { totalCount nodes { sourceIdentifier } } }');
    expect(empty.body.data).toEqual({ ledgerSyncStatus: { totalCount: 0, nodes: [] } });
    h.confirma.paymentStatusJson = JSON.stringify({
      payments: [
        {
          sourceIdentifier: 'p-1',
          invoiceNumber: '12345',
          paymentDate: '2025-10-15',
          syncDate: null,
          status: 0,
          description: 'Pending',
        },
        {
          sourceIdentifier: 'p-2',
          invoiceNumber: '12346',
          paymentDate: '2025-10-14',
          syncDate: '2025-10-16',
          status: 7,
          description: 'Failed',
        },
      ],
    });
    const { body } = await h.query(
      '{ accountingPaymentSyncStatus { nodes { sourceIdentifier state statusCode } } }',
    );
    // Ordered by payment date: p-2 was paid the day before p-1.
    expect(body.data?.accountingPaymentSyncStatus).toEqual({
      nodes: [
        { sourceIdentifier: 'p-2', state: 'FAILED', statusCode: 7 },
        { sourceIdentifier: 'p-1', state: 'PENDING', statusCode: 0 },
      ],
    });
  });

  it('refuses accounting payments in currency UNKNOWN or with too many decimals', async () => {
    const { body } = await h.query(
      'mutation ($input: SubmitAccountingPaymentsInput!) { submitAccountingPayments(input: $input) { payments { sourceIdentifier } userErrors { field code } } }',
      {
        input: {
          payments: [
            {
              paymentIdentifier: 'x',
              invoiceNumber: '1',
              paymentDate: '2026-01-01',
              amount: '1.234',
              currency: 'UNKNOWN',
            },
          ],
        },
      },
    );
    expect(body.data?.submitAccountingPayments).toEqual({
      payments: [],
      userErrors: [
        { field: ['input', 'payments', '0', 'amount'], code: 'TOO_MANY_DECIMALS' },
        { field: ['input', 'payments', '0', 'currency'], code: 'INVALID_CURRENCY' },
      ],
    });
    expect(h.confirma.requests).toHaveLength(0);
  });
  it('accepts a payment in the active ISO 4217 code VED', async () => {
    const { body } = await h.query(
      'mutation ($input: SubmitAccountingPaymentsInput!) { submitAccountingPayments(input: $input) { userErrors { field code } } }',
      {
        input: {
          payments: [
            {
              paymentIdentifier: 'ved-1',
              invoiceNumber: '1',
              paymentDate: '2026-01-01',
              amount: '10.00',
              currency: 'VED',
            },
          ],
        },
      },
    );
    expect(body.data?.submitAccountingPayments).toEqual({ userErrors: [] });
    const post = h.confirma.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}').payments[0].currency).toBe('VED');
  });

  it('refuses a payment matched by reference that has no reference', async () => {
    const { body } = await h.query(
      'mutation ($input: SubmitAccountingPaymentsInput!) { submitAccountingPayments(input: $input) { userErrors { field code message } } }',
      {
        input: {
          payments: [
            {
              paymentIdentifier: 'x',
              invoiceNumber: '1',
              paymentDate: '2026-01-01',
              amount: '10.00',
              currency: 'EUR',
              targetIdentifier: 'PAYMENT_REFERENCE',
            },
          ],
        },
      },
    );
    const errors = (
      body.data?.submitAccountingPayments as {
        userErrors: { field: string[]; code: string; message: string }[];
      }
    ).userErrors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toEqual(['input', 'payments', '0', 'paymentReference']);
    expect(errors[0]?.code).toBe('REQUIRED');
    expect(errors[0]?.message).toContain('PAYMENT_REFERENCE');
    expect(h.confirma.requests).toHaveLength(0);
  });
});
