import type { BatchSizes } from '../observability/loaderBatches.js';
import type { FactorCloudClient, ScheduleRecord } from '../upstreams/factorcloud/client.js';
import { FACTORCLOUD_ENDPOINTS } from '../upstreams/factorcloud/endpoints.js';
import { endpointLoadersClass } from './endpointLoaders.js';
import type { EndpointLoaders } from './endpointLoaders.js';
import { createFactoringInvoiceByIdLoader } from './factoringInvoiceById.js';
import type { FactoringInvoiceByIdLoader } from './factoringInvoiceById.js';
import { ListedInvoices } from './listedInvoices.js';
import { adoptSchedule, createScheduleByBatchIdLoader } from './scheduleByBatchId.js';
import type { FactoringSchedule, ScheduleAdoption, ScheduleByBatchIdLoader } from './scheduleByBatchId.js';

/**
 * The FactorCloud loaders of one request: one per read entry with a `loader` rule
 * (clientByKey, clientDebtorByKeys, debtorByKey, brokerScheduleByBatchId, documentByUuid), plus
 * the two that share state: a schedule's invoices are primed into the invoice loader.
 */
export interface FactorCloudLoaders extends EndpointLoaders<typeof FACTORCLOUD_ENDPOINTS> {
  readonly factoringInvoiceById: FactoringInvoiceByIdLoader;
  readonly scheduleByBatchId: ScheduleByBatchIdLoader;
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

const invoiceNumberAsId = (invoiceNumber: string) => invoiceNumber;

/**
 * The table's loaders (getters on the shared prototype, each built on first read) and the two
 * that share the record of listed invoices. The invoice loader is built first, since a
 * schedule primes its invoices into it; the schedule loader when a resolver first reads it.
 */
class SharedFactorCloudLoaders
  extends endpointLoadersClass(FACTORCLOUD_ENDPOINTS)
  implements FactorCloudLoaders
{
  readonly factoringInvoiceById: FactoringInvoiceByIdLoader;
  readonly #adoption: ScheduleAdoption;
  readonly #factorCloud: FactorCloudClient;
  readonly #sizes: BatchSizes | undefined;
  #scheduleByBatchId: ScheduleByBatchIdLoader | undefined;

  constructor(factorCloud: FactorCloudClient, options: FactorCloudLoaderOptions) {
    super(factorCloud, options.batchSizes);
    const listed = new ListedInvoices();
    this.#factorCloud = factorCloud;
    this.#sizes = options.batchSizes;
    this.factoringInvoiceById = createFactoringInvoiceByIdLoader(factorCloud, listed, this.#sizes);
    this.#adoption = {
      invoiceLoader: this.factoringInvoiceById,
      listed,
      invoiceIdOf: options.factoringInvoiceId ?? invoiceNumberAsId,
    };
  }

  get scheduleByBatchId(): ScheduleByBatchIdLoader {
    return (this.#scheduleByBatchId ??= createScheduleByBatchIdLoader(
      this.#factorCloud,
      this.#adoption,
      this.#sizes,
    ));
  }
  adoptSchedule(schedule: ScheduleRecord): FactoringSchedule {
    return adoptSchedule(schedule, this.#adoption);
  }
}
