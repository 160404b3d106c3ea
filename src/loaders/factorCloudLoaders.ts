import type { BatchSizes } from '../observability/loaderBatches.js';
import type { FactorCloudClient, ScheduleRecord } from '../upstreams/factorcloud/client.js';
import { createBrokerScheduleByBatchIdLoader } from './brokerScheduleByBatchId.js';
import type { BrokerScheduleByBatchIdLoader } from './brokerScheduleByBatchId.js';
import { createClientByKeyLoader } from './clientByKey.js';
import type { ClientByKeyLoader } from './clientByKey.js';
import { createClientDebtorByKeysLoader } from './clientDebtorByKeys.js';
import type { ClientDebtorByKeysLoader } from './clientDebtorByKeys.js';
import { createDebtorByKeyLoader } from './debtorByKey.js';
import type { DebtorByKeyLoader } from './debtorByKey.js';
import { createDocumentByUuidLoader } from './documentByUuid.js';
import type { DocumentByUuidLoader } from './documentByUuid.js';
import { createFactoringInvoiceByIdLoader } from './factoringInvoiceById.js';
import type { FactoringInvoiceByIdLoader } from './factoringInvoiceById.js';
import { ListedInvoices } from './listedInvoices.js';
import { adoptSchedule, createScheduleByBatchIdLoader } from './scheduleByBatchId.js';
import type { FactoringSchedule, ScheduleAdoption, ScheduleByBatchIdLoader } from './scheduleByBatchId.js';

/** The FactorCloud loaders of one request, built together because they share state. */
export interface FactorCloudLoaders {
  clientByKey: ClientByKeyLoader;
  factoringInvoiceById: FactoringInvoiceByIdLoader;
  debtorByKey: DebtorByKeyLoader;
  clientDebtorByKeys: ClientDebtorByKeysLoader;
  scheduleByBatchId: ScheduleByBatchIdLoader;
  brokerScheduleByBatchId: BrokerScheduleByBatchIdLoader;
  documentByUuid: DocumentByUuidLoader;
  /** A schedule that arrived some other way (a create-sched echo), with its invoices primed. */
  adoptSchedule(schedule: ScheduleRecord): FactoringSchedule;
}

export interface FactorCloudLoaderOptions {
  /**
   * FACTORCLOUD_INVOICE_ID_TEMPLATE, for schedule invoices that arrive without an
   * InvoiceIntegrationId; the default is the default template, `{invoiceNumber}`.
   */
  factoringInvoiceId?: (invoiceNumber: string) => string;
  /** Where batch sizes are recorded (the subgraph's metrics); none: not recorded. */
  batchSizes?: BatchSizes | undefined;
}

export function createFactorCloudLoaders(
  factorCloud: FactorCloudClient,
  options: FactorCloudLoaderOptions = {},
): FactorCloudLoaders {
  return new SharedFactorCloudLoaders(factorCloud, options);
}

/**
 * The invoice loader and the record of listed invoices are what the others share (a schedule
 * primes its invoices into them), so they are built first; each other loader is built when a
 * resolver first reads it, as in RequestLoaders.
 */
class SharedFactorCloudLoaders implements FactorCloudLoaders {
  readonly factoringInvoiceById: FactoringInvoiceByIdLoader;
  readonly #adoption: ScheduleAdoption;
  readonly #sizes: BatchSizes | undefined;
  #clientByKey: ClientByKeyLoader | undefined;
  #debtorByKey: DebtorByKeyLoader | undefined;
  #clientDebtorByKeys: ClientDebtorByKeysLoader | undefined;
  #scheduleByBatchId: ScheduleByBatchIdLoader | undefined;
  #brokerScheduleByBatchId: BrokerScheduleByBatchIdLoader | undefined;
  #documentByUuid: DocumentByUuidLoader | undefined;

  constructor(
    private readonly factorCloud: FactorCloudClient,
    options: FactorCloudLoaderOptions,
  ) {
    const listed = new ListedInvoices();
    this.#sizes = options.batchSizes;
    this.factoringInvoiceById = createFactoringInvoiceByIdLoader(factorCloud, listed, this.#sizes);
    this.#adoption = {
      invoiceLoader: this.factoringInvoiceById,
      listed,
      invoiceIdOf: options.factoringInvoiceId ?? ((invoiceNumber: string) => invoiceNumber),
    };
  }

  get clientByKey(): ClientByKeyLoader {
    return (this.#clientByKey ??= createClientByKeyLoader(this.factorCloud, this.#sizes));
  }
  get debtorByKey(): DebtorByKeyLoader {
    return (this.#debtorByKey ??= createDebtorByKeyLoader(this.factorCloud, this.#sizes));
  }
  get clientDebtorByKeys(): ClientDebtorByKeysLoader {
    return (this.#clientDebtorByKeys ??= createClientDebtorByKeysLoader(this.factorCloud, this.#sizes));
  }
  get scheduleByBatchId(): ScheduleByBatchIdLoader {
    return (this.#scheduleByBatchId ??= createScheduleByBatchIdLoader(
      this.factorCloud,
      this.#adoption,
      this.#sizes,
    ));
  }
  get brokerScheduleByBatchId(): BrokerScheduleByBatchIdLoader {
    return (this.#brokerScheduleByBatchId ??= createBrokerScheduleByBatchIdLoader(
      this.factorCloud,
      this.#sizes,
    ));
  }
  get documentByUuid(): DocumentByUuidLoader {
    return (this.#documentByUuid ??= createDocumentByUuidLoader(this.factorCloud, this.#sizes));
  }
  adoptSchedule(schedule: ScheduleRecord): FactoringSchedule {
    return adoptSchedule(schedule, this.#adoption);
  }
}
