import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  client,
  debtor,
  factoringInvoice,
  linkKey,
  schedule,
  scheduleInvoice,
} from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * Contract v1 for FactorCloud, through the GraphQL endpoint: amounts are Money in the configured
 * currency (FactorCloud states none), coded values read UNKNOWN with their raw text instead of
 * failing the field, calendar days leave as RFC 3339 full-dates, and UNKNOWN is refused as input.
 */

/** RFC 3339 `full-date` (§5.6), and a day that exists. */
function isRfc3339FullDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

let h: Harness;
beforeAll(async () => {
  // The currency comes from the setting as an operator writes it (lower case on purpose).
  h = await startHarness({ currencies: loadConfig({ FACTORCLOUD_CURRENCY: 'cad' }).currencies });
  h.factorCloud.clients.set('CL-1', { ...client('CL-1'), CreditLimit: '98765432109876543.21' });
  h.factorCloud.invoices.set(
    'BIG-1',
    factoringInvoice('BIG-1', 'CL-1', {
      InvoiceAmount: '12345678901234567.89',
      EscrowReserveAmount: '0.10',
      DebtorKey: 'DB-1',
    }),
  );
  h.factorCloud.clientDebtors.set(
    linkKey('CL-1', 'DB-1'),
    debtor('DB-1', 'CL-1', { CreditLimit: '25000.1' }),
  );
  h.factorCloud.schedules.set(
    'B-CAD',
    schedule('B-CAD', [scheduleInvoice('B-CAD-1', 'N-1', '0.30')], { Amount: '0.30', PaymentMethod: 'A' }),
  );
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

describe('FactorCloud amounts are Money in FACTORCLOUD_CURRENCY', () => {
  it('reads every amount exactly, in CAD as configured, with no stated currency', async () => {
    const { body } = await h.query(`{
      factoringInvoice(integrationInvoiceId: "BIG-1") {
        amount { amount currency currencyRaw } escrowReserveAmount { amount currency }
        client { creditLimit { amount currency } } clientDebtor { creditLimit { amount currency } }
      }
      factoringSchedule(integrationBatchId: "B-CAD") { amount { amount currency } invoices { amount { amount currency } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      factoringInvoice: {
        amount: { amount: '12345678901234567.89', currency: 'CAD', currencyRaw: null },
        escrowReserveAmount: { amount: '0.10', currency: 'CAD' },
        client: { creditLimit: { amount: '98765432109876543.21', currency: 'CAD' } },
        clientDebtor: { creditLimit: { amount: '25000.10', currency: 'CAD' } },
      },
      factoringSchedule: {
        amount: { amount: '0.30', currency: 'CAD' },
        invoices: [{ amount: { amount: '0.30', currency: 'CAD' } }],
      },
    });
  });
});

describe('coded values outside the documented lists', () => {
  it('read UNKNOWN with the upstream text in the …Raw sibling, with no error', async () => {
    h.factorCloud.invoices.set('ODD-1', factoringInvoice('ODD-1', 'CL-ODD', { InvoiceStatus: 'Z' }));
    h.factorCloud.clients.set('CL-ODD', { ...client('CL-ODD'), Type: '7', Industry: 9 });
    h.factorCloud.masterDebtors.set('DB-ODD', debtor('DB-ODD', '', { Country: 'GBR' }));
    h.factorCloud.documents.set('doc-odd', {
      EncodedDoc: 'JVBERi0=',
      EncodingType: 'Q',
      ContentType: 'application/pdf',
      FileName: 'odd.pdf',
    });
    const { body } = await h.query(`{
      factoringInvoice(integrationInvoiceId: "ODD-1") {
        invoiceNumber status statusRaw client { type typeRaw industry industryRaw }
      }
      debtor(debtorKey: "DB-ODD") { country countryRaw }
      factoringDocument(uuid: "doc-odd") { fileName encodingType encodingTypeRaw }
      known: factoringSchedule(integrationBatchId: "B-CAD") { paymentMethod paymentMethodRaw }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      factoringInvoice: {
        invoiceNumber: 'ODD-1',
        status: 'UNKNOWN',
        statusRaw: 'Z',
        client: { type: 'UNKNOWN', typeRaw: '7', industry: 'UNKNOWN', industryRaw: '9' },
      },
      debtor: { country: 'UNKNOWN', countryRaw: 'GBR' },
      factoringDocument: { fileName: 'odd.pdf', encodingType: 'UNKNOWN', encodingTypeRaw: 'Q' },
      known: { paymentMethod: 'ACH', paymentMethodRaw: 'A' },
    });
  });

  it('refuses UNKNOWN as input, naming the field, and sends nothing', async () => {
    const { body } = await h.query(
      `mutation ($input: PostFactoringPaymentsInput!) {
        postFactoringPayments(input: $input) { batch { batchReference } userErrors { field code } } }`,
      {
        input: {
          batchReference: 'U-1',
          batchTotal: '1.00',
          accountNumber: '1',
          payments: [
            { paymentDate: '2026-03-31', paymentType: 'UNKNOWN', amount: '1.00', transactionNumber: 'T' },
          ],
        },
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.postFactoringPayments).toEqual({
      batch: null,
      userErrors: [{ field: ['input', 'payments', '0', 'paymentType'], code: 'INVALID_VALUE' }],
    });
    expect(h.factorCloud.requests).toHaveLength(0);
  });
});

describe('calendar days', () => {
  it('leave as RFC 3339 full-dates even when FactorCloud sends timestamps', async () => {
    h.factorCloud.invoices.set(
      'TS-1',
      factoringInvoice('TS-1', 'CL-1', {
        InvoiceDate: '2026-03-01 13:45:00',
        InvoiceDueDate: '2026-03-31T00:00:00-05:00',
        InvoicePurchaseDate: '2026-03-02T23:59:59Z',
        LastPaymentMadeOn: '03-31-26',
      }),
    );
    const { body } = await h.query(`{
      factoringInvoice(integrationInvoiceId: "TS-1") {
        invoiceDate dueDate invoicePurchaseDate lastPaymentMadeOn
        client { uccDate uccDate2 uccSignedDate }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const invoice = body.data?.factoringInvoice as Record<string, unknown> & {
      client: Record<string, unknown>;
    };
    expect(invoice).toEqual({
      invoiceDate: '2026-03-01',
      dueDate: '2026-03-31',
      invoicePurchaseDate: '2026-03-02',
      lastPaymentMadeOn: '2026-03-31',
      // The fake's client sends Postgres timestamps without a zone: `2024-01-15 00:00:00`.
      client: { uccDate: '2024-01-15', uccDate2: null, uccSignedDate: '2024-01-10' },
    });
    const days = [
      invoice.invoiceDate,
      invoice.dueDate,
      invoice.invoicePurchaseDate,
      invoice.lastPaymentMadeOn,
      invoice.client.uccDate,
      invoice.client.uccSignedDate,
    ];
    expect(days.filter(isRfc3339FullDate)).toHaveLength(days.length);
  });
});
