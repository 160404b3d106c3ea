import DataLoader from 'dataloader';
import type { DistributionEntry, DistributionPage, DistributionQuery } from '../upstreams/confirma/client.js';
import { normalizeInvoiceNumber } from '../lib/invoiceNumbers.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** The table's `distributionPages` loader: one GET /invoice/distribution per distinct query. */
type DistributionPageLoader = DataLoader<DistributionQuery, DistributionPage, string>;

/** The distribution record of one invoice, or null when Confirma does not know the number. */
export type DistributionByInvoiceNumberLoader = DataLoader<string, DistributionEntry | null, string>;

/**
 * Confirma has no multi-invoice lookup, so each distinct number is one filtered page request
 * (all started at once), made through the page loader so `invoice(n)` and
 * `invoices(filter: {invoiceNumber: n})` share it.
 *
 * Assumption (docs silent): an `invoiceNumber` filter is not limited by the default 30-day
 * window. The record is still matched by number, in case Confirma ignores the filter.
 */
export function createDistributionByInvoiceNumberLoader(
  pages: DistributionPageLoader,
  sizes?: BatchSizes,
): DistributionByInvoiceNumberLoader {
  return new DataLoader(
    measuredBatch('distributionByInvoiceNumber', sizes, (numbers) =>
      settleEach(numbers, async (invoiceNumber) =>
        findEntry(await pages.load({ invoiceNumber }), invoiceNumber),
      ),
    ),
    { cacheKeyFn: normalizeInvoiceNumber },
  );
}

function findEntry(page: DistributionPage, invoiceNumber: string): DistributionEntry | null {
  const wanted = normalizeInvoiceNumber(invoiceNumber);
  return page.entries.find((entry) => normalizeInvoiceNumber(entry.invoiceNumber) === wanted) ?? null;
}

/** Records that arrived in a list need no lookup of their own later in the same request. */
export function primeFromPage(loader: DistributionByInvoiceNumberLoader, page: DistributionPage): void {
  for (const entry of page.entries) loader.prime(entry.invoiceNumber, entry);
}
