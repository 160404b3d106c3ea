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
 * Checks a date window before any upstream call: it must not run backwards or span more than a
 * year. A missing `to` means today, so an open-ended `from` is held to the same one-year rule.
 * Dates are already real calendar dates (the `Date` scalar checks that).
 */
export function checkWindow(
  from: string | null | undefined,
  to: string | null | undefined,
  prefix: string,
  today = todayIsoDate(),
): { from?: string; to?: string } {
  const window: { from?: string; to?: string } = {};
  if (from != null) {
    const end = to ?? today;
    if (from > end) {
      throw badUserInput(
        to == null
          ? `${prefix}.from (${from}) must not be after today (${today}) when ${prefix}.to is omitted`
          : `${prefix}.from (${from}) must be on or before ${prefix}.to (${to})`,
        `${prefix}.from`,
      );
    }
    if (end > addOneYear(from)) {
      throw badUserInput(
        `${prefix}.from and ${prefix}.to span more than one year (${from} to ${end}); ask for at most one year at a time`,
        to == null ? `${prefix}.from` : `${prefix}.to`,
      );
    }
    window.from = from;
  }
  if (to != null) window.to = to;
  return window;
}

/** Turns `InvoiceFilter` into Confirma's distribution query. */
export function toDistributionQuery(
  filter: InvoiceFilter | null | undefined,
  today = todayIsoDate(),
): DistributionQuery {
  const query: DistributionQuery = {};
  if (!filter) return query;
  if (filter.invoiceNumber != null) {
    query.invoiceNumber = checkInvoiceNumber(filter.invoiceNumber, 'filter.invoiceNumber');
  }
  const window = checkWindow(filter.from, filter.to, 'filter', today);
  if (window.from) query.fromInvDate = window.from;
  if (window.to) query.toInvDate = window.to;
  return query;
}
