import { invoke } from '../../endpoint.js';
import type { Endpoint, EndpointHead } from '../../endpoint.js';
import { ALREADY_EXISTS } from '../../writeOutcome.js';
import type { WriteOutcome } from '../../writeOutcome.js';
import { brokerScheduleBody, paymentBatchBody, scheduleBody } from '../bodies.js';
import { PAYMENT_BATCH_KEYS, paymentBatchSchema } from '../paymentSchema.js';
import type { BrokerScheduleRecord, PaymentBatchRecord, ScheduleRecord } from '../records.js';
import { WRITE_REFUSAL_STATUSES, readEcho, writeReply } from '../replies.js';
import { SCHEDULE_KEYS, brokerScheduleSchema, scheduleSchema } from '../scheduleSchema.js';
import type { BrokerScheduleWrite, PaymentBatchWrite, ScheduleWrite } from '../writeTypes.js';
import { brokerScheduleByBatchId, scheduleByBatchId } from './factoring.js';
import { BROKER_SCHEDULE, FACTORING, INVOICE, SCHEDULE } from './places.js';

/**
 * create-sched / create-sched-broker, at most once per IntegrationBatchId, and post-payments.
 *
 * The docs do not say what FactorCloud does with a reused IntegrationBatchId (update, refuse or
 * duplicate; factorcloud.md §5.10). A second schedule for the same batch would fund the same
 * invoices twice, so before creating we ask get-sched (or get-broker-sched) whether the batch
 * exists (404 or an empty reply → go ahead), and refuse with CONFLICT when it does. An upstream 409
 * is a CONFLICT as well. Two requests of a tenant for one batch at once are kept apart above this
 * layer, by the write guard's lock on the batch id (src/writes, shared by replicas through Redis).
 * The check goes through the transport, never the cache: a cached "not known" cannot let a
 * batch be created twice.
 *
 * Nothing here is retried: after a timeout the schedule may or may not exist, and a re-send then
 * meets the read-before-write check instead of creating a second one.
 */

const CREATE_SCHED = {
  name: 'create-sched',
  method: 'POST',
  path: 'create-sched',
  idempotent: false,
} as const satisfies EndpointHead;
const CREATE_SCHED_BROKER = {
  name: 'create-sched-broker',
  method: 'POST',
  path: 'create-sched-broker',
  idempotent: false,
} as const satisfies EndpointHead;

/** An echo without its InvoiceArray would show a schedule with no invoices: re-read instead. */
function usable<T extends { invoices: unknown[] }>(echo: T | null): echo is T {
  return echo !== null && echo.invoices.length > 0;
}

const scheduleEcho = writeReply((reply, write: ScheduleWrite): ScheduleRecord | null => {
  const echo = readEcho(scheduleSchema, reply, SCHEDULE_KEYS);
  if (!usable(echo)) return null;
  return { ...echo, integrationBatchId: echo.integrationBatchId ?? write.integrationBatchId };
});

const brokerScheduleEcho = writeReply((reply, write: BrokerScheduleWrite): BrokerScheduleRecord | null => {
  const echo = readEcho(brokerScheduleSchema, reply, SCHEDULE_KEYS);
  if (!usable(echo)) return null;
  return { ...echo, integrationBatchId: echo.integrationBatchId ?? write.integrationBatchId };
});

/** POST create-sched/ (§5.10), after get-sched found no such batch. */
export const createSchedule = {
  ...CREATE_SCHED,
  async send(transport, write) {
    if (await invoke(scheduleByBatchId, transport, write.integrationBatchId)) return ALREADY_EXISTS;
    const body = scheduleBody(write);
    return scheduleEcho(await transport(CREATE_SCHED, { body, accept: WRITE_REFUSAL_STATUSES }), write);
  },
  // The write names its invoices: just those and the schedule are dropped.
  invalidates: (write) => ({
    answers: [
      { resource: SCHEDULE, key: [write.integrationBatchId], scope: FACTORING },
      ...write.invoices.map((invoice) => ({
        resource: INVOICE,
        key: [invoice.integrationId],
        scope: FACTORING,
      })),
    ],
  }),
} satisfies Endpoint<ScheduleWrite, WriteOutcome<ScheduleRecord | null>>;

/** POST create-sched-broker/ (§5.14), after get-broker-sched found no such batch. */
export const createBrokerSchedule = {
  ...CREATE_SCHED_BROKER,
  async send(transport, write) {
    if (await invoke(brokerScheduleByBatchId, transport, write.integrationBatchId)) return ALREADY_EXISTS;
    const body = brokerScheduleBody(write);
    return brokerScheduleEcho(
      await transport(CREATE_SCHED_BROKER, { body, accept: WRITE_REFUSAL_STATUSES }),
      write,
    );
  },
  invalidates: (write) => {
    const ids = write.invoices.map((invoice) => invoice.integrationId);
    // Without an id an invoice cannot be named: drop the whole scope instead.
    if (ids.some((id) => id === undefined)) return { scopes: [FACTORING] };
    return {
      answers: [
        { resource: BROKER_SCHEDULE, key: [write.integrationBatchId], scope: FACTORING },
        ...ids.map((id) => ({ resource: INVOICE, key: [id], scope: FACTORING })),
      ],
    };
  },
} satisfies Endpoint<BrokerScheduleWrite, WriteOutcome<BrokerScheduleRecord | null>>;

/**
 * POST post-payments/ (§5.18). FactorCloud matches the payments to invoices itself, so which
 * invoices changed is not known here: every invoice and schedule answer is dropped.
 */
export const postPayments = {
  name: 'post-payments',
  method: 'POST',
  path: 'post-payments',
  idempotent: false,
  request: (write) => ({ body: paymentBatchBody(write), accept: WRITE_REFUSAL_STATUSES }),
  reply: writeReply((reply): PaymentBatchRecord | null =>
    readEcho(paymentBatchSchema, reply, PAYMENT_BATCH_KEYS),
  ),
  invalidates: () => ({ scopes: [FACTORING] }),
} satisfies Endpoint<PaymentBatchWrite, WriteOutcome<PaymentBatchRecord | null>>;

export const FACTORING_WRITE_ENDPOINTS = { createSchedule, createBrokerSchedule, postPayments };
