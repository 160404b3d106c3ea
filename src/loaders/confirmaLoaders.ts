import type { BatchSizes } from '../observability/loaderBatches.js';
import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import { CONFIRMA_ENDPOINTS } from '../upstreams/confirma/endpoints.js';
import { createDistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import type { DistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import { endpointLoaders } from './endpointLoaders.js';
import type { EndpointLoaders } from './endpointLoaders.js';

type TableLoaders = EndpointLoaders<typeof CONFIRMA_ENDPOINTS>;

/**
 * The Confirma loaders of one request: one per entry with a `loader` rule (`distributionPages`,
 * `caseById`, `paymentsByWindow`, `settlementsByWindow`), plus the one made of another loader.
 */
export type ConfirmaLoaders = TableLoaders & {
  readonly distributionByInvoiceNumber: DistributionByInvoiceNumberLoader;
};

const tableLoaders = endpointLoaders(CONFIRMA_ENDPOINTS);

export function createConfirmaLoaders(confirma: ConfirmaClient, sizes?: BatchSizes): ConfirmaLoaders {
  // Its prototype carries one getter per table loader (below); the type says which.
  return new RequestConfirmaLoaders(confirma, sizes) as unknown as ConfirmaLoaders;
}

/** Each group and loader is built when a resolver first reads it. */
class RequestConfirmaLoaders {
  #table: TableLoaders | undefined;
  #distributionByInvoiceNumber: DistributionByInvoiceNumberLoader | undefined;

  constructor(
    private readonly confirma: ConfirmaClient,
    private readonly sizes: BatchSizes | undefined,
  ) {}

  get table(): TableLoaders {
    return (this.#table ??= tableLoaders(this.confirma, this.sizes));
  }
  get distributionByInvoiceNumber(): DistributionByInvoiceNumberLoader {
    return (this.#distributionByInvoiceNumber ??= createDistributionByInvoiceNumberLoader(
      this.table.distributionPages,
      this.sizes,
    ));
  }
}

// The table's loaders, read through from the prototype: nothing is copied per request.
for (const [name, entry] of Object.entries(CONFIRMA_ENDPOINTS)) {
  if (!('loader' in entry)) continue;
  Object.defineProperty(RequestConfirmaLoaders.prototype, name, {
    get(this: RequestConfirmaLoaders) {
      return (this.table as Record<string, unknown>)[name];
    },
  });
}
