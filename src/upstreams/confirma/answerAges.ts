import { addDays } from '../../lib/dates.js';
import type { TtlName } from '../ttlNames.js';
import type { CaseRecord } from './caseSchema.js';
import type { DistributionPage } from './invoiceRecords.js';
import type { DistributionRecord } from './schemas.js';

/**
 * Which TTL setting a Confirma answer is kept for, by its state (the entries' `cache.ttl`).
 * Confirma does not document its status values (confirma.md §6.2), so a state is "final" only on
 * evidence that it is (a `closedAt`, a delivered record); anything unknown counts as still moving
 * and gets the short TTL.
 */

/** Distribution states that mean "not delivered yet" (the simulator's and the seed's words). */
const DISTRIBUTION_IN_PROGRESS = new Set(['PENDING', 'RECEIVED', 'QUEUED', 'PROCESSING', 'CREATED', 'NEW']);

/** A single-invoice distribution lookup: by the record's state. */
export function distributionLookupAge(page: DistributionPage): TtlName {
  if (page.entries.length === 0) return 'notFound';
  // More than one record means the filter was not applied: treat it as a list.
  if (page.entries.length > 1) return 'distributionList';
  const record = page.entries[0]?.record;
  return record && !distributionInProgress(record) ? 'distributionSettled' : 'distributionPending';
}

export function caseAge(found: CaseRecord | null): TtlName {
  if (!found) return 'notFound';
  const closed = Boolean(found.summary.closedAt) || found.summary.status?.toUpperCase() === 'CLOSED';
  return closed ? 'caseClosed' : 'caseOpen';
}

/**
 * A payments or settlements window is closed once it ended before yesterday (UTC): a day of
 * slack, since Confirma's calendar day may differ from UTC's.
 */
export function windowAge(
  kind: 'payments' | 'settlements',
  window: { toDate?: string | undefined },
  today: () => string,
): TtlName {
  const closed = window.toDate !== undefined && window.toDate < addDays(today(), -1);
  if (kind === 'payments') return closed ? 'paymentsClosedWindow' : 'paymentsOpenWindow';
  return closed ? 'settlementsClosedWindow' : 'settlementsOpenWindow';
}

/** 0 is "Pending" (documented); nothing reported yet counts as pending too. */
export function syncAge(items: ReadonlyArray<{ status: number | null }>): TtlName {
  if (items.length === 0 || items.some((item) => item.status === 0 || item.status === null)) {
    return 'syncPending';
  }
  return items.every((item) => item.status === 1) ? 'syncSynced' : 'syncFailed';
}

function distributionInProgress(record: DistributionRecord): boolean {
  const status = record.status?.trim().toUpperCase();
  if (!status || DISTRIBUTION_IN_PROGRESS.has(status)) return true;
  // Payment control switched on but no case yet: the case id is about to appear.
  return Boolean(record.paymentControl?.enabled && !record.paymentControl.caseId);
}
