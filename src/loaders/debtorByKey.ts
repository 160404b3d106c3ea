import DataLoader from 'dataloader';
import type { DebtorRecord, FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** FactorCloud master debtors by DebtorKey (get-debtor-master); null when unknown. */
export type DebtorByKeyLoader = DataLoader<string, DebtorRecord | null, string>;

export function createDebtorByKeyLoader(factorCloud: FactorCloudClient): DebtorByKeyLoader {
  return new DataLoader(
    measuredBatch('debtorByKey', (keys) => settleEach(keys, (key) => factorCloud.getDebtorMaster(key))),
  );
}
