import type { FactorCloudClient, ScheduleRecord } from '../upstreams/factorcloud/client.js';
import { createBrokerScheduleByBatchIdLoader } from './brokerScheduleByBatchId.js';
import type { BrokerScheduleByBatchIdLoader } from './brokerScheduleByBatchId.js';
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
import type { FactoringSchedule, ScheduleByBatchIdLoader } from './scheduleByBatchId.js';

/** The FactorCloud loaders beyond `clientByKey`, built together because they share state. */
export interface FactorCloudLoaders {
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
}

export function createFactorCloudLoaders(
  factorCloud: FactorCloudClient,
  options: FactorCloudLoaderOptions = {},
): FactorCloudLoaders {
  const listed = new ListedInvoices();
  const invoiceLoader = createFactoringInvoiceByIdLoader(factorCloud, listed);
  const adoption = {
    invoiceLoader,
    listed,
    invoiceIdOf: options.factoringInvoiceId ?? ((invoiceNumber: string) => invoiceNumber),
  };
  return {
    factoringInvoiceById: invoiceLoader,
    debtorByKey: createDebtorByKeyLoader(factorCloud),
    clientDebtorByKeys: createClientDebtorByKeysLoader(factorCloud),
    scheduleByBatchId: createScheduleByBatchIdLoader(factorCloud, adoption),
    brokerScheduleByBatchId: createBrokerScheduleByBatchIdLoader(factorCloud),
    documentByUuid: createDocumentByUuidLoader(factorCloud),
    adoptSchedule: (schedule) => adoptSchedule(schedule, adoption),
  };
}
