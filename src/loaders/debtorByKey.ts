import DataLoader from 'dataloader';
import type { DebtorRecord, FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** FactorCloud master debtors by DebtorKey (get-debtor-master); null when unknown. */
export type DebtorByKeyLoader = DataLoader<string, DebtorRecord | null, string>;

export function createDebtorByKeyLoader(
  factorCloud: FactorCloudClient,
  sizes?: BatchSizes,
): DebtorByKeyLoader {
  return new DataLoader(
    measuredBatch('debtorByKey', sizes, (keys) =>
      settleEach(keys, (key) => factorCloud.getDebtorMaster(key)),
    ),
  );
}
