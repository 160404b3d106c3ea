import { dateOf } from '../dataset/calendar.js';
import type { ConfirmaCase, ConfirmaInvoice } from '../dataset/types.js';
import { syncAccountingPayment, syncLedger } from './accountingSync.js';
import { applyAction } from './caseActions.js';
import { timestampAt, type ConfirmaState, type CreatedInvoice } from './state.js';

/**
 * Queued work: distribution of created invoices, invoice actions and accounting sync. Docs say
 * actions "are processed asynchronously" and sync status moves from Pending (§4.5, §4.13) but
 * give no timing. The simulator applies each item once `processingDelayMs` has passed since it
 * was accepted, checked at the start of every authenticated request, so the outcome depends only
 * on the clock and the order of requests, never on timers. With a delay of 0 an item is still
 * pending in the reply that accepted it and applied by the next request.
 */
export function processDueWork(state: ConfirmaState): void {
  const now = state.now();
  for (const created of state.createdInvoices.values()) {
    if (!created.processed && created.dueAtMs <= now) processCreatedInvoice(state, created);
  }
  for (const action of state.actions) {
    if (action.status === 'PENDING' && action.dueAtMs <= now) applyAction(state, action);
  }
  for (const ledger of state.ledgers.values()) {
    if (ledger.sync.status === 0 && ledger.sync.dueAtMs <= now) syncLedger(state, ledger);
  }
  for (const payment of state.accountingPayments.values()) {
    if (payment.sync.status === 0 && payment.sync.dueAtMs <= now) syncAccountingPayment(state, payment);
  }
}

/**
 * Distributes a created invoice and opens its case. Docs are silent on delivery outcomes for the
 * simulator's purposes; e-mail and e-invoice are DELIVERED, letters DISTRIBUTED (the post sends
 * no receipt, as with generated data). Payment control then opens a case at the same moment:
 * ACTIVE, stage INVOICE, agency CASH-IN, the invoice total as capital. Created cases do not
 * escalate afterwards: the simulated "today" never moves.
 */
function processCreatedInvoice(state: ConfirmaState, created: CreatedInvoice): void {
  created.processed = true;
  const invoice = state.dataset.confirmaInvoices.get(created.invoiceNumber);
  if (!invoice) return;
  const at = timestampAt(state, created.dueAtMs);
  const record = invoice.distribution;
  if (created.distributionEnabled) {
    record.dates.printedAt = at;
    record.dates.distributedAt = at;
    record.distributionStatus = record.distributionMethod === 'LETTER' ? 'DISTRIBUTED' : 'DELIVERED';
  }
  if (created.paymentControl) openCase(state, invoice, created, at);
}

function openCase(state: ConfirmaState, invoice: ConfirmaInvoice, created: CreatedInvoice, at: string): void {
  const caseId = state.ids.nextCaseId++;
  const opened: ConfirmaCase = {
    summary: {
      caseId,
      status: 'ACTIVE',
      stage: 'INVOICE',
      createdAt: at,
      closedAt: null,
      activeDays: 0,
      creditor: state.dataset.creditor,
      currency: created.currency,
      agency: 'CASH-IN',
    },
    balance: {
      capitalAmount: invoice.amount,
      interestAmount: '0.00',
      costsAmount: '0.00',
      totalAmount: invoice.amount,
    },
    payments: [],
    events: [{ date: dateOf(at), type: 'CASE_OPENED', description: 'Payment control activated by CASH-IN' }],
  };
  state.dataset.confirmaCases.set(caseId, opened);
  invoice.distribution.paymentControl = { enabled: true, agency: 'CASH-IN', status: 'ACTIVE', caseId };
  invoice.distribution.dates.paymentControlActivatedAt = at;
}
