import DataLoader from 'dataloader';
import type { ClientRecord, FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** FactorCloud clients by ClientKey; null when FactorCloud does not know the key. */
export type ClientByKeyLoader = DataLoader<string, ClientRecord | null, string>;

export function createClientByKeyLoader(
  factorCloud: FactorCloudClient,
  sizes?: BatchSizes,
): ClientByKeyLoader {
  return new DataLoader(
    measuredBatch('clientByKey', sizes, (keys) => settleEach(keys, (key) => factorCloud.getClient(key))),
  );
}
