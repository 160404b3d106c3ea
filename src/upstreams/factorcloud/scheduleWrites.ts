import { brokerScheduleBody, scheduleBody } from './bodies.js';
import { postWrite, readEcho } from './echo.js';
import { ALREADY_EXISTS } from './outcome.js';
import type { WriteOutcome } from './outcome.js';
import type { FactorCloudReads } from './reads.js';
import type { BrokerScheduleRecord, ScheduleRecord } from './records.js';
import { SCHEDULE_KEYS, brokerScheduleSchema, scheduleSchema } from './scheduleSchema.js';
import type { FactorCloudTransport } from './transport.js';
import type { BrokerScheduleWrite, ScheduleWrite } from './writeTypes.js';

/**
 * create-sched / create-sched-broker, at most once per IntegrationBatchId.
 *
 * The docs do not say what FactorCloud does with a reused IntegrationBatchId (update, refuse or
 * duplicate; factorcloud.md §5.10). A second schedule for the same batch would fund the same
 * invoices twice, so before creating we ask get-sched (or get-broker-sched) whether the batch
 * exists (404 or an empty reply → go ahead), and refuse with CONFLICT when it does. An upstream 409
 * is a CONFLICT as well. Two requests of a tenant for one batch at once are kept apart above this
 * layer, by the write guard's lock on the batch id (src/writes, shared by replicas through Redis).
 *
 * Nothing here is retried: after a timeout the schedule may or may not exist, and a re-send then
 * meets the read-before-write check instead of creating a second one.
 */
export interface FactorCloudScheduleWrites {
  createSchedule(write: ScheduleWrite): Promise<WriteOutcome<ScheduleRecord | null>>;
  createBrokerSchedule(write: BrokerScheduleWrite): Promise<WriteOutcome<BrokerScheduleRecord | null>>;
}

/** An echo without its InvoiceArray would show a schedule with no invoices: re-read instead. */
function usable<T extends { invoices: unknown[] }>(echo: T | null): echo is T {
  return echo !== null && echo.invoices.length > 0;
}

export function createScheduleWrites(
  t: FactorCloudTransport,
  reads: FactorCloudReads,
): FactorCloudScheduleWrites {
  return {
    async createSchedule(write) {
      if (await reads.getSchedule(write.integrationBatchId)) return ALREADY_EXISTS;
      return postWrite(t, 'create-sched', scheduleBody(write), (reply) => {
        const echo = readEcho(scheduleSchema, reply, SCHEDULE_KEYS);
        if (!usable(echo)) return null;
        return { ...echo, integrationBatchId: echo.integrationBatchId ?? write.integrationBatchId };
      });
    },

    async createBrokerSchedule(write) {
      if (await reads.getBrokerSchedule(write.integrationBatchId)) return ALREADY_EXISTS;
      return postWrite(t, 'create-sched-broker', brokerScheduleBody(write), (reply) => {
        const echo = readEcho(brokerScheduleSchema, reply, SCHEDULE_KEYS);
        if (!usable(echo)) return null;
        return { ...echo, integrationBatchId: echo.integrationBatchId ?? write.integrationBatchId };
      });
    },
  };
}
