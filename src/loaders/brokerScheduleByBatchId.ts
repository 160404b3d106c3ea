import DataLoader from 'dataloader';
import type { BrokerScheduleRecord, FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

type BrokerInvoice = BrokerScheduleRecord['invoices'][number];

/** A broker invoice knows its client through its schedule (the invoice object has no ClientKey). */
export type BrokerSchedule = Omit<BrokerScheduleRecord, 'invoices'> & {
  invoices: Array<BrokerInvoice & { clientKey: string | null }>;
};

/** Broker schedules by IntegrationBatchId (get-broker-sched); null when unknown. */
export type BrokerScheduleByBatchIdLoader = DataLoader<string, BrokerSchedule | null, string>;

/**
 * Broker invoices are not primed into the get-invoice loader: get-invoice's documented reply has
 * no vendor or advance fields, and no stored page says it serves broker invoices at all.
 */
export function withScheduleClient(schedule: BrokerScheduleRecord): BrokerSchedule {
  return {
    ...schedule,
    invoices: schedule.invoices.map((invoice) => ({
      ...invoice,
      clientKey: invoice.clientKey ?? schedule.clientKey,
    })),
  };
}

export function createBrokerScheduleByBatchIdLoader(
  factorCloud: FactorCloudClient,
  sizes?: BatchSizes,
): BrokerScheduleByBatchIdLoader {
  return new DataLoader(
    measuredBatch('brokerScheduleByBatchId', sizes, (ids) =>
      settleEach(ids, async (id) => {
        const schedule = await factorCloud.getBrokerSchedule(id);
        return schedule && withScheduleClient(schedule);
      }),
    ),
  );
}
