import { badUserInput } from '../errors.js';
import { addOneYear } from '../lib/dates.js';
import { todayIn } from '../lib/timeZones.js';
import type { Context } from '../context.js';
import { CONFIRMA_ID_FORM, readConfirmaId } from '../validation/confirmaIds.js';
import type { DistributionQuery } from '../upstreams/confirma/client.js';
import type { InvoiceFilter } from '../__generated__/resolvers-types.js';

/**
 * A Confirma invoice number or case id given as an argument. A lookup with anything else cannot
 * match, and Confirma answers it with a 400, so it is refused here with the rule (the same one
 * mutation inputs use, validation/confirmaIds.ts) instead of reaching the upstream.
 */
export function checkInvoiceNumber(value: string, argument: string): string {
  const id = readConfirmaId(value);
  if (id !== undefined) return id;
  throw badUserInput(
    `${argument} must be ${CONFIRMA_ID_FORM}, got ${JSON.stringify(value.trim().slice(0, 40))}`,
    argument,
  );
}

/** Today's date in the business time zone (BUSINESS_TIME_ZONE), not the server's or UTC's. */
export function businessToday(context: Pick<Context, 'timeZones'>, now: Date = new Date()): string {
  return todayIn(context.timeZones.business, now);
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
  today: string,
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
  today: string,
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
