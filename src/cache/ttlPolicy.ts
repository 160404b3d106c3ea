import { addDays, todayIsoDate } from '../lib/dates.js';
import type { CaseRecord, DistributionPage, DistributionRecord } from '../upstreams/confirma/client.js';
import type { DateWindow } from '../upstreams/confirma/money.js';
import type { FactoringInvoiceRecord } from '../upstreams/factorcloud/client.js';
import type { TtlName, TtlTable } from './cacheConfig.js';

/**
 * How long each kind of answer may be served from the cache, by its state. Neither API documents
 * its status values (confirma.md §6.2, factorcloud.md §3), so a state is "final" only on evidence
 * that it is (a `closedAt`, a cancelled or paid-in-full invoice); anything unknown counts as
 * still moving and gets the short TTL.
 */
export interface TtlPolicy {
  seconds(name: TtlName): number;
  /** A single-invoice distribution lookup: by the record's state. */
  distributionLookup(page: DistributionPage): number;
  caseDetails(found: CaseRecord | null): number;
  window(kind: 'payments' | 'settlements', window: DateWindow): number;
  syncStatus(items: ReadonlyArray<{ status: number | null }>): number;
  factoringInvoice(found: InvoiceState | null): number;
  schedule(found: { invoices: readonly InvoiceState[] } | null): number;
  /** Master data and documents: one TTL when found, the not-found TTL otherwise. */
  found(name: TtlName, found: unknown): number;
}

/** What decides a FactorCloud invoice's TTL (get-invoice records and schedule invoices alike). */
type InvoiceState = Pick<FactoringInvoiceRecord, 'status' | 'paidInFull'>;

/** Distribution states that mean "not delivered yet" (the simulator's and the seed's words). */
const DISTRIBUTION_IN_PROGRESS = new Set(['PENDING', 'RECEIVED', 'QUEUED', 'PROCESSING', 'CREATED', 'NEW']);

export function createTtlPolicy(ttl: TtlTable, today: () => string = () => todayIsoDate()): TtlPolicy {
  const seconds = (name: TtlName) => ttl[name];
  return {
    seconds,
    distributionLookup(page) {
      if (page.entries.length === 0) return seconds('notFound');
      // More than one record means the filter was not applied: treat it as a list.
      if (page.entries.length > 1) return seconds('distributionList');
      const record = page.entries[0]?.record;
      return record && !distributionInProgress(record)
        ? seconds('distributionSettled')
        : seconds('distributionPending');
    },
    caseDetails(found) {
      if (!found) return seconds('notFound');
      const closed = Boolean(found.summary.closedAt) || found.summary.status?.toUpperCase() === 'CLOSED';
      return seconds(closed ? 'caseClosed' : 'caseOpen');
    },
    window(kind, window) {
      // Closed once it ended before yesterday (UTC): a day of slack, since the upstream's
      // calendar day may differ from UTC's.
      const closed = window.toDate !== undefined && window.toDate < addDays(today(), -1);
      if (kind === 'payments') return seconds(closed ? 'paymentsClosedWindow' : 'paymentsOpenWindow');
      return seconds(closed ? 'settlementsClosedWindow' : 'settlementsOpenWindow');
    },
    syncStatus(items) {
      if (items.length === 0 || items.some((item) => item.status === 0 || item.status === null)) {
        return seconds('syncPending');
      }
      return seconds(items.every((item) => item.status === 1) ? 'syncSynced' : 'syncFailed');
    },
    factoringInvoice(found) {
      if (!found) return seconds('notFound');
      return seconds(invoiceIsFinal(found) ? 'factoringInvoiceFinal' : 'factoringInvoiceOpen');
    },
    schedule(found) {
      if (!found) return seconds('notFound');
      const final = found.invoices.length > 0 && found.invoices.every(invoiceIsFinal);
      return seconds(final ? 'scheduleFinal' : 'scheduleOpen');
    },
    found(name, found) {
      return found === null ? seconds('notFound') : seconds(name);
    },
  };
}

function distributionInProgress(record: DistributionRecord): boolean {
  const status = record.status?.trim().toUpperCase();
  if (!status || DISTRIBUTION_IN_PROGRESS.has(status)) return true;
  // Payment control switched on but no case yet: the case id is about to appear.
  return Boolean(record.paymentControl?.enabled && !record.paymentControl.caseId);
}

function invoiceIsFinal(invoice: InvoiceState): boolean {
  return invoice.status === 'CANCELLED' || invoice.paidInFull === true;
}
