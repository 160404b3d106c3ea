import { addDays, isRealDate } from '../dataset/calendar.js';
import type {
  ConfirmaDistributionRecord,
  ConfirmaInvoice,
  IsoDate,
  SimulatorDataset,
} from '../dataset/types.js';
import type { JsonReply, JsonValue } from '../http.js';

/**
 * GET /api/v1/partner/invoice/distribution (confirma.md §4.7 and the distribution seed).
 * Query names are matched exactly as `metaData.filtersApplied` spells them; docs are silent on
 * casing, and the simulator stays strict so a client's misspelling shows up in tests.
 */

/**
 * The default window and a lone `toInvDate` both run from "end − 30 days" to "end", both days
 * included. Docs only say "last 30 days"; the simulator chooses this reading for both cases so
 * they agree, and echoes the window it used in `filtersApplied`.
 */
export const DEFAULT_WINDOW_DAYS = 30;

interface DistributionFilters {
  invoiceNumber: number | null;
  fromInvDate: IsoDate | null;
  toInvDate: IsoDate | null;
  fetchType: string | null;
  defaultLast30DaysApplied: boolean;
}

export function distributionReply(
  dataset: SimulatorDataset,
  today: IsoDate,
  query: URLSearchParams,
): JsonReply {
  const parsed = parseFilters(query, today);
  if (typeof parsed === 'string') return { status: 400, body: { message: parsed } };
  const matches = [...dataset.confirmaInvoices.values()]
    .filter((invoice) => matchesFilters(invoice, parsed))
    .sort((a, b) => a.invoiceDate.localeCompare(b.invoiceDate) || a.invoiceNumber - b.invoiceNumber);
  const failedCount = matches.filter(
    (invoice) => invoice.distribution.distributionStatus === 'FAILED',
  ).length;
  return {
    status: 200,
    body: {
      metaData: {
        totalCount: matches.length,
        successfulCount: matches.length - failedCount,
        failedCount,
        filtersApplied: { ...parsed },
      },
      invoices: matches.map((invoice) => distributionRecordJson(invoice.distribution)),
    },
  };
}

/** The filters to apply, or the 400 message when a parameter is malformed. */
function parseFilters(query: URLSearchParams, today: IsoDate): DistributionFilters | string {
  // Docs are silent on empty parameters; the simulator treats `?fromInvDate=` as not given.
  const read = (name: string): string | null => query.get(name)?.trim() || null;
  const rawNumber = read('invoiceNumber');
  if (rawNumber !== null && !/^\d{1,15}$/.test(rawNumber)) return 'invoiceNumber must be an integer';
  for (const name of ['fromInvDate', 'toInvDate']) {
    const value = read(name);
    if (value !== null && !isRealDate(value)) return `${name} must be a date in YYYY-MM-DD format`;
  }
  const invoiceNumber = rawNumber === null ? null : Number(rawNumber);
  let fromInvDate = read('fromInvDate');
  let toInvDate = read('toInvDate');
  let defaultLast30DaysApplied = false;
  // An invoice-number lookup gets no default window: the invoice may be older than 30 days.
  // Explicit dates sent alongside it still narrow the result (simulator choice; docs silent).
  if (invoiceNumber === null) {
    if (fromInvDate === null && toInvDate === null) {
      toInvDate = today;
      fromInvDate = addDays(today, -DEFAULT_WINDOW_DAYS);
      defaultLast30DaysApplied = true;
    } else if (toInvDate === null) {
      toInvDate = today;
    } else if (fromInvDate === null) {
      fromInvDate = addDays(toInvDate, -DEFAULT_WINDOW_DAYS);
    }
  }
  if (fromInvDate !== null && toInvDate !== null && fromInvDate > toInvDate) {
    return 'fromInvDate must not be after toInvDate';
  }
  // Docs give no fetchType values; the simulator accepts anything and only echoes it.
  const fetchType = read('fetchType');
  return { invoiceNumber, fromInvDate, toInvDate, fetchType, defaultLast30DaysApplied };
}

function matchesFilters(invoice: ConfirmaInvoice, filters: DistributionFilters): boolean {
  if (filters.invoiceNumber !== null && invoice.invoiceNumber !== filters.invoiceNumber) return false;
  if (filters.fromInvDate !== null && invoice.invoiceDate < filters.fromInvDate) return false;
  if (filters.toInvDate !== null && invoice.invoiceDate > filters.toInvDate) return false;
  return true;
}

/** One `invoices[]` item, fields in the seed's order. */
export function distributionRecordJson(record: ConfirmaDistributionRecord): JsonValue {
  return {
    invoiceNumber: record.invoiceNumber,
    distributionStatus: record.distributionStatus,
    distributionMethod: record.distributionMethod,
    distributionMessage: record.distributionMessage,
    dates: { ...record.dates },
    file: { url: record.file.url },
    paymentControl: { ...record.paymentControl },
    errors: record.errors.map((error) => ({ ...error })),
  };
}
