import { payerNameFor } from '../dataset/confirmaPayers.js';
import { RawJsonNumber, type JsonReply, type JsonValue } from '../http.js';
import { badRequest } from './requests.js';
import type { ConfirmaCall } from './state.js';
import { inWindow, parseDateWindow } from './window.js';

/**
 * GET /payments?fromDate=&toDate= (confirma.md §4.9): a bare JSON array, one item per payment on
 * a case, filtered on `paymentDate` within the window (see window.ts), oldest first. Payments
 * recorded by DIRECTPAYMENT actions are included. Field choices where the docs stop:
 * - `invoiceNumber` is a string, as in the docs' example (it is an integer elsewhere);
 * - `invoicePaymentReference` is the reference printed on the invoice;
 * - `originalPaymentReference` is the one the payer quoted: the invoice's own for generated
 *   payments, `data.reference` for direct ones;
 * - `accountName` is the payer: the buyer of a created invoice, a generated name otherwise;
 * - `bookingDate` equals `paymentDate` for agency payments and is the day a direct payment was
 *   applied; both are date-times at midnight UTC (`2026-03-27T00:00:00Z`) like the example;
 * - `amount` is a number with two decimals, `currency` the case currency.
 */
export function paymentsReply(call: ConfirmaCall): JsonReply {
  const { state } = call;
  const window = parseDateWindow(call.query, state.today);
  if (typeof window === 'string') return badRequest(window);
  const rows: { date: string; caseId: number; json: JsonValue }[] = [];
  for (const invoice of state.dataset.confirmaInvoices.values()) {
    const caseId = invoice.distribution.paymentControl.caseId;
    const found = caseId === null ? undefined : state.dataset.confirmaCases.get(caseId);
    if (caseId === null || !found) continue;
    const accountName =
      state.createdInvoices.get(invoice.invoiceNumber)?.buyerName ??
      payerNameFor(state.dataset.seed, invoice.invoiceNumber);
    for (const payment of found.payments) {
      if (!inWindow(window, payment.paymentDate)) continue;
      const direct = state.directPayments.get(payment);
      rows.push({
        date: payment.paymentDate,
        caseId,
        json: {
          caseId,
          invoiceNumber: String(invoice.invoiceNumber),
          invoicePaymentReference: invoice.paymentReference,
          originalPaymentReference: payment.reference,
          accountName,
          bookingDate: midnight(direct?.bookingDate ?? payment.paymentDate),
          paymentDate: midnight(payment.paymentDate),
          amount: new RawJsonNumber(payment.amount),
          currency: direct?.currency ?? found.summary.currency,
        },
      });
    }
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.caseId - b.caseId);
  return { status: 200, body: rows.map((row) => row.json) };
}

function midnight(date: string): string {
  return `${date}T00:00:00Z`;
}
