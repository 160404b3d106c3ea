import { ESCALATION_STEPS, outstandingOn, type LedgerEntry } from './caseTimeline.js';
import { amountToCents } from './money.js';
import type { ConfirmaCase, ConfirmaInvoice, IsoDate } from './types.js';

/** How one agency-received payment was allocated: the parts add up to `cents` exactly. */
export interface PaymentSplit {
  date: IsoDate;
  cents: number;
  capitalCents: number;
  interestCents: number;
  feesCents: number;
}

/**
 * Splits each payment of a generated case into capital, interest and fees, the breakdown the
 * settlements report (confirma.md §4.10). It replays the same ledger `buildCase` used: the
 * escalation fees (read back from the case events), the invoice capital, interest from the due
 * date, and payments settling costs first, then interest, then capital (caseTimeline.ts). The
 * split of payment N is what was owed just before it, so the breakdown agrees with the balance.
 */
export function splitCasePayments(invoice: ConfirmaInvoice, found: ConfirmaCase): PaymentSplit[] {
  const capitalCents = amountToCents(invoice.amount);
  const fees: LedgerEntry[] = [];
  for (const event of found.events) {
    const step = ESCALATION_STEPS.find((candidate) => candidate.event === event.type);
    if (step) fees.push({ date: event.date, kind: 'fee', cents: step.feeCents });
  }
  const payments: LedgerEntry[] = found.payments.map((payment) => ({
    date: payment.paymentDate,
    kind: 'payment',
    cents: amountToCents(payment.amount),
  }));
  // Same order as buildCase: fees before payments on the same day (a stable sort keeps it).
  const ordered = [...fees, ...payments].sort((a, b) => a.date.localeCompare(b.date));
  return payments.map((payment) => {
    const before = ordered.slice(0, ordered.indexOf(payment));
    const owed = outstandingOn(capitalCents, invoice.dueDate, before, payment.date);
    const feesCents = Math.min(payment.cents, owed.costsCents);
    const interestCents = Math.min(payment.cents - feesCents, owed.interestCents);
    // Anything beyond what was owed counts as capital, so the parts always sum to the payment.
    const capitalPart = payment.cents - feesCents - interestCents;
    return { date: payment.date, cents: payment.cents, capitalCents: capitalPart, interestCents, feesCents };
  });
}
