import { describe, expect, it } from 'vitest';
import { foundAge, invoiceAge, scheduleAge } from '../../src/upstreams/factorcloud/answerAges.js';

describe('FactorCloud answer ages', () => {
  it('treats a schedule as final only when every invoice is', () => {
    const paid = { status: 'FUNDED' as const, paidInFull: true };
    const open = { status: 'FUNDED' as const, paidInFull: false };
    expect(scheduleAge({ invoices: [paid, { status: 'CANCELLED', paidInFull: null }] })).toBe(
      'scheduleFinal',
    );
    expect(scheduleAge({ invoices: [paid, open] })).toBe('scheduleOpen');
    expect(scheduleAge({ invoices: [] })).toBe('scheduleOpen');
    expect(scheduleAge(null)).toBe('notFound');
  });

  it('calls an invoice final only when it is cancelled or paid in full', () => {
    expect(invoiceAge({ status: 'CANCELLED', paidInFull: null })).toBe('factoringInvoiceFinal');
    expect(invoiceAge({ status: 'FUNDED', paidInFull: true })).toBe('factoringInvoiceFinal');
    expect(invoiceAge({ status: 'FUNDED', paidInFull: false })).toBe('factoringInvoiceOpen');
    expect(invoiceAge({ status: 'UNKNOWN', paidInFull: null })).toBe('factoringInvoiceOpen');
    expect(invoiceAge({ status: null, paidInFull: null })).toBe('factoringInvoiceOpen');
    expect(invoiceAge(null)).toBe('notFound');
  });

  it('keeps master data and documents under their own setting when found', () => {
    expect(foundAge('party', { clientKey: 'CL-1' })).toBe('party');
    expect(foundAge('document', { uuid: 'u' })).toBe('document');
    expect(foundAge('party', null)).toBe('notFound');
  });
});
