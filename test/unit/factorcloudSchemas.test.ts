import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../src/http/json.js';
import { hasNoValues } from '../../src/upstreams/factorcloud/keys.js';
import {
  CLIENT_KEYS,
  INVOICE_KEYS,
  clientSchema,
  factoringInvoiceSchema,
} from '../../src/upstreams/factorcloud/schemas.js';
import * as fc from '../fixtures/factorcloud.js';

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('factoringInvoiceSchema', () => {
  it('reads the seed all-empty reply as all nulls', () => {
    const invoice = factoringInvoiceSchema.parse(fc.invoiceSeedAllEmpty);
    expect(Object.values(invoice).every((value) => value === null)).toBe(true);
    expect(Object.keys(invoice)).toHaveLength(16);
  });

  it('reads InvoiceNumbe when the key is misspelled, with every value a string', () => {
    expect(factoringInvoiceSchema.parse(fc.invoiceDocsFaithfulOpen)).toEqual({
      clientKey: 'CL-100',
      debtorKey: 'DB-200',
      invoiceNumber: 'INV-1001',
      amount: '1250.50',
      invoiceDate: '2026-03-01',
      invoiceDueDate: '2026-03-31',
      status: 'FUNDED',
      statusRaw: 'F',
      refNumber: 'PO-7781',
      invoicePurchaseDate: '2026-03-02',
      invoiceFundDate: '2026-03-03',
      escrowReserveAmount: '125.00',
      paymentMade: false,
      lastPaymentMadeOn: null,
      paidInFull: false,
      paidInFullOn: null,
    });
  });

  it('reads Y and t as true and "" as null in a docs-faithful paid reply', () => {
    const invoice = factoringInvoiceSchema.parse(fc.invoiceDocsFaithfulPaid);
    expect(invoice).toMatchObject({
      invoiceNumber: 'INV-1002',
      amount: '980.00',
      status: 'CANCELLED',
      escrowReserveAmount: null,
      paymentMade: true,
      lastPaymentMadeOn: '2026-04-10',
      paidInFull: true,
      paidInFullOn: '2026-04-10',
    });
  });

  it('reads "true" and "false" as booleans', () => {
    const invoice = factoringInvoiceSchema.parse(fc.invoiceBooleanWords);
    expect(invoice.paymentMade).toBe(true);
    expect(invoice.paidInFull).toBe(false);
  });

  it('reads a typed reply with numbers, booleans and nulls', () => {
    expect(factoringInvoiceSchema.parse(fc.invoiceTyped)).toEqual({
      clientKey: '100',
      debtorKey: 'DB-200',
      invoiceNumber: 'INV-2001',
      amount: '1250.50',
      invoiceDate: '2026-03-01',
      invoiceDueDate: '2026-03-31',
      status: 'PENDING',
      statusRaw: 'P',
      refNumber: null,
      invoicePurchaseDate: null,
      invoiceFundDate: null,
      escrowReserveAmount: '0.00',
      paymentMade: false,
      lastPaymentMadeOn: null,
      paidInFull: false,
      paidInFullOn: null,
    });
  });

  it('keeps 1240.50 and a 64-bit client key exact when the raw body goes through parseJsonExact', () => {
    const body = parseJsonExact(fc.invoiceTypedJson);
    expect(body).toMatchObject({ ClientKey: '202603280001123456789', InvoiceAmount: '1240.50' });
    const invoice = factoringInvoiceSchema.parse(body);
    expect(invoice.clientKey).toBe('202603280001123456789');
    expect(invoice.amount).toBe('1240.50');
    expect(invoice.escrowReserveAmount).toBe('124.05');
    expect(invoice.status).toBe('VERIFIED');
    expect(invoice.paymentMade).toBe(true);
  });

  it('matches keys whatever their casing', () => {
    expect(factoringInvoiceSchema.parse(fc.invoiceKeyCasing)).toMatchObject({
      clientKey: 'CL-100',
      invoiceNumber: 'INV-3001',
      amount: '99.90',
      status: 'ON_HOLD',
    });
  });

  it('reads YYYY-MM-DD, YYYY-MM-DD HH:MM:SS and MM-DD-YY dates as YYYY-MM-DD', () => {
    expect(factoringInvoiceSchema.parse(fc.invoiceDateFormats)).toMatchObject({
      invoiceDate: '2026-03-01',
      invoiceDueDate: '2026-03-31',
      invoicePurchaseDate: '2026-03-02',
      lastPaymentMadeOn: '2021-03-31',
    });
  });

  it.each(fc.statusLetters)('maps the lower-case status letter %s to %s', (letter, status) => {
    expect(factoringInvoiceSchema.parse({ InvoiceStatus: letter }).status).toBe(status);
  });

  it('reads an unknown status letter as UNKNOWN with the letter kept, not as a broken reply', () => {
    const invoice = factoringInvoiceSchema.parse(fc.invoiceUnknownStatus);
    expect(invoice).toMatchObject({ invoiceNumber: 'INV-5001', status: 'UNKNOWN', statusRaw: 'Q' });
  });

  it('refuses a date that does not exist', () => {
    const result = factoringInvoiceSchema.safeParse(fc.invoiceBadDate);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual(['invoiceduedate']);
  });

  it('refuses a non-numeric amount', () => {
    const result = factoringInvoiceSchema.safeParse(fc.invoiceNonNumericAmount);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual(['invoiceamount']);
  });

  it('refuses a boolean word it does not know', () => {
    expect(factoringInvoiceSchema.safeParse({ PaidInFull: 'maybe' }).success).toBe(false);
  });
});

