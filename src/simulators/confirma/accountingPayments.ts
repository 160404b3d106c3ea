import { z } from 'zod';
import type { JsonReply } from '../http.js';
import { PENDING_SYNC } from './accountingSync.js';
import { currencyCode, isoDate, money, optionalText, parseRequest, text } from './requests.js';
import type { ConfirmaCall } from './state.js';

/**
 * Payment sync (confirma.md §4.14–4.15). `invoiceNumber` is a string of digits as in the docs'
 * examples; `targetIdentifier` is `invoicenumber` or `paymentreference` (any case), and the
 * latter needs `paymentReference`. Docs show only the start of each item; further fields (the
 * allocation breakdown) are accepted and ignored.
 */
const paymentSchema = z
  .object({
    paymentIdentifier: text.max(100, 'must be at most 100 characters'),
    invoiceNumber: z.string().regex(/^\d{1,15}$/, 'must be an invoice number written as a string of digits'),
    paymentDate: isoDate,
    bookingDate: isoDate.nullish(),
    amount: money,
    currency: currencyCode,
    targetIdentifier: z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(['invoicenumber', 'paymentreference'])),
    paymentReference: optionalText,
    sourceName: optionalText,
  })
  .superRefine((payment, ctx) => {
    if (payment.targetIdentifier === 'paymentreference' && !payment.paymentReference?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['paymentReference'],
        message: 'is required when targetIdentifier is paymentreference',
      });
    }
  });

const submitPaymentsSchema = z.object({
  payments: z
    .array(paymentSchema)
    .min(1, 'must hold at least one payment')
    .max(500, 'must hold at most 500 payments'),
});

/**
 * POST /accounting/payment. Docs show no response; the simulator answers 202 Accepted with
 * `{ "payments": [ { "paymentIdentifier": "...", "status": 0, "description": "Pending" } ] }`.
 * A paymentIdentifier already submitted, or sent twice in one request, is refused with 409
 * Conflict and none of the batch is stored.
 */
export function submitAccountingPayments(call: ConfirmaCall): JsonReply {
  const parsed = parseRequest(submitPaymentsSchema, call.body);
  if (!parsed.ok) return parsed.reply;
  const { state } = call;
  const seen = new Set<string>();
  for (const payment of parsed.value.payments) {
    const id = payment.paymentIdentifier;
    if (seen.has(id) || state.accountingPayments.has(id)) {
      return { status: 409, body: { message: `Payment ${id} has already been submitted` } };
    }
    seen.add(id);
  }
  const dueAtMs = state.now() + state.processingDelayMs;
  for (const payment of parsed.value.payments) {
    state.accountingPayments.set(payment.paymentIdentifier, {
      paymentIdentifier: payment.paymentIdentifier,
      invoiceNumber: payment.invoiceNumber,
      paymentDate: payment.paymentDate,
      targetIdentifier: payment.targetIdentifier,
      paymentReference: payment.paymentReference ?? null,
      sync: { ...PENDING_SYNC, dueAtMs },
    });
  }
  return {
    status: 202,
    body: {
      payments: parsed.value.payments.map((payment) => ({
        paymentIdentifier: payment.paymentIdentifier,
        status: PENDING_SYNC.status,
        description: PENDING_SYNC.description,
      })),
    },
  };
}

/**
 * GET /accounting/payment: 200 `{ "payments": [...] }` in submission order. Optional filters
 * `invoiceNumber` and `sourceIdentifier` (the submitted `paymentIdentifier`); docs do not show
 * the query parameters. Nothing matching → 204 with no body: the docs list a 204 only for the
 * ledger status, whose page this one mirrors, and a client handles one convention for both.
 */
export function paymentStatusReply(call: ConfirmaCall): JsonReply {
  const read = (name: string): string | null => call.query.get(name)?.trim() || null;
  const invoiceNumber = read('invoiceNumber');
  const sourceIdentifier = read('sourceIdentifier');
  const payments = [...call.state.accountingPayments.values()].filter(
    (payment) =>
      (invoiceNumber === null || payment.invoiceNumber === invoiceNumber) &&
      (sourceIdentifier === null || payment.paymentIdentifier === sourceIdentifier),
  );
  if (payments.length === 0) return { status: 204, body: null };
  return {
    status: 200,
    body: {
      payments: payments.map((payment) => ({
        sourceIdentifier: payment.paymentIdentifier,
        invoiceNumber: payment.invoiceNumber,
        paymentDate: payment.paymentDate,
        syncDate: payment.sync.syncDate,
        status: payment.sync.status,
        description: payment.sync.description,
      })),
    },
  };
}
