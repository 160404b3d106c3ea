import { INVOICE_FILE_BASE_URL } from '../dataset/confirmaDistribution.js';
import { centsToAmount } from '../dataset/money.js';
import { rfReference } from '../dataset/paymentReference.js';
import type { ConfirmaInvoice, PaymentControl } from '../dataset/types.js';
import type { JsonReply } from '../http.js';
import { salesInvoiceRequestSchema, type SalesInvoiceRequest } from './invoiceSchema.js';
import { badRequest, parseRequest } from './requests.js';
import { timestampAt, type ConfirmaCall } from './state.js';

/**
 * POST /invoice (confirma.md §4.4, §5). Docs show no response; the simulator answers
 * 201 Created `{ "invoiceNumber": <integer>, "status": "RECEIVED" }`: the invoice is stored and
 * queued, not yet distributed (distribution and payment control follow, see invoiceProcessing.ts).
 * A number that already exists (generated or created) is refused with 409 Conflict and nothing
 * is stored; docs name the invoice number as the natural de-duplication key (§3.3).
 */
export function createInvoice(call: ConfirmaCall): JsonReply {
  const parsed = parseRequest(salesInvoiceRequestSchema, call.body);
  if (!parsed.ok) return parsed.reply;
  const request = parsed.value;
  const problem = crossFieldProblem(request);
  if (problem) return badRequest(problem);
  const { state } = call;
  const { header } = request.invoice;
  if (state.dataset.confirmaInvoices.has(header.number)) {
    return { status: 409, body: { message: `Invoice number ${header.number} already exists` } };
  }

  const nowMs = state.now();
  const createdAt = timestampAt(state, nowMs);
  const paymentControl = request.processing?.paymentControlEnabled === true;
  const distributionEnabled = request.distribution.enabled !== false;
  const manualApproval = request.processing?.manualApprovalEnabled === true;
  const invoice: ConfirmaInvoice = {
    invoiceNumber: header.number,
    invoiceDate: header.date,
    dueDate: header.dueDate,
    amount: centsToAmount(totalCentsOf(request) ?? 0),
    paymentReference: request.invoice.references?.payment ?? rfReference(header.number),
    distribution: {
      invoiceNumber: header.number,
      distributionStatus: 'PENDING',
      distributionMethod: request.distribution.method ?? null,
      distributionMessage: initialMessage(distributionEnabled, manualApproval),
      dates: { createdAt, printedAt: null, distributedAt: null, paymentControlActivatedAt: null },
      file: { url: `${INVOICE_FILE_BASE_URL}/${header.number}.pdf` },
      paymentControl: initialPaymentControl(paymentControl),
      errors: [],
    },
  };
  state.dataset.confirmaInvoices.set(header.number, invoice);
  state.createdInvoices.set(header.number, {
    invoiceNumber: header.number,
    dueAtMs: nowMs + state.processingDelayMs,
    // Docs are silent on approval; the simulator has no approval endpoint, so an invoice held
    // for manual approval stays PENDING with no case for as long as the simulator runs.
    processed: manualApproval,
    distributionEnabled,
    manualApproval,
    paymentControl,
    currency: header.currencyCode,
    buyerName: request.invoice.parties.buyerParty.name,
  });
  return { status: 201, body: { invoiceNumber: header.number, status: 'RECEIVED' } };
}

function initialMessage(distributionEnabled: boolean, manualApproval: boolean): string | null {
  if (manualApproval) return 'Waiting for manual approval';
  // Docs: `enabled: false` presumably means the creditor delivers the invoice (§5.1). The
  // record stays PENDING with this message and never gets printedAt/distributedAt.
  if (!distributionEnabled) return 'Distribution disabled: the creditor delivers the invoice';
  return null;
}

/** Same shape as generated records: PENDING until a case opens, all-null when disabled. */
function initialPaymentControl(enabled: boolean): PaymentControl {
  return enabled
    ? { enabled: true, agency: 'CASH-IN', status: 'PENDING', caseId: null }
    : { enabled: false, agency: null, status: null, caseId: null };
}

/** The invoice total in cents: `amounts.totalAmount`, else the sum of the rows, else `null`. */
function totalCentsOf(request: SalesInvoiceRequest): number | null {
  const { amounts, rows } = request.invoice;
  if (amounts) return amounts.totalAmount;
  if (rows && rows.length > 0) return rows.reduce((sum, row) => sum + row.totalAmount, 0);
  return null;
}

/**
 * Rules across fields. Docs: "each invoice is validated before delivery" (§6.1) without the
 * rules; the simulator checks that the chosen channel has somewhere to deliver to, that rows and
 * amounts agree, and that payment control has a positive amount to collect.
 */
function crossFieldProblem(request: SalesInvoiceRequest): string | undefined {
  const { distribution, invoice } = request;
  const { buyerParty: buyer, invoiceRecipientParty: recipient } = invoice.parties;
  if (distribution.enabled !== false) {
    switch (distribution.method) {
      case undefined:
      case null:
        return 'distribution.method is required unless distribution.enabled is false';
      case 'EMAIL':
        if (!(recipient?.email ?? buyer.contact?.email ?? buyer.contact?.contactPerson?.email)) {
          return 'invoice.parties.buyerParty.contact.email (or invoiceRecipientParty.email) is required for EMAIL distribution';
        }
        break;
      case 'EINVOICE':
        if (!(recipient?.electronicInvoiceAccount ?? buyer.electronicInvoiceAccount)) {
          return 'invoice.parties.buyerParty.electronicInvoiceAccount (or invoiceRecipientParty.electronicInvoiceAccount) is required for EINVOICE distribution';
        }
        break;
      case 'LETTER': {
        const address = recipient?.address?.street ? recipient.address : buyer.address;
        if (!address?.street || !address.postalCode || !address.postalDistrict) {
          return 'invoice.parties.buyerParty.address needs street, postalCode and postalDistrict for LETTER distribution';
        }
        break;
      }
    }
  }
  const { amounts, rows } = invoice;
  if (amounts && rows && rows.length > 0) {
    const rowsTotal = rows.reduce((sum, row) => sum + row.totalAmount, 0);
    if (rowsTotal !== amounts.totalAmount) {
      return `invoice.amounts.totalAmount must equal the sum of invoice.rows[].totalAmount (${centsToAmount(rowsTotal)})`;
    }
  }
  const total = totalCentsOf(request);
  if (request.processing?.paymentControlEnabled === true && (total === null || total <= 0)) {
    return 'invoice.amounts.totalAmount (or invoice.rows) must give a positive total when processing.paymentControlEnabled is true';
  }
  return undefined;
}
