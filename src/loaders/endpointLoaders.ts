import DataLoader from 'dataloader';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import type { EndpointClient, EndpointTable, LoaderRule, ParamsOf, ResultOf } from '../upstreams/endpoint.js';
import { settleEach } from './settle.js';

/** The per-request loaders of a table: one per entry with a `loader` rule, named like the entry. */
export type EndpointLoaders<T> = {
  readonly [K in keyof T as T[K] extends { loader: LoaderRule<never> } ? K : never]: DataLoader<
    ParamsOf<T[K]>,
    ResultOf<T[K]>,
    string
  >;
};

type Method = (params: unknown) => Promise<unknown>;

interface Loaders {
  readonly client: Record<string, Method>;
  readonly sizes: BatchSizes | undefined;
  readonly built: Map<string, DataLoader<unknown, unknown, string>>;
}

/** The class of a table's loaders, for an upstream that adds loaders of its own in a subclass. */
export type EndpointLoadersClass<T> = new (
  client: EndpointClient<T>,
  sizes?: BatchSizes,
) => EndpointLoaders<T>;

/**
 * The loaders of a table, built once per table. Each loader is made when a resolver first
 * reads it. Neither upstream has a multi-key read, so a loader's batch is one call per distinct
 * key, all started at once (settle.ts); what the loader saves is the repeats: a key asked for
 * twice in one request is one call. Batch sizes are recorded as `dataloader_batch_size{loader}`.
 */
export function endpointLoaders<T extends EndpointTable>(
  table: T,
): (client: EndpointClient<T>, sizes?: BatchSizes) => EndpointLoaders<T> {
  const TableLoaders = endpointLoadersClass(table);
  return (client, sizes) => new TableLoaders(client, sizes);
}

/** The class behind endpointLoaders: one lazy getter per entry with a `loader` rule. */
export function endpointLoadersClass<T extends EndpointTable>(table: T): EndpointLoadersClass<T> {
  class TableLoaders implements Loaders {
    readonly client: Record<string, Method>;
    readonly built = new Map<string, DataLoader<unknown, unknown, string>>();
    constructor(
      client: EndpointClient<T>,
      readonly sizes: BatchSizes | undefined,
    ) {
      // The client has one method per entry (EndpointClient); looked up by the entry's name.
      this.client = client as unknown as Record<string, Method>;
    }
  }
  for (const [name, entry] of Object.entries(table)) {
    const rule = entry.loader as LoaderRule<unknown> | undefined;
    if (!rule) continue;
    Object.defineProperty(TableLoaders.prototype, name, {
      get(this: Loaders) {
        let loader = this.built.get(name);
        if (!loader) {
          // Called as a method: the client's methods read their transport from `this`.
          const client = this.client;
          loader = new DataLoader(
            measuredBatch(name, this.sizes, (keys: readonly unknown[]) =>
              settleEach(keys, (params) => client[name]!(params)),
            ),
            { cacheKeyFn: (params) => rule.key(params) },
          );
          this.built.set(name, loader);
        }
        return loader;
      },
    });
  }
  // The prototype was given one getter per entry with a loader rule just above; the mapped type says so.
  return TableLoaders as unknown as EndpointLoadersClass<T>;
}
