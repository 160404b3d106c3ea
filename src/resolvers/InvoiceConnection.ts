import type {
  AppliedInvoiceFilterResolvers,
  InvoiceConnectionResolvers,
} from '../__generated__/resolvers-types.js';
import { normalizeInvoiceNumber } from '../lib/invoiceNumbers.js';
import { pageOf } from '../pagination/connection.js';
import type { PageRequest } from '../pagination/pageArgs.js';
import type { SortKey } from '../pagination/cursor.js';
import type { DistributionEntry, DistributionPage } from '../upstreams/confirma/client.js';
import type { InvoiceConnectionModel, InvoiceModel } from './models.js';

/** The connection's name in its cursors. */
export const INVOICES_CONNECTION = 'invoices';

/**
 * Position of an invoice in `invoices`: its invoice number, ascending as a number. Confirma
 * invoice numbers are integers (sent as numbers or strings, confirma.md §3.4), so the normalised
 * number (no leading zeros) is compared by length first and then digit by digit, which is numeric
 * order without the precision limit of a double. The records carry no invoice date (the seed
 * shows none), so the number is the one key every record has and none changes.
 */
export function invoiceSortKey(invoice: InvoiceModel): SortKey {
  const number = normalizeInvoiceNumber(invoice.invoiceNumber);
  return [number.length, number];
}

/**
 * One page of the window Confirma listed. A number Confirma lists twice is kept once (the first
 * record): two records with one key would straddle a page boundary and the second be skipped.
 */
export function invoicePage(window: DistributionPage, request: PageRequest): InvoiceConnectionModel {
  const seen = new Set<string>();
  const invoices: InvoiceModel[] = [];
  for (const entry of window.entries) {
    const number = normalizeInvoiceNumber(entry.invoiceNumber);
    if (seen.has(number)) continue;
    seen.add(number);
    invoices.push(asInvoice(entry));
  }
  return { ...pageOf(invoices, invoiceSortKey, request), window };
}

function asInvoice(entry: DistributionEntry): InvoiceModel {
  return { invoiceNumber: entry.invoiceNumber, entry };
}

export const InvoiceConnection: InvoiceConnectionResolvers = {
  successfulCount: (page) => page.window.successfulCount,
  failedCount: (page) => page.window.failedCount,
  filtersApplied: (page) => page.window.filtersApplied,
};

export const AppliedInvoiceFilter: AppliedInvoiceFilterResolvers = {
  invoiceNumber: (applied) => applied.invoiceNumber,
  from: (applied) => applied.fromInvDate,
  to: (applied) => applied.toInvDate,
  fetchType: (applied) => applied.fetchType,
  defaultLast30DaysApplied: (applied) => applied.defaultLast30DaysApplied,
};
