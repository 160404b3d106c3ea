import { lazyProperties } from '../lib/lazy.js';
import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import type { FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { createCaseByIdLoader } from './caseById.js';
import type { CaseByIdLoader } from './caseById.js';
import { createClientByKeyLoader } from './clientByKey.js';
import { createPaymentsByWindowLoader, createSettlementsByQueryLoader } from './confirmaMoney.js';
import type { PaymentsByWindowLoader, SettlementsByQueryLoader } from './confirmaMoney.js';
import type { ClientByKeyLoader } from './clientByKey.js';
import { createDistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import type { DistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import { createDistributionPageLoader } from './distributionPages.js';
import type { DistributionPageLoader } from './distributionPages.js';
import { createFactorCloudLoaders } from './factorCloudLoaders.js';
import type { FactorCloudLoaderOptions, FactorCloudLoaders } from './factorCloudLoaders.js';

export interface Loaders extends FactorCloudLoaders {
  distributionPages: DistributionPageLoader;
  distributionByInvoiceNumber: DistributionByInvoiceNumberLoader;
  caseById: CaseByIdLoader;
  clientByKey: ClientByKeyLoader;
  paymentsByWindow: PaymentsByWindowLoader;
  settlementsByQuery: SettlementsByQueryLoader;
}

export interface LoaderUpstreams {
  confirma: ConfirmaClient;
  factorCloud: FactorCloudClient;
}

export type LoaderOptions = FactorCloudLoaderOptions;

/**
 * Fresh loaders for one GraphQL request: their caches never outlive it. Each is built when a
 * resolver first asks for it; the FactorCloud ones share state, so they are built together.
 */
export function createLoaders(upstreams: LoaderUpstreams, options: LoaderOptions = {}): Loaders {
  let factorCloud: FactorCloudLoaders | undefined;
  const fc = () => (factorCloud ??= createFactorCloudLoaders(upstreams.factorCloud, options));
  const loaders: Loaders = lazyProperties<Loaders>({
    distributionPages: () => createDistributionPageLoader(upstreams.confirma),
    distributionByInvoiceNumber: () => createDistributionByInvoiceNumberLoader(loaders.distributionPages),
    caseById: () => createCaseByIdLoader(upstreams.confirma),
    factoringInvoiceById: () => fc().factoringInvoiceById,
    debtorByKey: () => fc().debtorByKey,
    clientDebtorByKeys: () => fc().clientDebtorByKeys,
    scheduleByBatchId: () => fc().scheduleByBatchId,
    brokerScheduleByBatchId: () => fc().brokerScheduleByBatchId,
    documentByUuid: () => fc().documentByUuid,
    adoptSchedule: () => fc().adoptSchedule,
    clientByKey: () => createClientByKeyLoader(upstreams.factorCloud),
    paymentsByWindow: () => createPaymentsByWindowLoader(upstreams.confirma),
    settlementsByQuery: () => createSettlementsByQueryLoader(upstreams.confirma),
  });
  return loaders;
}

export { primeFromPage } from './distributionByInvoiceNumber.js';
export { normalizeInvoiceNumber } from './invoiceNumbers.js';
