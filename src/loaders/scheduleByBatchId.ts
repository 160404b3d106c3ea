import DataLoader from 'dataloader';
import type {
  FactorCloudClient,
  FactoringInvoiceRecord,
  ScheduleRecord,
} from '../upstreams/factorcloud/client.js';
import type { FactoringInvoiceByIdLoader } from './factoringInvoiceById.js';
import type { ListedInvoices } from './listedInvoices.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** A schedule whose invoices are full FactoringInvoice records, each with its integration id. */
export type FactoringSchedule = Omit<ScheduleRecord, 'invoices'> & { invoices: FactoringInvoiceRecord[] };

/**
 * Schedules by IntegrationBatchId (get-sched), one call per distinct id, each schedule adopted
 * (its invoices primed); null when FactorCloud does not know the batch.
 */
export type ScheduleByBatchIdLoader = DataLoader<string, FactoringSchedule | null, string>;

export interface ScheduleAdoption {
  invoiceLoader: FactoringInvoiceByIdLoader;
  listed: ListedInvoices;
  /** FACTORCLOUD_INVOICE_ID_TEMPLATE applied to an invoice number. */
  invoiceIdOf(invoiceNumber: string): string;
}

/**
 * Turns a get-sched reply (or create-sched echo) into a FactoringSchedule and makes each of its
 * invoices known to the invoice loader, so no get-invoice call follows in the same request.
 *
 * Each InvoiceArray element is keyed by its `InvoiceIntegrationId` when it carries one (the docs'
 * return table is cut off before it; the simulator sends it). Otherwise the key is the one the
 * graph itself would use for that invoice number, `invoiceIdOf(InvoiceNumber)`, i.e. the
 * configured template: the schedule was created through the same integration that names
 * invoices that way. An element's missing ClientKey is the schedule's.
 */
export function adoptSchedule(schedule: ScheduleRecord, adoption: ScheduleAdoption): FactoringSchedule {
  const invoices = schedule.invoices.map((invoice): FactoringInvoiceRecord => {
    // scheduleSchema refuses elements with neither, so one of the two is always there.
    const integrationId = invoice.integrationId ?? adoption.invoiceIdOf(invoice.invoiceNumber ?? '');
    return { ...invoice, clientKey: invoice.clientKey ?? schedule.clientKey, integrationId };
  });
  for (const invoice of invoices) {
    adoption.listed.add(invoice);
    // Replaces an older cached answer: the schedule is at least as fresh.
    adoption.invoiceLoader.clear(invoice.integrationId).prime(invoice.integrationId, invoice);
  }
  return { ...schedule, invoices };
}

/**
 * Every `load` is registered with `listed` at call time (not batch time), so an invoice load
 * issued in the same tick waits for this schedule instead of racing it to get-invoice.
 */
class ScheduleLoader extends DataLoader<string, FactoringSchedule | null, string> {
  constructor(
    batch: DataLoader.BatchLoadFn<string, FactoringSchedule | null>,
    private readonly listed: ListedInvoices,
  ) {
    super(batch);
  }

  override load(integrationBatchId: string): Promise<FactoringSchedule | null> {
    return this.listed.track(super.load(integrationBatchId));
  }
}

export function createScheduleByBatchIdLoader(
  factorCloud: FactorCloudClient,
  adoption: ScheduleAdoption,
  sizes?: BatchSizes,
): ScheduleByBatchIdLoader {
  return new ScheduleLoader(
    measuredBatch('scheduleByBatchId', sizes, (ids) =>
      settleEach(ids, async (id) => {
        const schedule = await factorCloud.scheduleByBatchId(id);
        return schedule && adoptSchedule(schedule, adoption);
      }),
    ),
    adoption.listed,
  );
}
