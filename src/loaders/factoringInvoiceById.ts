import DataLoader from 'dataloader';
import type { FactorCloudClient, FactoringInvoiceRecord } from '../upstreams/factorcloud/client.js';
import { settleEach } from './settle.js';

/** FactorCloud invoices by InvoiceIntegrationId; null when FactorCloud does not know the id. */
export type FactoringInvoiceByIdLoader = DataLoader<string, FactoringInvoiceRecord | null, string>;

export function createFactoringInvoiceByIdLoader(factorCloud: FactorCloudClient): FactoringInvoiceByIdLoader {
  return new DataLoader((ids) => settleEach(ids, (id) => factorCloud.getInvoice(id)));
}
