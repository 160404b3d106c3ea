import DataLoader from 'dataloader';
import type { ClientRecord, FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** FactorCloud clients by ClientKey; null when FactorCloud does not know the key. */
export type ClientByKeyLoader = DataLoader<string, ClientRecord | null, string>;

export function createClientByKeyLoader(factorCloud: FactorCloudClient): ClientByKeyLoader {
  return new DataLoader(
    measuredBatch('clientByKey', (keys) => settleEach(keys, (key) => factorCloud.getClient(key))),
  );
}
