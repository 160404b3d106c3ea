import { amountToCents } from '../dataset/money.js';
import type {
  FactorCloudPaymentBatch,
  FactorCloudPaymentDetail,
  FactorCloudReplyStyle,
  SimulatorDataset,
} from '../dataset/types.js';
import type { JsonValue } from '../http.js';
import type { Call } from './context.js';
import { FieldReader } from './fields.js';
import { readPaymentBatch, type PaymentDetailInput } from './paymentInput.js';
import { badRequest, conflict, readBodyObject } from './replies.js';
import { styledValue, type JsonObject } from './replyStyle.js';
import { scheduleInvoiceJson } from './shapes.js';

/**
 * post-payments (factorcloud.md §5.18): records a batch of received payments and applies each to
 * an invoice. Docs are silent on matching, status codes and the reply; the simulator's choices:
 * - duplicate `BatchReference` → 409: it is the caller's label for the batch, and posting the same
 *   money twice is the mistake a payments API must stop;
 * - a payment matches an invoice whose `InvoiceNumber` equals `InvoiceRefNumber`, else `MemoLine`
 *   (trimmed, exact). Only funded (`F`) invoices match: the factor owns only those receivables. A
 *   `ClientCode` narrows the search to the client with that CompCode or ClientKey. No match, or
 *   more than one, leaves the payment unapplied (still recorded, not an error);
 * - applying adds to the invoice's paid total (seeded invoices count as fully paid when
 *   `PaidInFull`, else as unpaid), sets `PaymentMade` `Y` and `LastPaymentMadeOn`; once the total
 *   reaches `InvoiceAmount` the invoice is `PaidInFull` on that date and its escrow is released
 *   (`EscrowReserveAmount` 0.00, §4.1). Overpayment is recorded and changes nothing more;
 * - reply 201 (like test-post's create) with the in-system batch: the fields as stored (dates as
 *   `YYYY-MM-DD`, `FinancialDocs` as its length) plus, per item, `MatchedInvoice`
 *   (simulator-defined): the invoice as get-sched shows it once the batch is applied, or null
 *   (null in both reply styles).
 */
const postPayments: Call = {
  methods: ['POST'],
  handle({ dataset, behaviour, request, body }) {
    const reader = readBodyObject(request, body);
    if (!(reader instanceof FieldReader)) return reader;
    const input = readPaymentBatch(reader, { today: dataset.today, strictTotal: behaviour.strictBatchTotal });
    if (!input) return badRequest(reader.problems);
    const batches = dataset.factorCloud.paymentBatches;
    if (batches.has(input.BatchReference)) {
      return conflict('BatchReference', `batch "${input.BatchReference}" was already posted`);
    }
    const batch: FactorCloudPaymentBatch = {
      ...input,
      PaymentDetails: input.PaymentDetails.map((detail) => applyPayment(dataset, detail)),
    };
    batches.set(batch.BatchReference, batch);
    return { status: 201, body: batchJson(dataset, batch, behaviour.newRecordReplyStyle) };
  },
};

function applyPayment(dataset: SimulatorDataset, detail: PaymentDetailInput): FactorCloudPaymentDetail {
  const id = matchInvoice(dataset, detail);
  const entry = id === undefined ? undefined : dataset.factorCloudInvoices.get(id);
  if (id === undefined || !entry) return { ...detail, matchedInvoiceId: null };
  const invoice = entry.invoice;
  const applied = dataset.factorCloud.appliedPaymentCents;
  const amountCents = amountToCents(invoice.InvoiceAmount);
  const paid = (applied.get(id) ?? (invoice.PaidInFull ? amountCents : 0)) + amountToCents(detail.Amount);
  applied.set(id, paid);
  invoice.PaymentMade = 'Y';
  if (invoice.LastPaymentMadeOn === null || detail.PaymentDate > invoice.LastPaymentMadeOn) {
    invoice.LastPaymentMadeOn = detail.PaymentDate;
  }
  if (!invoice.PaidInFull && paid >= amountCents) {
    invoice.PaidInFull = true;
    invoice.PaidInFullOn = invoice.LastPaymentMadeOn;
    invoice.EscrowReserveAmount = '0.00';
  }
  return { ...detail, matchedInvoiceId: id };
}

function matchInvoice(dataset: SimulatorDataset, detail: PaymentDetailInput): string | undefined {
  const code = detail.ClientCode?.toLowerCase();
  const clientKeys =
    code === undefined
      ? undefined
      : new Set(
          [...dataset.factorCloudClients.values()]
            .filter(
              ({ client }) =>
                client.CompCode.toLowerCase() === code || client.ClientKey.toLowerCase() === code,
            )
            .map(({ client }) => client.ClientKey),
        );
  for (const reference of [detail.InvoiceRefNumber, detail.MemoLine]) {
    if (reference === null) continue;
    const found = [...dataset.factorCloudInvoices.values()].filter(
      ({ invoice }) =>
        invoice.InvoiceNumber === reference &&
        invoice.InvoiceStatus === 'F' &&
        (clientKeys === undefined || clientKeys.has(invoice.ClientKey)),
    );
    const only = found.length === 1 ? found[0] : undefined;
    if (only) return only.invoiceIntegrationId;
  }
  return undefined;
}

/** The reply, with the docs' types: `BatchTotal` is a Float, a detail's `Amount` a String (§5.18). */
function batchJson(
  dataset: SimulatorDataset,
  batch: FactorCloudPaymentBatch,
  style: FactorCloudReplyStyle,
): JsonObject {
  const text = (value: string | null): JsonValue => styledValue(value, 'text', style);
  return {
    BatchReference: text(batch.BatchReference),
    BatchTotal: styledValue(batch.BatchTotal, 'amount', style),
    AccountNumber: text(batch.AccountNumber),
    PaymentDetails: batch.PaymentDetails.map((detail) => {
      const matched =
        detail.matchedInvoiceId === null
          ? undefined
          : dataset.factorCloudInvoices.get(detail.matchedInvoiceId);
      return {
        PaymentDate: styledValue(detail.PaymentDate, 'date', style),
        BankBatchItem: text(detail.BankBatchItem),
        PaymentType: text(detail.PaymentType),
        Amount: text(detail.Amount),
        BankRefNumber: text(detail.BankRefNumber),
        AccountNumber: text(detail.AccountNumber),
        TransactionNumber: text(detail.TransactionNumber),
        RemitterName: text(detail.RemitterName),
        MemoLine: text(detail.MemoLine),
        InvoiceRefNumber: text(detail.InvoiceRefNumber),
        ClientCode: text(detail.ClientCode),
        FinancialDocs: styledValue(detail.FinancialDocsLength, 'integer', style),
        MatchedInvoice: matched
          ? scheduleInvoiceJson(matched.invoiceIntegrationId, matched.invoice, style)
          : null,
      };
    }),
  };
}

export const PAYMENT_CALLS: ReadonlyMap<string, Call> = new Map([['post-payments', postPayments]]);
