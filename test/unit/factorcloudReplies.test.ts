import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../src/http/json.js';
import { clientBody, debtorBody } from '../../src/upstreams/factorcloud/bodies.js';
import { debtorSchema, vendorSchema } from '../../src/upstreams/factorcloud/debtorSchema.js';
import { documentSchema, storedDocumentUuid } from '../../src/upstreams/factorcloud/documentSchema.js';
import { paymentBatchSchema } from '../../src/upstreams/factorcloud/paymentSchema.js';
import { brokerScheduleSchema, scheduleSchema } from '../../src/upstreams/factorcloud/scheduleSchema.js';
import { factoringInvoiceSchema } from '../../src/upstreams/factorcloud/schemas.js';
import * as fc from '../fixtures/factorcloud.js';

describe('scheduleSchema (get-sched and the create-sched echo)', () => {
  it('reads docs-faithful strings, exact amounts and the InvoiceIntegrationId', () => {
    const body = parseJsonExact(
      '{"ClientKey":"CL-1","Amount":725.10,"PaymentMethod":"c","IntegrationBatchId":"B","Label":"","InvoiceArray":' +
        '[{"InvoiceIntegrationId":"I-1","InvoiceNumbe":"N-1","InvoiceAmount":"725.1","InvoiceStatus":"F","PaidInFull":"t"}]}',
    );
    const schedule = scheduleSchema.parse(body);
    expect(schedule).toMatchObject({
      amount: '725.10',
      paymentMethod: 'CHECK',
      label: null,
      integrationBatchId: 'B',
    });
    expect(schedule.invoices[0]).toMatchObject({
      integrationId: 'I-1',
      invoiceNumber: 'N-1',
      amount: '725.10',
      status: 'FUNDED',
      paidInFull: true,
    });
  });

  it('reads an echo that kept the create-sched names (InvoiceAr, RefNum, DueDate)', () => {
    const echo = {
      IntegrationBatchId: 'B',
      InvoiceArray: [
        { InvoiceNumber: 'N', InvoiceAr: '100', RefNum: 'BOL', DueDate: '2020-01-30', DocBase64: '4096' },
      ],
    };
    expect(scheduleSchema.parse(echo).invoices[0]).toMatchObject({
      amount: '100.00',
      refNumber: 'BOL',
      invoiceDueDate: '2020-01-30',
      integrationId: null,
    });
  });

  it('leaves out an invoice with neither InvoiceIntegrationId nor InvoiceNumber, keeping the rest', () => {
    const anonymous = { InvoiceIntegrationId: ' ', InvoiceNumber: '', InvoiceAmount: '1' };
    const reply = { Amount: '3', InvoiceArray: [anonymous, { InvoiceNumber: 'N', InvoiceAmount: '2' }] };
    const schedule = scheduleSchema.parse(reply);
    expect(schedule.amount).toBe('3.00');
    expect(schedule.invoices.map((i) => [i.invoiceNumber, i.amount])).toEqual([['N', '2.00']]);
    expect(brokerScheduleSchema.parse({ InvoiceArray: [{ VendorKey: 'V' }] }).invoices).toEqual([]);
  });

  it('reads an unknown PaymentMethod or InvoiceStatus letter as UNKNOWN, keeping the letter', () => {
    expect(scheduleSchema.parse({ PaymentMethod: 'X' })).toMatchObject({
      paymentMethod: 'UNKNOWN',
      paymentMethodRaw: 'X',
    });
    const odd = scheduleSchema.parse({ InvoiceArray: [{ InvoiceNumber: 'N', InvoiceStatus: 'Q' }] });
    expect(odd.invoices[0]).toMatchObject({ status: 'UNKNOWN', statusRaw: 'Q' });
  });

  it('still refuses a bad value in an identified invoice', () => {
    const bad = scheduleSchema.safeParse({ InvoiceArray: [{ InvoiceNumber: 'N', InvoiceAmount: 'N/A' }] });
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['invoicearray.0.invoiceamount']);
  });

  it.each([[''], ['  '], [null], [undefined]])('reads InvoiceArray %j as no invoices', (value) => {
    expect(scheduleSchema.parse({ IntegrationBatchId: 'B', InvoiceArray: value }).invoices).toEqual([]);
    expect(brokerScheduleSchema.parse({ InvoiceArray: value }).invoices).toEqual([]);
  });

  it('refuses an InvoiceArray that is text other than ""', () => {
    expect(scheduleSchema.safeParse({ InvoiceArray: 'Example' }).success).toBe(false);
  });

  it('reads broker invoices with vendor, advance and vendor reference', () => {
    const schedule = brokerScheduleSchema.parse({
      InvoiceArray: [{ InvoiceNumber: 'L', VendorKey: 'V', AdvanceAmount: '900', VendorInvoiceNumber: '' }],
    });
    expect(schedule.invoices[0]).toMatchObject({
      vendorKey: 'V',
      advanceAmount: '900.00',
      vendorInvoiceNumber: null,
    });
  });
});

