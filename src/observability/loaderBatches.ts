import { currentRequestScope } from './requestScope.js';

/**
 * Wraps a DataLoader batch function so each batch's size is recorded under `loader`
 * (`dataloader_batch_size`). The batch runs inside the request that scheduled it, so the
 * request's metrics are found without the loaders having to carry them.
 */
export function measuredBatch<K, R>(
  loader: string,
  batch: (keys: readonly K[]) => R,
): (keys: readonly K[]) => R {
  return (keys) => {
    currentRequestScope()?.metrics.observeBatch(loader, keys.length);
    return batch(keys);
  };
}
