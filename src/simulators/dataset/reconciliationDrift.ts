import type { Random } from '../random.js';
import { addDays, daysBetween, minDate } from './calendar.js';
import type { FactoredInvoice } from './factorCloudInvoices.js';
import { amountToCents, centsToAmount, percentOf } from './money.js';
import type { FactorCloudInvoice, IsoDate } from './types.js';

/**
 * The disagreements between Confirma and FactorCloud that finance operations meet in practice,
 * at a few percent each, so the graph's reconciliation has something to find on a fresh start.
 * Each drift rewrites a FactorCloud record whole, keeping the record consistent with itself
 * (funded ⇔ purchase and fund dates, paid in full ⇒ a payment), only no longer with Confirma:
 *
 * - the debtor paid the factor directly while the agency's case stays open with a balance (the
 *   factor cancelling an invoice under an open case happens without drift: FactorCloud statuses
 *   are drawn without looking at Confirma's case);
 * - the agency collected the invoice and closed the case, but FactorCloud was never told;
 * - the factor keyed a smaller invoice amount than the capital the agency collects.
 *
 * A funded invoice whose Confirma distribution failed needs no drift: FactorCloud funds what the
 * schedule brought, without seeing Confirma's delivery (dataset.ts keeps about 2% of them).
 * Drifts draw from their own stream, so every other record is the same as without them.
 */
export function driftFromConfirma(
  random: Random,
  today: IsoDate,
  factored: readonly FactoredInvoice[],
  built: FactorCloudInvoice[],
): void {
  factored.forEach((item, i) => {
    const invoice = built[i];
    const found = item.confirmaCase;
    if (!invoice || !found) return;
    const open = found.summary.status !== 'CLOSED';
    const owed = amountToCents(found.balance.totalAmount) > 0;
    const untouched = found.payments.length === 0;
    if (open && owed && random.chance(0.03)) {
      built[i] = paidToFactor(invoice, today);
    } else if (!open && random.chance(0.3)) {
      built[i] = neverTold(invoice, item.escrowPercent);
    } else if (open && untouched && random.chance(0.1)) {
      built[i] = shortKeyed(invoice);
    }
  });
}

/**
 * Invoices the client sold the factor under Confirma-style numbers right after Confirma's last
 * one, but never sent through Confirma: copies of a few factored invoices with new numbers.
 */
export function factorOnlyInvoices(
  random: Random,
  built: readonly FactorCloudInvoice[],
  nextNumber: number,
  count: number,
): FactorCloudInvoice[] {
  if (built.length === 0) return [];
  return Array.from({ length: count }, (_, k) => ({
    ...random.pick(built),
    InvoiceNumber: String(nextNumber + k),
  }));
}

function paidToFactor(invoice: FactorCloudInvoice, today: IsoDate): FactorCloudInvoice {
  const fundedOn = invoice.InvoiceFundDate ?? minDate(addDays(invoice.InvoiceDate, 1), today);
  const span = daysBetween(fundedOn, today);
  const paidOn = addDays(fundedOn, Math.max(0, Math.min(span, 10)));
  return {
    ...invoice,
    InvoiceStatus: 'F',
    InvoicePurchaseDate: invoice.InvoicePurchaseDate ?? fundedOn,
    InvoiceFundDate: fundedOn,
    EscrowReserveAmount: '0.00',
    PaymentMade: 'Y',
    LastPaymentMadeOn: paidOn,
    PaidInFull: true,
    PaidInFullOn: paidOn,
  };
}

/** Still funded and unpaid as far as the factor knows: the escrow is still held back. */
function neverTold(invoice: FactorCloudInvoice, escrowPercent: number): FactorCloudInvoice {
  return {
    ...invoice,
    EscrowReserveAmount: centsToAmount(percentOf(amountToCents(invoice.InvoiceAmount), escrowPercent)),
    PaymentMade: 'N',
    LastPaymentMadeOn: null,
    PaidInFull: false,
    PaidInFullOn: null,
  };
}

/** A tenth short: the amount as keyed with its last digit before the point dropped, roughly. */
function shortKeyed(invoice: FactorCloudInvoice): FactorCloudInvoice {
  const cents = amountToCents(invoice.InvoiceAmount);
  return { ...invoice, InvoiceAmount: centsToAmount(cents - Math.max(100, percentOf(cents, 10))) };
}