describe('PaymentMade (typed String, value set undocumented: §3, §4.1)', () => {
  it('reads "100.00" as null and keeps the rest of the get-invoice reply', () => {
    const reply = { ...fc.invoiceDocsFaithfulOpen, PaymentMade: '100.00' };
    expect(factoringInvoiceSchema.parse(reply)).toEqual({
      ...factoringInvoiceSchema.parse(fc.invoiceDocsFaithfulOpen),
      paymentMade: null,
    });
  });

  it.each([['Partial'], ['2'], [2], [{ amount: 1 }], [[true]]])('reads %j as null', (value) => {
    expect(factoringInvoiceSchema.parse({ InvoiceNumber: 'N', PaymentMade: value }).paymentMade).toBeNull();
  });

  const SPELLINGS: Array<[unknown, boolean]> = [
    ['Y', true],
    ['yes', true],
    ['TRUE', true],
    [' t ', true],
  ];
  SPELLINGS.push(['1', true], [1, true], ['n', false], ['No', false], ['F', false], ['0', false]);
  it.each(SPELLINGS)('still reads %j as %s', (value, expected) => {
    expect(factoringInvoiceSchema.parse({ PaymentMade: value }).paymentMade).toBe(expected);
  });

  it('reads an odd value as null in get-sched and get-broker-sched invoices too', () => {
    const invoice = { InvoiceNumber: 'N', PaymentMade: 'Partial', PaidInFull: 'f' };
    expect(scheduleSchema.parse({ InvoiceArray: [invoice] }).invoices[0]).toMatchObject({
      invoiceNumber: 'N',
      paymentMade: null,
      paidInFull: false,
    });
    const broker = brokerScheduleSchema.parse({ InvoiceArray: [{ ...invoice, VendorKey: 'V' }] });
    expect(broker.invoices[0]).toMatchObject({ vendorKey: 'V', paymentMade: null });
  });

  it('keeps PaidInFull (documented Bool) strict', () => {
    expect(factoringInvoiceSchema.safeParse({ PaidInFull: '100.00' }).success).toBe(false);
  });
});

describe('debtor replies', () => {
  it('reads the docs example (every value "") as nulls', () => {
    const example = Object.fromEntries(
      ['ClientKey', 'DebtorKey', 'Name', 'ZipCode', 'MCNumber', 'CreditLimit', 'BuyStatus'].map((k) => [
        k,
        '',
      ]),
    );
    expect(Object.values(debtorSchema.parse(example)).every((value) => value === null)).toBe(true);
  });

  it('reads both spellings of ZipCode and MCNumber, and BuyStatus letters', () => {
    expect(debtorSchema.parse({ Zipcode: 'M5H', McNumber: 'MC1', BuyStatus: 'Y' })).toMatchObject({
      zipCode: 'M5H',
      mcNumber: 'MC1',
      buyStatus: true,
    });
  });

  it('reads a vendor echo whose key came back as DebtorKey', () => {
    expect(vendorSchema.parse({ ClientKey: 'C', DebtorKey: 'V' })).toMatchObject({
      clientKey: 'C',
      vendorKey: 'V',
    });
  });
});

describe('documents and payments', () => {
  it('maps EncodingType letters and reads unknown ones as UNKNOWN with the letter kept', () => {
    expect(documentSchema.parse({ EncodingType: 's', FileName: 'a.pdf' }).encodingType).toBe('BASE64');
    expect(documentSchema.parse({ EncodingType: 'Q' })).toMatchObject({
      encodingType: 'UNKNOWN',
      encodingTypeRaw: 'Q',
    });
  });

  it.each([
    [{ message: '200' }, null],
    [{ message: '200', UUID: 'u-1' }, 'u-1'],
    [{ DocumentUuid: ' u-2 ' }, 'u-2'],
    [{ uuid: '' }, null],
    ['200', null],
    [{ message: '200', data: { Uuid: 'u-3' } }, 'u-3'],
    [
      { message: '200', DocumentId: '3F2504E0-4F89-11D3-9A0C-0305E82C3301' },
      '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
    ],
    [{ message: '200', id: 42 }, null],
  ])('finds the store-docs UUID in %j', (body, expected) => {
    expect(storedDocumentUuid(body)).toBe(expected);
  });

  it("reads the post-payments echo with the example's MM-DD-YY date", () => {
    const batch = paymentBatchSchema.parse({
      BatchReference: 'mmm-111',
      BatchTotal: '1500.00',
      PaymentDetails: [{ PaymentDate: '03-31-21', PaymentType: 'ach', Amount: '1500' }],
    });
    expect(batch.payments[0]).toMatchObject({
      paymentDate: '2021-03-31',
      paymentType: 'ACH',
      amount: '1500.00',
    });
  });
});

describe('request bodies', () => {
  it('leaves out fields that were not given and writes codes as strings', () => {
    expect(clientBody({ clientKey: 'C', name: 'N', type: 'CARRIER', industry: 'GENERAL' })).toEqual({
      ClientKey: 'C',
      Name: 'N',
      Type: '0',
      Industry: '5',
    });
    expect(debtorBody({ clientKey: 'C', debtorKey: 'D', name: 'N', zipCode: '1', mcNumber: 'M' })).toEqual({
      ClientKey: 'C',
      DebtorKey: 'D',
      Name: 'N',
      Zipcode: '1',
      McNumber: 'M',
    });
  });
});
