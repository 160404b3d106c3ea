import type { UpstreamError } from '../../http/errors.js';
import type { DistributionRecord } from './schemas.js';

/** What the invoice reads (endpoints/invoiceReads.ts) take and give. */

/** Query of GET /invoice/distribution (confirma.md §4.7; names from `filtersApplied`). */
export interface DistributionQuery {
  invoiceNumber?: string;
  fromInvDate?: string;
  toInvDate?: string;
  fetchType?: string;
}

/** A record that broke the contract keeps its invoice number and the error for its fields. */
export type DistributionEntry =
  | { invoiceNumber: string; record: DistributionRecord; error?: undefined }
  | { invoiceNumber: string; record?: undefined; error: UpstreamError };

export interface DistributionPage {
  totalCount: number;
  successfulCount: number | null;
  failedCount: number | null;
  filtersApplied: {
    invoiceNumber: string | null;
    fromInvDate: string | null;
    toInvDate: string | null;
    fetchType: string | null;
    defaultLast30DaysApplied: boolean | null;
  } | null;
  entries: DistributionEntry[];
}

/** A case id, with the case's invoice number when the caller knows it (sent along, see caseById). */
export type CaseKey = string | { caseId: string; invoiceNumber?: string | null | undefined };
