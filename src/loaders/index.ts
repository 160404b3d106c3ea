import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import type { FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { createConfirmaLoaders } from './confirmaLoaders.js';
import type { ConfirmaLoaders } from './confirmaLoaders.js';
import { createFactorCloudLoaders } from './factorCloudLoaders.js';
import type { FactorCloudLoaderOptions, FactorCloudLoaders } from './factorCloudLoaders.js';

/** The loaders of one GraphQL request, by upstream: `loaders.confirma.caseById`. */
export interface Loaders {
  readonly confirma: ConfirmaLoaders;
  readonly factorCloud: FactorCloudLoaders;
}

export interface LoaderUpstreams {
  confirma: ConfirmaClient;
  factorCloud: FactorCloudClient;
}

export type LoaderOptions = FactorCloudLoaderOptions;

/**
 * Fresh loaders for one GraphQL request: their caches never outlive it. Each upstream's group is
 * built when a resolver first asks for one of its loaders.
 */
export function createLoaders(upstreams: LoaderUpstreams, options: LoaderOptions = {}): Loaders {
  return new RequestLoaders(upstreams, options);
}

/**
 * Getters on the prototype and plain fields, not a per-request object of closures: a request
 * that reads one upstream's loaders allocates that group and nothing for the other.
 */
class RequestLoaders implements Loaders {
  #confirma: ConfirmaLoaders | undefined;
  #factorCloud: FactorCloudLoaders | undefined;

  constructor(
    private readonly upstreams: LoaderUpstreams,
    private readonly options: LoaderOptions,
  ) {}

  get confirma(): ConfirmaLoaders {
    return (this.#confirma ??= createConfirmaLoaders(this.upstreams.confirma, this.options.batchSizes));
  }
  get factorCloud(): FactorCloudLoaders {
    return (this.#factorCloud ??= createFactorCloudLoaders(this.upstreams.factorCloud, this.options));
  }
}

export { primeFromPage } from './distributionByInvoiceNumber.js';
