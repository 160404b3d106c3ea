import DataLoader from 'dataloader';
import type { FactorCloudClient, FactoringInvoiceRecord } from '../upstreams/factorcloud/client.js';
import type { ListedInvoices } from './listedInvoices.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/**
 * FactorCloud invoices by InvoiceIntegrationId; null when FactorCloud does not know the id. One
 * get-invoice call per distinct id, all started at once (settle.ts), after the invoices a
 * schedule of the same request brought.
 */
export type FactoringInvoiceByIdLoader = DataLoader<string, FactoringInvoiceRecord | null, string>;

/** Ids a schedule in the same request already brought cost no get-invoice call (listedInvoices.ts). */
export function createFactoringInvoiceByIdLoader(
  factorCloud: FactorCloudClient,
  listed?: ListedInvoices,
  sizes?: BatchSizes,
): FactoringInvoiceByIdLoader {
  return new DataLoader(
    measuredBatch('factoringInvoiceById', sizes, (ids) =>
      settleEach(ids, async (id) => (await listed?.find(id)) ?? factorCloud.factoringInvoiceById(id)),
    ),
  );
}
