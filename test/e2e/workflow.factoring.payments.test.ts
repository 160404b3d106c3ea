import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactorCloudInvoiceEntry } from '../../src/simulators/dataset/types.js';
import {
  FACTORCLOUD_PATH,
  SIM_TODAY,
  bodyOf,
  dataOf,
  startSimulatorHarness,
} from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * The paperwork and cash end of factoring on the FactorCloud simulator: store a PDF and read it
 * back, then report a received payment and see it applied to the funded invoice it pays.
 */

const PDF = Buffer.from('%PDF-1.4\n% bill of lading E2E-1001\n%%EOF\n').toString('base64');
const PDF_V2 = Buffer.from('%PDF-1.4\n% bill of lading E2E-1001, signed\n%%EOF\n').toString('base64');

const STORE = `mutation ($input: StoreFactoringDocumentInput!) {
  storeFactoringDocument(input: $input) {
    uuid created document { uuid fileName contentType encodingType encodedDoc } userErrors { code message }
  }
}`;
const POST_PAYMENTS = `mutation ($input: PostFactoringPaymentsInput!, $idempotencyKey: String) {
  postFactoringPayments(input: $input, idempotencyKey: $idempotencyKey) {
    batch { batchReference batchTotal { amount } accountNumber payments { paymentDate paymentType amount { amount } transactionNumber invoiceRefNumber } }
    userErrors { field code message }
  }
}`;
const INVOICE = `query ($id: ID!) {
  factoringInvoice(integrationInvoiceId: $id) {
    integrationInvoiceId status amount { amount } paymentMade lastPaymentMadeOn paidInFull paidInFullOn escrowReserveAmount { amount }
    client { clientKey } clientDebtor { clientKey debtorKey }
  }
}`;

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

/** A funded, unpaid seeded invoice whose number no other invoice shares, so a payment matches it. */
function fundedOpenInvoice(): FactorCloudInvoiceEntry {
  const entries = [...h.dataset.factorCloudInvoices.values()];
  const found = entries.find(
    ({ invoice }) =>
      invoice.InvoiceStatus === 'F' &&
      invoice.PaymentMade === 'N' &&
      entries.filter((other) => other.invoice.InvoiceNumber === invoice.InvoiceNumber).length === 1,
  );
  if (!found) throw new Error(`seed ${h.dataset.seed} has no funded, unpaid invoice`);
  return found;
}

