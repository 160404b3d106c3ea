import { isRecord } from '../../../lib/records.js';
import type { Endpoint, EndpointRequest } from '../../endpoint.js';
import { parseReply } from '../../parse.js';
import { invoiceAge, scheduleAge } from '../answerAges.js';
import { hasNoValues, lowerCaseKeys } from '../keys.js';
import type { BrokerScheduleRecord, FactoringInvoiceRecord, ScheduleRecord } from '../records.js';
import { NOT_KNOWN, knownOrNull, where } from '../replies.js';
import { SCHEDULE_KEYS, brokerScheduleSchema, scheduleSchema } from '../scheduleSchema.js';
import { INVOICE_KEYS, factoringInvoiceSchema } from '../schemas.js';
import { idHeader } from '../transport.js';
import { BROKER_SCHEDULE, FACTORING, INVOICE, SCHEDULE } from './places.js';

/**
 * Funded invoices and the schedules that carry them (factorcloud.md §5.11, §5.12, §5.15); each
 * answers null when FactorCloud does not know the id. Invoices and schedules share the FACTORING
 * scope, which the schedule and payment writes (schedules.ts) drop.
 */

/** GET get-invoice/ (§5.12). Read by factoringInvoiceById, a loader of its own (src/loaders). */
export const factoringInvoiceById = {
  name: 'get-invoice',
  method: 'GET',
  path: 'get-invoice',
  idempotent: true,
  request: (invoiceIntegrationId) => ({
    // The seed's curl sends the id as a query parameter; the docs' prose lists it under
    // "Header Information". Sending both satisfies either reading of the docs.
    query: { InvoiceIntegrationId: invoiceIntegrationId },
    headers: idHeader('InvoiceIntegrationID', invoiceIntegrationId),
    accept: NOT_KNOWN,
  }),
  reply: knownOrNull(
    (body) => hasNoValues(body, INVOICE_KEYS),
    (body, integrationId: string): FactoringInvoiceRecord => ({
      ...parseReply(factoringInvoiceSchema, body, where('get-invoice')),
      integrationId,
    }),
  ),
  cache: {
    place: (id) => ({ resource: INVOICE, key: [id], scope: FACTORING }),
    ttl: (found) => invoiceAge(found),
  },
} satisfies Endpoint<string, FactoringInvoiceRecord | null>;

/**
 * A get-sched reply "says nothing" when its schedule fields are empty and its InvoiceArray is
 * missing or empty; like the empty get-invoice example, that means "not known".
 */
function isEmptySchedule(body: unknown): boolean {
  const lowered = lowerCaseKeys(body);
  const invoices = isRecord(lowered) ? lowered.invoicearray : undefined;
  const noInvoices =
    invoices === undefined ||
    invoices === null ||
    invoices === '' ||
    (Array.isArray(invoices) && invoices.length === 0);
  return noInvoices && hasNoValues(body, SCHEDULE_KEYS);
}

/**
 * get-sched and get-broker-sched list `IntegrationBatchID` under "Header Information" and the
 * example that would show where it goes is cut off (§5.11). The docs' advice for a client is to
 * use the path suffix, by analogy with get-docs (`get-sched/<id>.json`), and also send an
 * `IntegrationBatchID` header; the id goes in the `IntegrationBatchId` query parameter as well,
 * as get-invoice's seed curl does with its id. One request, three places: a server that reads
 * any one of them finds the same value, and none of them needs a second call.
 */
function bySchedule(integrationBatchId: string): EndpointRequest {
  return {
    suffix: `${encodeURIComponent(integrationBatchId)}.json`,
    query: { IntegrationBatchId: integrationBatchId },
    headers: idHeader('IntegrationBatchID', integrationBatchId),
    accept: NOT_KNOWN,
  };
}

/** GET get-sched/ (§5.11): a schedule with all its invoices. Read by scheduleByBatchId (src/loaders). */
export const scheduleByBatchId = {
  name: 'get-sched',
  method: 'GET',
  path: 'get-sched',
  idempotent: true,
  request: bySchedule,
  reply: knownOrNull(isEmptySchedule, (body, integrationBatchId: string): ScheduleRecord => {
    const reply = parseReply(scheduleSchema, body, where('get-sched'));
    return { ...reply, integrationBatchId: reply.integrationBatchId ?? integrationBatchId };
  }),
  cache: {
    place: (id) => ({ resource: SCHEDULE, key: [id], scope: FACTORING }),
    ttl: (found) => scheduleAge(found),
  },
} satisfies Endpoint<string, ScheduleRecord | null>;

/**
 * GET get-broker-sched/ (§5.15): a broker schedule with its invoices. Only the page's tables
 * survive: URI, method and identifier are inferred from the page name (Get-Broker-Sched.html)
 * and from get-sched, whose request this mirrors.
 */
export const brokerScheduleByBatchId = {
  name: 'get-broker-sched',
  method: 'GET',
  path: 'get-broker-sched',
  idempotent: true,
  request: bySchedule,
  reply: knownOrNull(isEmptySchedule, (body, integrationBatchId: string): BrokerScheduleRecord => {
    const reply = parseReply(brokerScheduleSchema, body, where('get-broker-sched'));
    return { ...reply, integrationBatchId: reply.integrationBatchId ?? integrationBatchId };
  }),
  cache: {
    place: (id) => ({ resource: BROKER_SCHEDULE, key: [id], scope: FACTORING }),
    ttl: (found) => scheduleAge(found),
  },
  loader: { key: (id) => id },
} satisfies Endpoint<string, BrokerScheduleRecord | null>;

export const FACTORING_READ_ENDPOINTS = {
  factoringInvoiceById,
  scheduleByBatchId,
  brokerScheduleByBatchId,
};
