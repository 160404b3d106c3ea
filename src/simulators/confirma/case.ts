import type { ConfirmaCase } from '../dataset/types.js';
import { RawJsonNumber, type JsonReply, type JsonValue } from '../http.js';
import { actionJson } from './actions.js';
import { caseDueDate, type ConfirmaCall, type ConfirmaState } from './state.js';

/**
 * GET /api/v1/partner/invoice/case (confirma.md §4.6). Docs do not show the query parameter; the
 * simulator chooses `caseId`, because the distribution page says the saved case id is what
 * retrieves case details. Docs are silent on errors: a missing or non-integer id is 400 and an
 * unknown one is 404, following the sibling Cash-In status table (confirma.md §3.2).
 */
export function caseReply(call: ConfirmaCall): JsonReply {
  const raw = call.query.get('caseId')?.trim();
  if (!raw) return { status: 400, body: { message: 'caseId is required' } };
  if (!/^\d{1,15}$/.test(raw)) return { status: 400, body: { message: 'caseId must be an integer' } };
  const found = call.state.dataset.confirmaCases.get(Number(raw));
  if (!found) return { status: 404, body: { message: 'Case not found' } };
  return { status: 200, body: { case: caseJson(call.state, found) } };
}

/**
 * Amounts go out as number literals with two decimals (`1240.50`), as Confirma writes money.
 * Docs show only the summary and the start of the balance; beyond them the simulator adds
 * `summary.dueDate` (the case due date DUEDATE moves; the invoice's until then), a `currency`
 * on each payment (the case currency), `events`, and the creditor's `actions` with their status
 * (PENDING, APPLIED or REJECTED), oldest first.
 */
export function caseJson(state: ConfirmaState, found: ConfirmaCase): JsonValue {
  const money = (amount: string): RawJsonNumber => new RawJsonNumber(amount);
  const { balance, summary } = found;
  return {
    summary: { ...summary, dueDate: caseDueDate(state, summary.caseId) },
    balance: {
      capitalAmount: money(balance.capitalAmount),
      interestAmount: money(balance.interestAmount),
      costsAmount: money(balance.costsAmount),
      totalAmount: money(balance.totalAmount),
    },
    payments: found.payments.map((payment) => ({
      paymentDate: payment.paymentDate,
      amount: money(payment.amount),
      currency: summary.currency,
      reference: payment.reference,
    })),
    events: found.events.map((event) => ({ ...event })),
    actions: state.actions.filter((action) => action.caseId === summary.caseId).map(actionJson),
  };
}
