import type { TtlName } from '../ttlNames.js';
import type { FactoringInvoiceRecord } from './records.js';

/**
 * Which TTL setting a FactorCloud answer is kept under, by its state. The docs list no status
 * meanings beyond the codes (factorcloud.md §3), so an invoice is "final" only on evidence that
 * it is (cancelled, or paid in full); anything else counts as still moving and gets the short TTL.
 */

/** What decides a FactorCloud invoice's age (get-invoice records and schedule invoices alike). */
export type InvoiceState = Pick<FactoringInvoiceRecord, 'status' | 'paidInFull'>;

export function invoiceAge(found: InvoiceState | null): TtlName {
  if (!found) return 'notFound';
  return invoiceIsFinal(found) ? 'factoringInvoiceFinal' : 'factoringInvoiceOpen';
}

/** A schedule is final only when it has invoices and every one of them is. */
export function scheduleAge(found: { invoices: readonly InvoiceState[] } | null): TtlName {
  if (!found) return 'notFound';
  const final = found.invoices.length > 0 && found.invoices.every(invoiceIsFinal);
  return final ? 'scheduleFinal' : 'scheduleOpen';
}

/** Master data and documents: one setting when found, the not-found setting otherwise. */
export function foundAge(name: 'party' | 'document', found: unknown): TtlName {
  return found === null ? 'notFound' : name;
}

function invoiceIsFinal(invoice: InvoiceState): boolean {
  return invoice.status === 'CANCELLED' || invoice.paidInFull === true;
}
