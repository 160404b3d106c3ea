import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

interface UserErrorReply {
  field: string[];
  code: string;
  message: string;
}

/** Runs `mutation`, expects only user errors (as [path, code]) and no upstream request at all. */
async function expectRefused(
  mutation: string,
  type: string,
  input: unknown,
  expected: Array<[string, string]>,
) {
  const { body } = await h.query(
    `mutation ($input: ${type}) { ${mutation}(input: $input) { userErrors { field code message } } }`,
    { input },
  );
  expect(body.errors).toBeUndefined();
  const errors = (body.data?.[mutation] as { userErrors: UserErrorReply[] }).userErrors;
  expect(errors.map((e) => [e.field.join('.'), e.code])).toEqual(expected);
  for (const error of errors) expect(error.message.startsWith(error.field.join('.'))).toBe(true);
  expect(h.factorCloud.requests).toHaveLength(0);
}

const invoice = (n: number, amount: string) => ({
  integrationInvoiceId: `I-${n}`,
  debtorKey: 'DB-1',
  invoiceNumber: `N-${n}`,
  amount,
});

describe('FactorCloud mutations refuse bad input before any upstream call', () => {
  it('upsertClient: every field problem at once', async () => {
    await expectRefused(
      'upsertClient',
      'UpsertClientInput!',
      {
        clientKey: 'C-1',
        name: '  ',
        state: 'Kentucky',
        phone: '555-0100',
        fax: '(502)555-0100',
        email: 'not-an-email',
        creditLimit: '-1',
      },
      [
        ['input.name', 'REQUIRED'],
        ['input.state', 'INVALID_FORMAT'],
        ['input.phone', 'INVALID_FORMAT'],
        ['input.fax', 'INVALID_FORMAT'],
        ['input.email', 'INVALID_EMAIL'],
        ['input.creditLimit', 'OUT_OF_RANGE'],
      ],
    );
  });

  it('upsertDebtor: country UNKNOWN (an output-only value) and a malformed phone', async () => {
    await expectRefused(
      'upsertDebtor',
      'UpsertDebtorInput!',
      { clientKey: 'C-1', debtorKey: 'D-1', name: 'Debtor', country: 'UNKNOWN', phone: '+1 502 555 0100' },
      [
        ['input.phone', 'INVALID_FORMAT'],
        ['input.country', 'INVALID_VALUE'],
      ],
    );
  });

  it('upsertDebtor and upsertVendor: a Zipcode outside the US, Mexican and Canadian formats', async () => {
    const party = { clientKey: 'C-1', name: 'Party', zipCode: 'ABC' };
    await expectRefused('upsertDebtor', 'UpsertDebtorInput!', { ...party, debtorKey: 'D-1' }, [
      ['input.zipCode', 'INVALID_FORMAT'],
    ]);
    const { body } = await h.query(
      `mutation ($input: UpsertVendorInput!) { upsertVendor(input: $input) { userErrors { message } } }`,
      { input: { ...party, vendorKey: 'V-1', zipCode: '40202', country: 'CAN' } },
    );
    expect(body.data?.upsertVendor).toEqual({
      userErrors: [{ message: 'input.zipCode: must be a Canadian postal code (A#A #A#) for country CAN' }],
    });
    expect(h.factorCloud.requests).toHaveLength(0);
  });

  it('upsertVendor: a blank key and a one-letter state', async () => {
    await expectRefused(
      'upsertVendor',
      'UpsertVendorInput!',
      { clientKey: 'C-1', vendorKey: ' ', name: 'Vendor', state: 'K' },
      [
        ['input.vendorKey', 'REQUIRED'],
        ['input.state', 'INVALID_FORMAT'],
      ],
    );
  });

  it('createFactoringSchedule: per-invoice amounts, the exact total, duplicates and Base64', async () => {
    await expectRefused(
      'createFactoringSchedule',
      'CreateFactoringScheduleInput!',
      {
        integrationBatchId: 'B-1',
        clientKey: 'C-1',
        paymentMethod: 'ACH',
        amount: '100',
        invoices: [
          invoice(1, '50.00'),
          { ...invoice(2, '0'), documentBase64: 'not base64!' },
          invoice(3, '10.005'),
          invoice(1, '25'),
        ],
      },
      [
        ['input.invoices.1.amount', 'OUT_OF_RANGE'],
        ['input.invoices.1.documentBase64', 'INVALID_FORMAT'],
        ['input.invoices.2.amount', 'TOO_MANY_DECIMALS'],
        ['input.invoices.3.integrationInvoiceId', 'INCONSISTENT'],
        ['input.invoices.3.invoiceNumber', 'INCONSISTENT'],
      ],
    );
  });

  it('createFactoringSchedule: a RefNum repeated for the same debtor', async () => {
    const withRef = (n: number, refNumber: string) => ({ ...invoice(n, '1'), refNumber });
    await expectRefused(
      'createFactoringSchedule',
      'CreateFactoringScheduleInput!',
      {
        integrationBatchId: 'B-1',
        clientKey: 'C-1',
        paymentMethod: 'ACH',
        amount: '3',
        invoices: [withRef(1, 'BOL-7'), { ...withRef(2, 'BOL-7'), debtorKey: 'DB-2' }, withRef(3, ' BOL-7')],
      },
      [['input.invoices.2.refNumber', 'INCONSISTENT']],
    );
  });

  it('createFactoringSchedule: a total that is not the sum, and no invoices', async () => {
    const base = { integrationBatchId: 'B-1', clientKey: 'C-1', paymentMethod: 'CHECK' };
    await expectRefused(
      'createFactoringSchedule',
      'CreateFactoringScheduleInput!',
      { ...base, amount: '0.30', invoices: [invoice(1, '0.10'), invoice(2, '0.21')] },
      [['input.amount', 'INCONSISTENT']],
    );
    await expectRefused(
      'createFactoringSchedule',
      'CreateFactoringScheduleInput!',
      { ...base, amount: '1', invoices: [] },
      [['input.invoices', 'REQUIRED']],
    );
  });

  it('createBrokerSchedule: an advance above the invoice amount', async () => {
    await expectRefused(
      'createBrokerSchedule',
      'CreateBrokerScheduleInput!',
      {
        integrationBatchId: 'B-2',
        clientKey: 'C-1',
        paymentMethod: 'WIRE',
        amount: '100',
        invoices: [
          { debtorKey: 'D', vendorKey: 'V', invoiceNumber: 'L', amount: '100', advanceAmount: '100.01' },
        ],
      },
      [['input.invoices.0.advanceAmount', 'OUT_OF_RANGE']],
    );
  });

  it('storeFactoringDocument: only application/pdf, and real Base64 for BASE64', async () => {
    await expectRefused(
      'storeFactoringDocument',
      'StoreFactoringDocumentInput!',
      { fileName: '', contentType: 'image/png', encodingType: 'BASE64', encodedDoc: 'abc' },
      [
        ['input.fileName', 'REQUIRED'],
        ['input.contentType', 'INVALID_VALUE'],
        ['input.encodedDoc', 'INVALID_FORMAT'],
      ],
    );
  });

  it('postFactoringPayments: BatchTotal must be the exact sum; amounts positive', async () => {
    const payment = (amount: string) => ({
      paymentDate: '2026-03-31',
      paymentType: 'WIRE',
      amount,
      transactionNumber: 'T',
    });
    await expectRefused(
      'postFactoringPayments',
      'PostFactoringPaymentsInput!',
      {
        batchReference: 'b',
        batchTotal: '100.00',
        accountNumber: 'A',
        payments: [payment('60'), payment('40.01')],
      },
      [['input.batchTotal', 'INCONSISTENT']],
    );
    await expectRefused(
      'postFactoringPayments',
      'PostFactoringPaymentsInput!',
      { batchReference: 'b', batchTotal: '5', accountNumber: 'A', payments: [payment('-5')] },
      [['input.payments.0.amount', 'OUT_OF_RANGE']],
    );
  });

  it('testFactorCloudConnection: an empty test value', async () => {
    await expectRefused('testFactorCloudConnection', 'TestFactorCloudConnectionInput', { testValue: '' }, [
      ['input.testValue', 'REQUIRED'],
    ]);
  });

  it('refuses values the schema types rule out (an impossible Date, an unknown enum) as request errors', async () => {
    const { body } = await h.query(
      `mutation ($input: PostFactoringPaymentsInput!) { postFactoringPayments(input: $input) { userErrors { code } } }`,
      {
        input: {
          batchReference: 'b',
          batchTotal: '1',
          accountNumber: 'A',
          payments: [{ paymentDate: '2026-02-30', paymentType: 'ACH', amount: '1', transactionNumber: 'T' }],
        },
      },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('paymentDate');
    expect(h.factorCloud.requests).toHaveLength(0);
  });
});
