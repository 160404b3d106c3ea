import type { UpstreamError } from '../../http/errors.js';
import { contractBreach, parseReply } from '../parse.js';
import { NOTHING_FOUND, foundNothing } from './call.js';
import type { ConfirmaCall } from './call.js';
import {
  caseReplySchema,
  distributionPageSchema,
  distributionRecordSchema,
  recordInvoiceNumberSchema,
} from './schemas.js';
import type { CaseRecord, DistributionRecord } from './schemas.js';
import { setAsideUnreadableDates } from './unreadableDates.js';

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

export interface ConfirmaInvoiceReads {
  /** GET /invoice/distribution: one page of distribution records. */
  listDistribution(query: DistributionQuery): Promise<DistributionPage>;
  /**
   * GET /invoice/case: case details, or null when Confirma does not know the case. The invoice
   * number goes along when the caller knows it (see below).
   */
  getCase(caseId: string, invoiceNumber?: string): Promise<CaseRecord | null>;
}

/** The two reads of invoices: distribution pages and case details. */
export function createInvoiceReads(call: ConfirmaCall): ConfirmaInvoiceReads {
  return {
    async listDistribution(query) {
      const where = { upstream: 'confirma', endpoint: 'invoice/distribution' } as const;
      // Only a 401 is documented besides the 200; "nothing matched" is an empty page, so an
      // unknown invoice number is "not known", not a failure.
      const reply = await call({
        method: 'GET',
        path: '/invoice/distribution',
        endpoint: where.endpoint,
        query: { ...query },
        acceptStatuses: NOTHING_FOUND,
      });
      const page = foundNothing(reply)
        ? { metaData: null, invoices: null }
        : parseReply(distributionPageSchema, reply.body, where);
      const entries = (page.invoices ?? []).map((raw, index) => readEntry(raw, index, where));
      return {
        totalCount: page.metaData?.totalCount ?? entries.length,
        successfulCount: page.metaData?.successfulCount ?? null,
        failedCount: page.metaData?.failedCount ?? null,
        filtersApplied: page.metaData?.filtersApplied ?? null,
        entries,
      };
    },

    async getCase(caseId, invoiceNumber) {
      const where = { upstream: 'confirma', endpoint: 'invoice/case' } as const;
      // The docs do not capture the query parameters; the distribution page says the saved
      // case id is what retrieves case details, so the case is asked for by `caseId`. Actions
      // address a case by `caseId` plus `invoiceNumber` (§4.5) and the docs guess "caseId and/or
      // invoiceNumber" here, so the invoice number is sent too when known: a server wanting
      // either finds it.
      const { status, body } = await call({
        method: 'GET',
        path: '/invoice/case',
        endpoint: where.endpoint,
        query: { caseId, invoiceNumber },
        acceptStatuses: [404],
      });
      if (status === 404 || body === undefined) return null;
      return parseReply(caseReplySchema, body, where).case ?? null;
    },
  };
}

function readEntry(
  raw: unknown,
  index: number,
  where: { upstream: 'confirma'; endpoint: string },
): DistributionEntry {
  const parsed = distributionRecordSchema.safeParse(raw);
  if (parsed.success) return { invoiceNumber: parsed.data.invoiceNumber, record: parsed.data };
  const dated = setAsideUnreadableDates(raw, parsed.error);
  const reread = dated && distributionRecordSchema.safeParse(dated.raw);
  if (dated && reread?.success) {
    return {
      invoiceNumber: reread.data.invoiceNumber,
      record: { ...reread.data, unreadable: dated.unreadable },
    };
  }
  const id = recordInvoiceNumberSchema.safeParse(raw);
  if (!id.success) {
    // Without an invoice number the record cannot be placed anywhere: the page is unusable.
    throw contractBreach(parsed.error, { ...where, endpoint: `${where.endpoint} invoices.${index}` });
  }
  return { invoiceNumber: id.data.invoiceNumber, error: contractBreach(parsed.error, where) };
}
