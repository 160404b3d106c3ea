import { compareDecimals, signOfDecimal, sumDecimals } from '../lib/decimalOrder.js';
import type { CaseFacts, FactorCloudFacts } from './types.js';

/**
 * Readings of one side's facts that the rules share. Confirma documents no case status values
 * (confirma.md §4.6, "Case/invoice status and stage enums: not found"), so a case counts as
 * closed when it has a `closedAt` or its status is one of the closing words below (the
 * simulator's `CLOSED`, and what a withdrawn or paid case would plausibly say).
 */
const CLOSED_STATUSES = new Set(['CLOSED', 'WITHDRAWN', 'CANCELLED', 'CANCELED', 'PAID', 'SETTLED']);

export function isCaseOpen(found: CaseFacts): boolean {
  return found.closedAt === null && !CLOSED_STATUSES.has((found.status ?? '').trim().toUpperCase());
}

/**
 * What is still owed on the case: Confirma's total when it sends one, else the sum of the parts
 * it sent; null when it sent no amount at all.
 */
export function outstandingOf(found: CaseFacts): string | null {
  if (found.totalAmount !== null) return found.totalAmount;
  const parts = [found.capitalAmount, found.interestAmount, found.costsAmount].filter(
    (part): part is string => part !== null,
  );
  return parts.length ? (sumDecimals(parts) ?? null) : null;
}

/** True when the case still holds a positive balance. */
export function hasBalance(found: CaseFacts): boolean {
  const owed = outstandingOf(found);
  return owed !== null && signOfDecimal(owed) === 1;
}

/** True when Confirma reports nothing owed (a balance of zero, not a missing one). */
export function owesNothing(found: CaseFacts): boolean {
  const owed = outstandingOf(found);
  return owed !== null && signOfDecimal(owed) === 0;
}

/**
 * FactorCloud records no payment: `PaymentMade` is not a yes, there is no last payment date and
 * the invoice is not paid in full. An unreadable `PaymentMade` (null) with neither date counts
 * as no payment: the two dates are what FactorCloud fills when money arrives.
 */
export function recordsNoPayment(invoice: FactorCloudFacts): boolean {
  return invoice.paymentMade !== true && invoice.lastPaymentMadeOn === null && invoice.paidInFull !== true;
}

/** `a > b` exactly; false when either is not a decimal. */
export function isAbove(a: string, b: string): boolean {
  return compareDecimals(a, b) === 1;
}

export function describeCase(found: CaseFacts): string {
  const owed = outstandingOf(found);
  const state = isCaseOpen(found) ? 'open' : 'closed';
  return `case ${found.caseId} ${state}${found.status ? ` (${found.status})` : ''}${owed === null ? '' : `, outstanding ${owed}`}`;
}

export function describeFactoring(invoice: FactorCloudFacts): string {
  const paid = invoice.paidInFull
    ? `paid in full${invoice.paidInFullOn ? ` on ${invoice.paidInFullOn}` : ''}`
    : invoice.lastPaymentMadeOn
      ? `last payment ${invoice.lastPaymentMadeOn}`
      : 'no payment recorded';
  return `${invoice.status ?? 'status unknown'}, ${paid}`;
}
