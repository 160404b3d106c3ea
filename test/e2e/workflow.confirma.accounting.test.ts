import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIRMA_PATH,
  SIM_TODAY,
  bodyOf,
  dataOf,
  startSimulatorHarness,
} from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * The accounting integration on the Confirma simulator: submit a ledger document and payments,
 * then read their sync state back. The simulator syncs queued documents before its next answer
 * (no processing delay) and refuses accounts outside its chart and payments without a receivable.
 */

type Status = { sourceIdentifier: string; state: string; statusCode: number; description: string };

const SUBMIT_LEDGER = `mutation ($input: SubmitLedgerInput!, $idempotencyKey: String) {
  submitLedger(input: $input, idempotencyKey: $idempotencyKey) {
    ledger { sourceIdentifier documentName documentStatus syncDate state statusCode description }
    userErrors { field code message }
  }
}`;
const LEDGER_STATUS = `query ($id: ID) {
  ledgerSyncStatus(sourceIdentifier: $id) { nodes { sourceIdentifier documentStatus state statusCode description } }
}`;
const SUBMIT_PAYMENTS = `mutation ($input: SubmitAccountingPaymentsInput!) {
  submitAccountingPayments(input: $input) {
    payments { sourceIdentifier invoiceNumber state statusCode }
    userErrors { field code message }
  }
}`;
const PAYMENT_STATUS = `query ($n: ID) {
  accountingPaymentSyncStatus(invoiceNumber: $n) {
    nodes { sourceIdentifier invoiceNumber syncDate state statusCode description }
  }
}`;

function ledger(id: string, creditAccount: string) {
  const row = { bookingDate: SIM_TODAY };
  return {
    ledgerIdentifier: id,
    companyIdentifier: '0646115-8',
    documentType: 'ML',
    documentName: `Sales ${id}`,
    documentDate: SIM_TODAY,
    calculationMode: 'GROSS',
    ledgerRows: [
      { ...row, accountNumber: '1701', amount: '1255.00' },
      // Gross rows balance (1255 − 1255); the VAT row breaks the credit row down and is left out.
      {
        ...row,
        accountNumber: creditAccount,
        vatPercentage: '25.5',
        amount: '-1255.00',
        netAmount: '-1000.00',
      },
      { ...row, accountNumber: '2939', amount: '-255.00', isVatRow: true },
    ],
  };
}

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