describe('FactorCloud documents and payments on the simulator', () => {
  it('stores a PDF, reads it back by UUID, and replaces it under the same file name', async () => {
    h.resetRequests();
    const input = { fileName: 'E2E-BOL-1001.pdf', encodingType: 'BASE64', encodedDoc: PDF };
    type Reply = {
      storeFactoringDocument: { uuid: string; created: boolean; document: unknown; userErrors: unknown[] };
    };
    const stored = dataOf<Reply>(await h.query(STORE, { input })).storeFactoringDocument;
    expect(stored).toEqual({
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      created: true,
      document: {
        uuid: stored.uuid,
        fileName: 'E2E-BOL-1001.pdf',
        contentType: 'application/pdf',
        encodingType: 'BASE64',
        encodedDoc: PDF,
      },
      userErrors: [],
    });
    expect(bodyOf(h.requestsTo(`${FACTORCLOUD_PATH}/store-docs/`)[0])).toEqual({
      EncodedDoc: PDF,
      EncodingType: 'S',
      ContentType: 'application/pdf',
      FileName: 'E2E-BOL-1001.pdf',
    });

    const replaced = dataOf<Reply>(
      await h.query(STORE, { input: { ...input, encodedDoc: PDF_V2, replace: true } }),
    );
    expect(replaced.storeFactoringDocument).toMatchObject({ uuid: stored.uuid, created: false });

    h.resetRequests();
    const read = dataOf<{ factoringDocument: unknown }>(
      await h.query('query ($u: ID!) { factoringDocument(uuid: $u) { uuid fileName encodedDoc } }', {
        u: stored.uuid,
      }),
    );
    expect(read.factoringDocument).toEqual({
      uuid: stored.uuid,
      fileName: 'E2E-BOL-1001.pdf',
      encodedDoc: PDF_V2,
    });
    expect(h.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${FACTORCLOUD_PATH}/get-docs/${stored.uuid}.json`,
    ]);
  });

  it('posts a payment batch that pays a funded invoice in full', async () => {
    const { invoiceIntegrationId: id, invoice } = fundedOpenInvoice();
    const before = dataOf<{ factoringInvoice: Record<string, unknown> }>(
      await h.query(INVOICE, { id }),
    ).factoringInvoice;
    expect(before).toMatchObject({
      integrationInvoiceId: id,
      status: 'FUNDED',
      paymentMade: false,
      paidInFull: false,
    });
    expect(before.escrowReserveAmount).not.toEqual({ amount: '0.00' });

    h.resetRequests();
    const payment = {
      paymentDate: SIM_TODAY,
      paymentType: 'ACH',
      amount: invoice.InvoiceAmount,
      transactionNumber: 'TRACE-0001',
      remitterName: 'Debtor Co',
      invoiceRefNumber: invoice.InvoiceNumber,
    };
    const input = {
      batchReference: 'E2E-LOCKBOX-1',
      batchTotal: invoice.InvoiceAmount,
      accountNumber: '000123456',
      payments: [payment],
    };
    const { postFactoringPayments } = dataOf<{ postFactoringPayments: Record<string, unknown> }>(
      await h.query(POST_PAYMENTS, { input }),
    );
    expect(postFactoringPayments).toEqual({
      batch: {
        batchReference: 'E2E-LOCKBOX-1',
        batchTotal: { amount: invoice.InvoiceAmount },
        accountNumber: '000123456',
        payments: [
          {
            paymentDate: SIM_TODAY,
            paymentType: 'ACH',
            amount: { amount: invoice.InvoiceAmount },
            transactionNumber: 'TRACE-0001',
            invoiceRefNumber: invoice.InvoiceNumber,
          },
        ],
      },
      userErrors: [],
    });
    expect(bodyOf(h.requestsTo(`${FACTORCLOUD_PATH}/post-payments/`)[0])).toMatchObject({
      BatchReference: 'E2E-LOCKBOX-1',
      PaymentDetails: [
        { PaymentType: 'ACH', InvoiceRefNumber: invoice.InvoiceNumber, TransactionNumber: 'TRACE-0001' },
      ],
    });

    // The invoice, its client and its debtor, each read once.
    h.resetRequests();
    const after = dataOf<{ factoringInvoice: Record<string, unknown> }>(
      await h.query(INVOICE, { id }),
    ).factoringInvoice;
    expect(after).toEqual({
      ...before,
      paymentMade: true,
      lastPaymentMadeOn: SIM_TODAY,
      paidInFull: true,
      paidInFullOn: SIM_TODAY,
      escrowReserveAmount: { amount: '0.00' },
      client: { clientKey: invoice.ClientKey },
      clientDebtor: { clientKey: invoice.ClientKey, debtorKey: invoice.DebtorKey },
    });
    expect(h.requests.map((r) => r.path.slice(FACTORCLOUD_PATH.length)).sort()).toEqual([
      '/get-client-debtor/',
      '/get-client/',
      '/get-invoice/',
    ]);

    // The same batch again is refused, and the invoice is not paid twice.
    const again = dataOf<{ postFactoringPayments: { batch: unknown; userErrors: Array<{ code: string }> } }>(
      await h.query(POST_PAYMENTS, { input, idempotencyKey: 'resend' }),
    );
    expect(again.postFactoringPayments.batch).toBeNull();
    expect(again.postFactoringPayments.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
  });
});
