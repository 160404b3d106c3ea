import type { Context } from '../../../context.js';
import { createBrokerScheduleInput, createScheduleInput } from '../../../validation/factorcloudSchedules.js';
import type { RefusalTarget } from '../../../validation/factorcloudRefusals.js';
import { echoOrReread, validateAndSend } from './flow.js';

/**
 * createFactoringSchedule / createBrokerSchedule. The duplicate check (get-sched first, 409 as
 * CONFLICT) lives in the FactorCloud entries (upstreams/factorcloud/endpoints/schedules.ts); the pre-check does not go through the loaders, so a
 * "not there yet" answer is never cached for the re-read that may follow the write.
 */

const SCHEDULE: RefusalTarget = {
  what: 'the schedule',
  conflictField: ['input', 'integrationBatchId'],
  notFoundField: ['input', 'clientKey'],
};

export async function createFactoringSchedule(input: unknown, { upstreams, loaders }: Context) {
  const result = await validateAndSend(
    createScheduleInput,
    input,
    (w) => upstreams.factorCloud.createSchedule(w),
    SCHEDULE,
  );
  if (!result.ok) return { schedule: null, userErrors: result.userErrors };
  // The echo's invoices are primed like get-sched's, so selecting them costs nothing more.
  const echo = result.value && loaders.factorCloud.adoptSchedule(result.value);
  const schedule = await echoOrReread(
    loaders.factorCloud.scheduleByBatchId,
    result.write.integrationBatchId,
    echo,
  );
  return { schedule, userErrors: [] };
}

export async function createBrokerSchedule(input: unknown, { upstreams, loaders }: Context) {
  const result = await validateAndSend(
    createBrokerScheduleInput,
    input,
    (w) => upstreams.factorCloud.createBrokerSchedule(w),
    SCHEDULE,
  );
  if (!result.ok) return { schedule: null, userErrors: result.userErrors };
  const schedule = await echoOrReread(
    loaders.factorCloud.brokerScheduleByBatchId,
    result.write.integrationBatchId,
    result.value,
  );
  return { schedule, userErrors: [] };
}