describe('Confirma accounting on the simulator', () => {
  it('submits a ledger and reads it back synced; an unknown account fails to sync', async () => {
    h.resetRequests();
    const { submitLedger } = dataOf<{
      submitLedger: { ledger: Record<string, unknown>; userErrors: unknown[] };
    }>(await h.query(SUBMIT_LEDGER, { input: ledger('e2e-ledger-1', '3000') }));
    expect(submitLedger.userErrors).toEqual([]);
    // The payload re-reads the status, and the simulator has synced the document by then.
    expect(submitLedger.ledger).toEqual({
      sourceIdentifier: 'e2e-ledger-1',
      documentName: 'Sales e2e-ledger-1',
      documentStatus: 'Approved',
      syncDate: SIM_TODAY,
      state: 'SYNCED',
      statusCode: 1,
      description: 'Successfully synced',
    });
    const calls = h.requestsTo(`${CONFIRMA_PATH}/accounting/ledger`);
    expect(calls.map((r) => `${r.method} ${JSON.stringify(r.query)}`)).toEqual([
      'POST {}',
      'GET {"sourceIdentifier":"e2e-ledger-1"}',
    ]);
    expect(calls[0]?.body).toContain('"amount":-1255.00,"netAmount":-1000.00');
    expect(bodyOf(calls[0])).toMatchObject({
      ledgers: { ledgerIdentifier: 'e2e-ledger-1', calculationMode: 'GROSS' },
    });

    await h.query(SUBMIT_LEDGER, { input: ledger('e2e-ledger-2', '30') });
    const all = dataOf<{ ledgerSyncStatus: { nodes: Status[] } }>(await h.query(LEDGER_STATUS, {}))
      .ledgerSyncStatus.nodes;
    expect(all).toEqual([
      expect.objectContaining({ sourceIdentifier: 'e2e-ledger-1', state: 'SYNCED', statusCode: 1 }),
      expect.objectContaining({
        sourceIdentifier: 'e2e-ledger-2',
        documentStatus: null,
        state: 'FAILED',
        statusCode: 2,
        description: expect.stringContaining('account 30'),
      }),
    ]);

    // The same identifier again is refused as a conflict, and nothing new is queued.
    const again = dataOf<{ submitLedger: { ledger: unknown; userErrors: Array<{ code: string }> } }>(
      await h.query(SUBMIT_LEDGER, { input: ledger('e2e-ledger-1', '3000'), idempotencyKey: 'resend' }),
    );
    expect(again.submitLedger.ledger).toBeNull();
    expect(again.submitLedger.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    expect(
      dataOf<{ ledgerSyncStatus: { nodes: Status[] } }>(await h.query(LEDGER_STATUS, {})).ledgerSyncStatus
        .nodes,
    ).toHaveLength(2);
  });

  it('submits payments as pending and reads them back synced by invoice number', async () => {
    const number = String([...h.dataset.confirmaInvoices.keys()][0]);
    const payment = { paymentDate: SIM_TODAY, amount: '100.50', currency: 'EUR', sourceName: 'Buyer Oy' };
    h.resetRequests();
    const { submitAccountingPayments } = dataOf<{
      submitAccountingPayments: { payments: Array<Record<string, unknown>>; userErrors: unknown[] };
    }>(
      await h.query(SUBMIT_PAYMENTS, {
        input: {
          payments: [
            { ...payment, paymentIdentifier: 'e2e-pay-1', invoiceNumber: number },
            { ...payment, paymentIdentifier: 'e2e-pay-2', invoiceNumber: '999999999' },
          ],
        },
      }),
    );
    expect(submitAccountingPayments).toEqual({
      payments: [
        { sourceIdentifier: 'e2e-pay-1', invoiceNumber: number, state: 'PENDING', statusCode: 0 },
        { sourceIdentifier: 'e2e-pay-2', invoiceNumber: '999999999', state: 'PENDING', statusCode: 0 },
      ],
      userErrors: [],
    });
    const [post] = h.requestsTo(`${CONFIRMA_PATH}/accounting/payment`);
    expect(post?.body).toContain('"amount":100.50');
    expect(bodyOf(post)).toMatchObject({
      payments: [
        {
          paymentIdentifier: 'e2e-pay-1',
          invoiceNumber: number,
          currency: 'EUR',
          targetIdentifier: 'invoicenumber',
        },
        { paymentIdentifier: 'e2e-pay-2', invoiceNumber: '999999999' },
      ],
    });

    const mine = dataOf<{ accountingPaymentSyncStatus: { nodes: Status[] } }>(
      await h.query(PAYMENT_STATUS, { n: number }),
    );
    expect(mine.accountingPaymentSyncStatus.nodes).toEqual([
      {
        sourceIdentifier: 'e2e-pay-1',
        invoiceNumber: number,
        syncDate: SIM_TODAY,
        state: 'SYNCED',
        statusCode: 1,
        description: 'Successfully synced',
      },
    ]);
    const unknown = dataOf<{ accountingPaymentSyncStatus: { nodes: Status[] } }>(
      await h.query(PAYMENT_STATUS, { n: '999999999' }),
    );
    expect(unknown.accountingPaymentSyncStatus.nodes).toEqual([
      expect.objectContaining({ sourceIdentifier: 'e2e-pay-2', state: 'FAILED', statusCode: 2 }),
    ]);
    expect(
      h
        .requestsTo(`${CONFIRMA_PATH}/accounting/payment`)
        .map((r) => `${r.method} ${JSON.stringify(r.query)}`),
    ).toEqual(['POST {}', `GET {"invoiceNumber":"${number}"}`, 'GET {"invoiceNumber":"999999999"}']);
  });
});
