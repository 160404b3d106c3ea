import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import type { FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { createCaseByIdLoader } from './caseById.js';
import type { CaseByIdLoader } from './caseById.js';
import { createClientByKeyLoader } from './clientByKey.js';
import type { ClientByKeyLoader } from './clientByKey.js';
import { createDistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import type { DistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import { createDistributionPageLoader } from './distributionPages.js';
import type { DistributionPageLoader } from './distributionPages.js';
import { createFactoringInvoiceByIdLoader } from './factoringInvoiceById.js';
import type { FactoringInvoiceByIdLoader } from './factoringInvoiceById.js';

export interface Loaders {
  distributionPages: DistributionPageLoader;
  distributionByInvoiceNumber: DistributionByInvoiceNumberLoader;
  caseById: CaseByIdLoader;
  factoringInvoiceById: FactoringInvoiceByIdLoader;
  clientByKey: ClientByKeyLoader;
}

export interface LoaderUpstreams {
  confirma: ConfirmaClient;
  factorCloud: FactorCloudClient;
}

/** Fresh loaders for one GraphQL request: their caches never outlive it. */
export function createLoaders(upstreams: LoaderUpstreams): Loaders {
  const distributionPages = createDistributionPageLoader(upstreams.confirma);
  return {
    distributionPages,
    distributionByInvoiceNumber: createDistributionByInvoiceNumberLoader(distributionPages),
    caseById: createCaseByIdLoader(upstreams.confirma),
    factoringInvoiceById: createFactoringInvoiceByIdLoader(upstreams.factorCloud),
    clientByKey: createClientByKeyLoader(upstreams.factorCloud),
  };
}

export { primeFromPage } from './distributionByInvoiceNumber.js';
export { normalizeInvoiceNumber } from './invoiceNumbers.js';
