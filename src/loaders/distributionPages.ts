import DataLoader from 'dataloader';
import type { ConfirmaClient, DistributionPage, DistributionQuery } from '../upstreams/confirma/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** Pages of GET /invoice/distribution, one upstream call per distinct query per request. */
export type DistributionPageLoader = DataLoader<DistributionQuery, DistributionPage, string>;

export function createDistributionPageLoader(
  confirma: ConfirmaClient,
  sizes?: BatchSizes,
): DistributionPageLoader {
  return new DataLoader(
    measuredBatch('distributionPages', sizes, (queries) =>
      settleEach(queries, (query) => confirma.listDistribution(query)),
    ),
    {
      cacheKeyFn: queryKey,
    },
  );
}

/** Stable key: same filters in any property order, `undefined` members dropped. */
function queryKey(query: DistributionQuery): string {
  return JSON.stringify([query.invoiceNumber, query.fromInvDate, query.toInvDate, query.fetchType]);
}
