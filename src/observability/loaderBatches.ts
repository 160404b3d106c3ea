import type { Metrics } from './metrics.js';

/** Where a request's loaders record their batch sizes: the subgraph's metrics. */
export type BatchSizes = Pick<Metrics, 'observeBatch'>;

/**
 * Wraps a DataLoader batch function so each batch's size is recorded under `loader`
 * (`dataloader_batch_size`). Loaders made without `sizes` (tools, tests) record nothing.
 */
export function measuredBatch<K, R>(
  loader: string,
  sizes: BatchSizes | undefined,
  batch: (keys: readonly K[]) => R,
): (keys: readonly K[]) => R {
  if (!sizes) return batch;
  return (keys) => {
    sizes.observeBatch(loader, keys.length);
    return batch(keys);
  };
}
