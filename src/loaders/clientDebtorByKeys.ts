import DataLoader from 'dataloader';
import type { ClientDebtorRecord, FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

export interface ClientDebtorKeys {
  clientKey: string;
  debtorKey: string;
}

/**
 * A client's sub-debtor by (ClientKey, DebtorKey), via get-client-debtor; null when unknown.
 * FactorCloud has one call per pair, so a batch is one call per distinct pair.
 */
export type ClientDebtorByKeysLoader = DataLoader<ClientDebtorKeys, ClientDebtorRecord | null, string>;

export function createClientDebtorByKeysLoader(
  factorCloud: FactorCloudClient,
  sizes?: BatchSizes,
): ClientDebtorByKeysLoader {
  return new DataLoader(
    measuredBatch('clientDebtorByKeys', sizes, (pairs) =>
      settleEach(pairs, (pair) => factorCloud.getClientDebtor(pair.clientKey, pair.debtorKey)),
    ),
    { cacheKeyFn: clientDebtorCacheKey },
  );
}

/** JSON of the pair: no separator character a key could contain can make two pairs collide. */
export function clientDebtorCacheKey(pair: ClientDebtorKeys): string {
  return JSON.stringify([pair.clientKey, pair.debtorKey]);
}
