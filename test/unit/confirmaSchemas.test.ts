import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../src/http/json.js';
import {
  caseReplySchema,
  distributionPageSchema,
  distributionRecordSchema,
  recordInvoiceNumberSchema,
} from '../../src/upstreams/confirma/schemas.js';
import * as cf from '../fixtures/confirma.js';

function firstInvoice(body: Record<string, unknown>): unknown {
  const invoices = body.invoices;
  return Array.isArray(invoices) ? invoices[0] : undefined;
}

describe('distributionPageSchema', () => {
  it('reads metaData and keeps the records raw for one-by-one parsing', () => {
    const page = distributionPageSchema.parse(cf.distributionPage);
    expect(page.metaData).toEqual({
      totalCount: 3,
      successfulCount: 2,
      failedCount: 1,
      filtersApplied: {
        invoiceNumber: null,
        fromInvDate: '2026-03-01',
        toInvDate: '2026-03-31',
        fetchType: null,
        defaultLast30DaysApplied: false,
      },
    });
    expect(page.invoices).toHaveLength(3);
    expect(page.invoices?.[2]).toBe(cf.recordBadTimestamp);
  });

  it('accepts null metaData and null invoices', () => {
    expect(distributionPageSchema.parse(cf.distributionPageNoInvoices)).toEqual({
      metaData: null,
      invoices: null,
    });
  });

  it('refuses invoices that is not a list', () => {
    expect(distributionPageSchema.safeParse({ invoices: { invoiceNumber: 1 } }).success).toBe(false);
  });
});

describe('distributionRecordSchema', () => {
  it('flattens a record with an integer invoiceNumber into the subgraph shape', () => {
    expect(distributionRecordSchema.parse(cf.recordIntInvoiceNumber)).toEqual({
      invoiceNumber: '251601000',
      status: 'DISTRIBUTED',
      method: 'EINVOICE',
      message: null,
      createdAt: '2026-03-27T00:00:00Z',
      printedAt: null,
      distributedAt: '2026-03-27T08:15:00.123Z',
      fileUrl: 'https://files.example.com/inv/251601000.pdf',
      paymentControl: {
        enabled: true,
        agency: 'Confirma Collect',
        status: 'ACTIVE',
        caseId: '481920',
        activatedAt: '2026-04-27T06:00:00Z',
      },
      errors: [{ code: 'E-ADDR', description: 'Address incomplete', type: 'WARNING' }],
    });
  });

  it('reads a string invoiceNumber and a missing enabled flag as false', () => {
    const record = distributionRecordSchema.parse(cf.recordStringInvoiceNumber);
    expect(record.invoiceNumber).toBe('202600145');
    expect(record.paymentControl).toEqual({
      enabled: false,
      agency: 'Confirma Collect',
      status: 'INACTIVE',
      caseId: '12345',
      activatedAt: null,
    });
    expect(record.errors).toEqual([]);
  });

  it.each([
    ['null', cf.recordNullBlocks],
    ['missing', cf.recordMissingBlocks],
  ])('reads %s optional blocks as nulls and an empty error list', (_label, raw) => {
    const record = distributionRecordSchema.parse(raw);
    expect(record).toMatchObject({
      method: null,
      message: null,
      createdAt: null,
      printedAt: null,
      distributedAt: null,
      fileUrl: null,
      paymentControl: null,
      errors: [],
    });
  });

  it('refuses a record whose timestamp names no real day, at dates.createdAt', () => {
    const result = distributionRecordSchema.safeParse(cf.recordBadTimestamp);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['dates.createdAt']);
  });

  it('still reads the invoiceNumber of a record that breaks the contract', () => {
    expect(recordInvoiceNumberSchema.parse(cf.recordBadTimestamp)).toEqual({ invoiceNumber: '123456791' });
  });

  it('refuses a record without an invoiceNumber', () => {
    const result = distributionRecordSchema.safeParse(cf.recordMissingInvoiceNumber);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['invoiceNumber']);
  });

  it('refuses the seed verbatim record, whose createdAt is the placeholder "string"', () => {
    const raw = firstInvoice(cf.distributionSeedVerbatim);
    const result = distributionRecordSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['dates.createdAt']);
    expect(recordInvoiceNumberSchema.parse(raw)).toEqual({ invoiceNumber: '0' });
  });

  it('reads the seed record shape once its placeholders hold real values', () => {
    const raw = firstInvoice(cf.distributionSeedVerbatim);
    const filled = { ...(raw as object), dates: { createdAt: '2026-03-27T00:00:00Z' } };
    const record = distributionRecordSchema.parse(filled);
    expect(record).toMatchObject({
      invoiceNumber: '0',
      status: 'string',
      fileUrl: 'string',
      paymentControl: { enabled: true, caseId: null, activatedAt: null },
    });
  });
});

describe('caseReplySchema', () => {
  it('keeps a date-only closedAt and turns number amounts into Decimal text', () => {
    expect(caseReplySchema.parse(cf.caseDocsExample)).toEqual({
      case: {
        summary: {
          caseId: '12345',
          status: 'OPEN',
          stage: 'REMINDER',
          createdAt: '2019-08-24T14:15:22.123Z',
          closedAt: '2019-08-24',
          activeDays: 0,
          creditor: 'Northwind Oy',
          currency: 'EUR',
          agency: 'Confirma Collect',
        },
        balance: {
          capitalAmount: '0.00',
          interestAmount: '0.00',
          costsAmount: '0.00',
          totalAmount: '0.00',
        },
        payments: [],
        events: [],
        actions: [],
      },
    });
  });

  it('reads amounts sent as strings and as numbers alike', () => {
    const reply = caseReplySchema.parse(cf.caseMixedAmounts);
    expect(reply.case?.balance).toEqual({
      capitalAmount: '1000.50',
      interestAmount: '12.25',
      costsAmount: '7.00',
      totalAmount: '1019.75',
    });
    expect(reply.case?.summary).toMatchObject({ caseId: '481920', activeDays: 12, closedAt: null });
  });

  it('accepts a null balance and a null case', () => {
    expect(caseReplySchema.parse(cf.caseNoBalance).case?.balance).toBeNull();
    expect(caseReplySchema.parse(cf.caseNull)).toEqual({ case: null });
  });

  it('refuses an amount written with a decimal comma', () => {
    const result = caseReplySchema.safeParse(cf.caseBadAmount);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['case', 'balance', 'capitalAmount']);
  });

  it('keeps 1240.50 and a 64-bit caseId exact through parseJsonExact', () => {
    const body = parseJsonExact(cf.caseExactJson);
    const reply = caseReplySchema.parse(body);
    expect(reply.case?.summary.caseId).toBe('202603280001123456789');
    expect(reply.case?.summary.closedAt).toBe('2026-03-31');
    expect(reply.case?.balance).toEqual({
      capitalAmount: '1240.50',
      interestAmount: '0.10',
      costsAmount: '0.00',
      totalAmount: '1240.60',
    });
  });
});

describe('parseJsonExact', () => {
  it('keeps decimals and unsafe integers as source text and safe integers as numbers', () => {
    expect(parseJsonExact('{"a":1240.50,"b":202603280001123456789,"c":202603280001,"d":[0.1]}')).toEqual({
      a: '1240.50',
      b: '202603280001123456789',
      c: 202603280001,
      d: ['0.1'],
    });
  });

  it('differs from JSON.parse, which loses both', () => {
    const lossy = JSON.parse('{"a":1240.50,"b":202603280001123456789}') as { a: number; b: number };
    expect(String(lossy.a)).toBe('1240.5');
    expect(String(lossy.b)).not.toBe('202603280001123456789');
  });
});
