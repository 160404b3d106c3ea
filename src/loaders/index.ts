import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import type { FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { createCaseByIdLoader } from './caseById.js';
import type { CaseByIdLoader } from './caseById.js';
import { createClientByKeyLoader } from './clientByKey.js';
import { createPaymentsByWindowLoader, createSettlementsByWindowLoader } from './confirmaMoney.js';
import type { PaymentsByWindowLoader, SettlementsByWindowLoader } from './confirmaMoney.js';
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
  settlementsByWindow: SettlementsByWindowLoader;
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
  return new RequestLoaders(upstreams, options);
}

/**
 * Getters on the prototype and plain fields, not a per-request object of closures or property
 * descriptors: a request that reads one loader allocates that loader and little else. Built at
 * the start of every request and alive to its end, what this allocated up front was the largest
 * share of what survived into V8's old generation under load (a heap sampling profile).
 */
class RequestLoaders implements Loaders {
  #distributionPages: DistributionPageLoader | undefined;
  #distributionByInvoiceNumber: DistributionByInvoiceNumberLoader | undefined;
  #caseById: CaseByIdLoader | undefined;
  #clientByKey: ClientByKeyLoader | undefined;
  #paymentsByWindow: PaymentsByWindowLoader | undefined;
  #settlementsByWindow: SettlementsByWindowLoader | undefined;
  #factorCloud: FactorCloudLoaders | undefined;

  constructor(
    private readonly upstreams: LoaderUpstreams,
    private readonly options: LoaderOptions,
  ) {}

  get distributionPages(): DistributionPageLoader {
    return (this.#distributionPages ??= createDistributionPageLoader(
      this.upstreams.confirma,
      this.options.batchSizes,
    ));
  }
  get distributionByInvoiceNumber(): DistributionByInvoiceNumberLoader {
    return (this.#distributionByInvoiceNumber ??= createDistributionByInvoiceNumberLoader(
      this.distributionPages,
      this.options.batchSizes,
    ));
  }
  get caseById(): CaseByIdLoader {
    return (this.#caseById ??= createCaseByIdLoader(this.upstreams.confirma, this.options.batchSizes));
  }
  get clientByKey(): ClientByKeyLoader {
    return (this.#clientByKey ??= createClientByKeyLoader(
      this.upstreams.factorCloud,
      this.options.batchSizes,
    ));
  }
  get paymentsByWindow(): PaymentsByWindowLoader {
    return (this.#paymentsByWindow ??= createPaymentsByWindowLoader(
      this.upstreams.confirma,
      this.options.batchSizes,
    ));
  }
  get settlementsByWindow(): SettlementsByWindowLoader {
    return (this.#settlementsByWindow ??= createSettlementsByWindowLoader(
      this.upstreams.confirma,
      this.options.batchSizes,
    ));
  }
  get factoringInvoiceById(): FactorCloudLoaders['factoringInvoiceById'] {
    return this.#fc().factoringInvoiceById;
  }
  get debtorByKey(): FactorCloudLoaders['debtorByKey'] {
    return this.#fc().debtorByKey;
  }
  get clientDebtorByKeys(): FactorCloudLoaders['clientDebtorByKeys'] {
    return this.#fc().clientDebtorByKeys;
  }
  get scheduleByBatchId(): FactorCloudLoaders['scheduleByBatchId'] {
    return this.#fc().scheduleByBatchId;
  }
  get brokerScheduleByBatchId(): FactorCloudLoaders['brokerScheduleByBatchId'] {
    return this.#fc().brokerScheduleByBatchId;
  }
  get documentByUuid(): FactorCloudLoaders['documentByUuid'] {
    return this.#fc().documentByUuid;
  }
  adoptSchedule(
    schedule: Parameters<FactorCloudLoaders['adoptSchedule']>[0],
  ): ReturnType<FactorCloudLoaders['adoptSchedule']> {
    return this.#fc().adoptSchedule(schedule);
  }

  #fc(): FactorCloudLoaders {
    return (this.#factorCloud ??= createFactorCloudLoaders(this.upstreams.factorCloud, this.options));
  }
}

export { primeFromPage } from './distributionByInvoiceNumber.js';
