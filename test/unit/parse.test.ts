import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpstreamError } from '../../src/http/errors.js';
import { caseReplySchema } from '../../src/upstreams/confirma/schemas.js';
import { factoringInvoiceSchema } from '../../src/upstreams/factorcloud/schemas.js';
import { parseReply } from '../../src/upstreams/parse.js';

const CANARY = 'secret-canary-123';
const invoiceWhere = { upstream: 'factorcloud', endpoint: 'get-invoice' } as const;

function breachOf(run: () => unknown): UpstreamError {
  try {
    run();
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected parseReply to throw');
}

describe('parseReply', () => {
  it('returns the parsed output when the reply keeps the contract', () => {
    const invoice = parseReply(
      factoringInvoiceSchema,
      { InvoiceNumbe: 'INV-1', InvoiceAmount: '5' },
      invoiceWhere,
    );
    expect(invoice.invoiceNumber).toBe('INV-1');
    expect(invoice.amount).toBe('5.00');
  });

  it('turns a zod failure into UPSTREAM_BAD_RESPONSE naming the upstream, endpoint and path', () => {
    const error = breachOf(() => parseReply(factoringInvoiceSchema, { InvoiceDueDate: CANARY }, invoiceWhere));
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.upstream).toBe('factorcloud');
    expect(error.endpoint).toBe('get-invoice');
    expect(error.message).toContain('FactorCloud');
    expect(error.message).toContain('get-invoice');
    expect(error.message).toContain('invoiceduedate');
  });

  it('never puts the offending value in the message', () => {
    const bodies = [
      { InvoiceDueDate: CANARY },
      { InvoiceAmount: CANARY },
      { InvoiceDate: CANARY },
      { PaidInFull: CANARY },
      { ClientKey: { nested: CANARY } },
    ];
    for (const body of bodies) {
      const error = breachOf(() => parseReply(factoringInvoiceSchema, body, invoiceWhere));
      expect(error.message).not.toContain(CANARY);
      expect(error.message).not.toContain('canary');
    }
  });

  it('names nested paths with dots, without the value', () => {
    const body = { case: { summary: { caseId: 1, createdAt: CANARY } } };
    const error = breachOf(() =>
      parseReply(caseReplySchema, body, { upstream: 'confirma', endpoint: 'case' }),
    );
    expect(error.message).toContain('Confirma');
    expect(error.message).toContain('case.summary.createdAt');
    expect(error.message).not.toContain(CANARY);
  });

  it('keeps the value out of messages from zod built-in checks too', () => {
    const schema = z.object({ kind: z.enum(['a', 'b']), count: z.number(), tag: z.literal('x') });
    const error = breachOf(() =>
      parseReply(schema, { kind: CANARY, count: CANARY, tag: CANARY }, invoiceWhere),
    );
    expect(error.message).toMatch(/kind: .*; count: .*; tag: /);
    expect(error.message).not.toContain(CANARY);
  });

  it('says (body) when the whole reply is the wrong type', () => {
    const error = breachOf(() => parseReply(factoringInvoiceSchema, CANARY, invoiceWhere));
    expect(error.message).toContain('(body)');
    expect(error.message).not.toContain(CANARY);
  });

  it('lists at most three problems', () => {
    const body = {
      InvoiceDueDate: 'x',
      InvoiceAmount: 'x',
      InvoiceDate: 'x',
      PaidInFull: 'x',
      PaymentMade: 'x',
    };
    const error = breachOf(() => parseReply(factoringInvoiceSchema, body, invoiceWhere));
    expect(error.message.match(/expected/g)).toHaveLength(3);
  });
});
