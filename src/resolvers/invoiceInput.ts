import { badUserInput } from '../errors.js';
import { addOneYear, todayIsoDate } from '../lib/dates.js';
import type { DistributionQuery } from '../upstreams/confirma/client.js';
import type { InvoiceFilter } from '../__generated__/resolvers-types.js';

const MAX_INVOICE_NUMBER_LENGTH = 64;

/**
 * Invoice numbers are passed to Confirma as they are; only what cannot be a number at all
 * (empty, absurdly long, control characters) is refused here. Anything else Confirma does not
 * know simply yields null.
 */
export function checkInvoiceNumber(value: string, argument: string): string {
  const trimmed = value.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || trimmed.length > MAX_INVOICE_NUMBER_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw badUserInput(
      `${argument} must be a non-empty invoice number of at most ${MAX_INVOICE_NUMBER_LENGTH} printable characters`,
      argument,
    );
  }
  return trimmed;
}

/**
 * Turns `InvoiceFilter` into Confirma's distribution query, refusing before any upstream call
 * a window that runs backwards or spans more than a year. A missing `to` means today, so an
 * open-ended `from` is held to the same one-year rule. Dates are already real calendar dates
 * (the `Date` scalar checks that).
 */
export function toDistributionQuery(
  filter: InvoiceFilter | null | undefined,
  today = todayIsoDate(),
): DistributionQuery {
  const query: DistributionQuery = {};
  if (!filter) return query;
  if (filter.invoiceNumber != null)
    query.invoiceNumber = checkInvoiceNumber(filter.invoiceNumber, 'filter.invoiceNumber');
  const from = filter.from ?? undefined;
  const to = filter.to ?? undefined;
  if (from !== undefined) {
    const end = to ?? today;
    if (from > end) {
      throw badUserInput(
        to === undefined
          ? `filter.from (${from}) must not be after today (${today}) when filter.to is omitted`
          : `filter.from (${from}) must be on or before filter.to (${to})`,
        'filter.from',
      );
    }
    if (end > addOneYear(from)) {
      throw badUserInput(
        `filter.from and filter.to span more than one year (${from} to ${end}); ask for at most one year at a time`,
        to === undefined ? 'filter.from' : 'filter.to',
      );
    }
    query.fromInvDate = from;
  }
  if (to !== undefined) query.toInvDate = to;
  return query;
}