describe('clientSchema', () => {
  it('reads a docs-faithful get-client reply into camelCase fields', () => {
    expect(clientSchema.parse(fc.clientDocsFaithful)).toEqual({
      uuid: '6f1c2a9e-0b1d-4c55-9b1e-2f7f8f1a0c11',
      clientKey: 'CL-100',
      name: 'Northwind Haulage LLC',
      compCode: 'NWH',
      address1: '12 Dock Rd',
      address2: null,
      city: 'Louisville',
      state: 'KY',
      zipCode: '40202',
      country: 'USA',
      phone: '502-555-0100',
      phoneAlt: null,
      fax: null,
      email: 'ops@northwind.example',
      uccDate: '2024-01-15',
      uccDate2: null,
      uccSignedDate: '2024-01-10',
      type: 'CARRIER',
      typeRaw: '0',
      industry: 'TRANSPORTATION',
      industryRaw: '1',
      altName: null,
      ediId: null,
      fedTaxNum: '12-3456789',
      dunsNum: null,
      mcNumber: 'MC-123456',
      dotNumber: '987654',
      creditLimit: '50000.00',
    });
  });

  it('reads a typed get-client reply', () => {
    expect(clientSchema.parse(fc.clientTyped)).toMatchObject({
      clientKey: '101',
      type: 'BROKER',
      industry: 'GENERAL',
      creditLimit: '75000.50',
      uccDate: null,
    });
  });

  it('reads ZIPCODE, McNumber and dotnumber spellings', () => {
    expect(clientSchema.parse(fc.clientKeyCasingUpper)).toMatchObject({
      zipCode: '10001',
      mcNumber: 'MC-222',
      dotNumber: '333',
    });
  });

  it('reads Zipcode and prefers the non-empty MCNumber over an empty McNumber', () => {
    expect(clientSchema.parse(fc.clientKeyCasingMixed)).toMatchObject({
      zipCode: 'V5K 0A1',
      mcNumber: 'MC-444',
    });
  });

  it('reads a client Type other than 0 or 1 and an Industry outside 1 to 5 as UNKNOWN, keeping the text', () => {
    expect(clientSchema.parse(fc.clientBadType)).toMatchObject({ type: 'UNKNOWN', typeRaw: '2' });
    expect(clientSchema.parse(fc.clientBadIndustry)).toMatchObject({ industry: 'UNKNOWN', industryRaw: '6' });
  });
});

describe('hasNoValues', () => {
  it('recognises the seed all-empty invoice reply', () => {
    expect(hasNoValues(fc.invoiceSeedAllEmpty, INVOICE_KEYS)).toBe(true);
  });

  it('recognises an all-empty client reply', () => {
    expect(hasNoValues(fc.clientAllEmpty, CLIENT_KEYS)).toBe(true);
  });

  it('treats a reply with only unknown keys or no object as having no values', () => {
    expect(hasNoValues({ Message: 'not found' }, INVOICE_KEYS)).toBe(true);
    expect(hasNoValues(null, INVOICE_KEYS)).toBe(true);
  });

  it('sees a single value, even under a misspelled or differently cased key', () => {
    expect(hasNoValues({ ...fc.invoiceSeedAllEmpty, InvoiceNumbe: 'INV-1' }, INVOICE_KEYS)).toBe(false);
    expect(hasNoValues({ INVOICEAMOUNT: 0 }, INVOICE_KEYS)).toBe(false);
    expect(hasNoValues(fc.invoiceTyped, INVOICE_KEYS)).toBe(false);
  });
});
