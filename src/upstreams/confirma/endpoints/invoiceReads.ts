import { normalizeInvoiceNumber } from '../../../lib/invoiceNumbers.js';
import type { Endpoint } from '../../endpoint.js';
import { contractBreach, parseReply } from '../../parse.js';
import { caseAge, distributionLookupAge } from '../answerAges.js';
import { RESOURCE, SCOPE, casePlace, lookupPlace } from '../cacheNames.js';
import {
  caseReplySchema,
  distributionPageSchema,
  distributionRecordSchema,
  recordInvoiceNumberSchema,
} from '../schemas.js';
import type { CaseKey, DistributionEntry, DistributionPage, DistributionQuery } from '../invoiceRecords.js';
import type { CaseRecord } from '../schemas.js';
import { NOTHING_FOUND, foundNothing, where } from '../transport.js';
import { setAsideUnreadableDates } from '../unreadableDates.js';

export type { CaseKey, DistributionEntry, DistributionPage, DistributionQuery } from '../invoiceRecords.js';

const WHERE = where('invoice/distribution');

/** The two reads of invoices: distribution pages and case details (confirma.md §4.6–4.7). */
export const INVOICE_READS = {
  /**
   * GET /invoice/distribution: one page of distribution records. Only a 401 is documented besides
   * the 200; "nothing matched" is an empty page, so an unknown invoice number is "not known".
   */
  distributionPages: {
    name: WHERE.endpoint,
    method: 'GET',
    path: '/invoice/distribution',
    idempotent: true,
    request: (query) => ({ query: { ...query }, accept: NOTHING_FOUND }),
    reply(response) {
      const page = foundNothing(response)
        ? { metaData: null, invoices: null }
        : parseReply(distributionPageSchema, response.body, WHERE);
      const entries = (page.invoices ?? []).map(readEntry);
      return {
        totalCount: page.metaData?.totalCount ?? entries.length,
        successfulCount: page.metaData?.successfulCount ?? null,
        failedCount: page.metaData?.failedCount ?? null,
        filtersApplied: page.metaData?.filtersApplied ?? null,
        entries,
      };
    },
    cache: {
      // A lookup of one invoice (the loaders' form) ages by its record's state; any other query
      // is a list, dropped with every list when a write may change one.
      place(query) {
        const number = lookupNumber(query);
        if (number !== undefined) return lookupPlace(number);
        const key = [query.invoiceNumber, query.fromInvDate, query.toInvDate, query.fetchType];
        return { resource: RESOURCE.distributionList, key, scope: SCOPE.distribution };
      },
      ttl: (page, query) =>
        lookupNumber(query) === undefined ? 'distributionList' : distributionLookupAge(page),
    },
    // The same filters in any property order are one call; `undefined` members are dropped.
    loader: {
      key: (query) =>
        JSON.stringify([query.invoiceNumber, query.fromInvDate, query.toInvDate, query.fetchType]),
    },
  } satisfies Endpoint<DistributionQuery, DistributionPage>,

  /**
   * GET /invoice/case: case details, or null when Confirma does not know the case. The docs do
   * not capture the query parameters; the distribution page says the saved case id is what
   * retrieves case details, so the case is asked for by `caseId`. Actions address a case by
   * `caseId` plus `invoiceNumber` (§4.5) and the docs guess "caseId and/or invoiceNumber" here,
   * so the invoice number is sent too when known: a server wanting either finds it.
   */
  caseById: {
    name: 'invoice/case',
    method: 'GET',
    path: '/invoice/case',
    idempotent: true,
    request: (key) => ({
      query:
        typeof key === 'string'
          ? { caseId: key, invoiceNumber: undefined }
          : { caseId: key.caseId, invoiceNumber: key.invoiceNumber ?? undefined },
      accept: [404],
    }),
    reply({ status, body }) {
      if (status === 404 || body === undefined) return null;
      return parseReply(caseReplySchema, body, where('invoice/case')).case ?? null;
    },
    cache: { place: (key) => casePlace(caseIdOf(key)), ttl: (found) => caseAge(found) },
    // Keyed by case id alone, so a case asked for with and without its invoice number is one call.
    loader: { key: (key) => normalizeInvoiceNumber(caseIdOf(key)) },
  } satisfies Endpoint<CaseKey, CaseRecord | null>,
};

function caseIdOf(key: CaseKey): string {
  return typeof key === 'string' ? key : key.caseId;
}

/** The number of a lookup of one invoice by number alone (the per-invoice loader's form). */
function lookupNumber(query: DistributionQuery): string | undefined {
  const { invoiceNumber, fromInvDate, toInvDate, fetchType } = query;
  if (fromInvDate !== undefined || toInvDate !== undefined || fetchType !== undefined) return undefined;
  return invoiceNumber;
}

function readEntry(raw: unknown, index: number): DistributionEntry {
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
    throw contractBreach(parsed.error, { ...WHERE, endpoint: `${WHERE.endpoint} invoices.${index}` });
  }
  return { invoiceNumber: id.data.invoiceNumber, error: contractBreach(parsed.error, WHERE) };
}
