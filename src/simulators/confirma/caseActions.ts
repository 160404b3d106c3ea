import { dateOf, daysBetween } from '../dataset/calendar.js';
import { amountToCents, centsToAmount } from '../dataset/money.js';
import type { CaseEventType, CasePayment, CaseStatus, ConfirmaCase } from '../dataset/types.js';
import {
  invoiceOfCase,
  timestampAt,
  type CaseAction,
  type ConfirmaState,
  type Outstanding,
} from './state.js';

/**
 * What each queued action does to its case when it is applied (see processing.ts for when).
 * Docs name the actions (§4.5, §6.2) but not their effects on the case; the simulator chooses:
 * - COMMENT: an event carrying the comment; allowed on closed cases too.
 * - WITHDRAW: the case closes today (`closedAt`), the balance stays as it was (the receivable
 *   goes back to the creditor; it is not paid).
 * - DUEDATE: `summary.dueDate` moves to `data.dueDate`.
 * - PAYMENTPLAN: an event only; the agency proposes the plan to the debtor.
 * - OBJECTION: a debtor dispute halts collection, so the case is PAUSED as with PAUSE.
 * - PAUSE: status PAUSED.
 * - DIRECTPAYMENT: a payment on the case and in GET /payments (not in settlements: the creditor
 *   already has that money). The balance becomes the `outstanding*Amount` values when sent,
 *   trusted as the creditor's figures; otherwise the amount settles costs, then interest, then
 *   capital, like agency payments. A balance of zero closes the case as paid in full.
 * An action whose case closed while it waited is REJECTED with a `statusMessage` (COMMENT aside).
 * Each applied action also writes an event dated today.
 */
export function applyAction(state: ConfirmaState, action: CaseAction): void {
  action.appliedAt = timestampAt(state, action.dueAtMs);
  const found = state.dataset.confirmaCases.get(action.caseId);
  if (!found || (found.summary.status === 'CLOSED' && action.code !== 'COMMENT')) {
    action.status = 'REJECTED';
    action.statusMessage = found ? 'Case is closed' : 'Case not found';
    return;
  }
  const comment = action.comment ? `: ${action.comment}` : '';
  switch (action.code) {
    case 'COMMENT':
      addEvent(state, found, 'COMMENT_ADDED', `Comment from the creditor${comment}`);
      break;
    case 'WITHDRAW':
      closeCase(state, found, 'CASE_WITHDRAWN', `Case withdrawn by the creditor${comment}`);
      break;
    case 'DUEDATE':
      if (action.dueDate) state.caseDueDates.set(action.caseId, action.dueDate);
      addEvent(state, found, 'DUE_DATE_CHANGED', `Case due date moved to ${action.dueDate ?? ''}`);
      break;
    case 'PAYMENTPLAN':
      addEvent(state, found, 'PAYMENT_PLAN_ALLOWED', `Creditor allowed a payment plan${comment}`);
      break;
    case 'OBJECTION':
      setStatus(state, found, 'PAUSED');
      addEvent(state, found, 'OBJECTION_RECEIVED', `Debtor objection recorded, proceedings paused${comment}`);
      break;
    case 'PAUSE':
      setStatus(state, found, 'PAUSED');
      addEvent(state, found, 'CASE_PAUSED', `Proceedings paused at the creditor's request${comment}`);
      break;
    case 'DIRECTPAYMENT':
      applyDirectPayment(state, found, action);
      break;
    default:
      return unreachable(action.code);
  }
  action.status = 'APPLIED';
}

function applyDirectPayment(state: ConfirmaState, found: ConfirmaCase, action: CaseAction): void {
  const direct = action.directPayment;
  if (!direct) return;
  const { balance } = found;
  let owed: Outstanding = direct.outstanding ?? {
    capitalCents: amountToCents(balance.capitalAmount),
    interestCents: amountToCents(balance.interestAmount),
    costsCents: amountToCents(balance.costsAmount),
  };
  if (!direct.outstanding) owed = settle(owed, direct.amountCents);
  found.balance = {
    capitalAmount: centsToAmount(owed.capitalCents),
    interestAmount: centsToAmount(owed.interestCents),
    costsAmount: centsToAmount(owed.costsCents),
    totalAmount: centsToAmount(owed.capitalCents + owed.interestCents + owed.costsCents),
  };
  const invoice = invoiceOfCase(state, action.caseId);
  const payment: CasePayment = {
    paymentDate: direct.paymentDate,
    amount: centsToAmount(direct.amountCents),
    reference: direct.reference ?? invoice?.paymentReference ?? '',
  };
  found.payments.push(payment);
  state.directPayments.set(payment, {
    bookingDate: state.today,
    currency: direct.currency,
    paymentMethod: direct.paymentMethod,
  });
  const method = direct.paymentMethod ? ` via ${direct.paymentMethod}` : '';
  const description = `Direct payment of ${payment.amount} ${direct.currency} on ${direct.paymentDate}${method} reported by the creditor`;
  addEvent(state, found, 'PAYMENT_RECEIVED', description);
  if (found.balance.totalAmount === '0.00')
    closeCase(state, found, 'CASE_CLOSED', 'Case closed: paid in full');
}

/** Costs first, then interest, then capital; an overpayment leaves everything at zero. */
function settle(owed: Outstanding, cents: number): Outstanding {
  const next = { ...owed };
  let left = cents;
  for (const key of ['costsCents', 'interestCents', 'capitalCents'] as const) {
    const settled = Math.min(left, next[key]);
    next[key] -= settled;
    left -= settled;
  }
  return next;
}

function closeCase(
  state: ConfirmaState,
  found: ConfirmaCase,
  type: CaseEventType,
  description: string,
): void {
  setStatus(state, found, 'CLOSED');
  found.summary.closedAt = state.today;
  found.summary.activeDays = Math.max(0, daysBetween(dateOf(found.summary.createdAt), state.today));
  addEvent(state, found, type, description);
}

/** The distribution record's paymentControl.status mirrors the case status, as in generated data. */
function setStatus(state: ConfirmaState, found: ConfirmaCase, status: CaseStatus): void {
  found.summary.status = status;
  const invoice = invoiceOfCase(state, found.summary.caseId);
  if (invoice) invoice.distribution.paymentControl.status = status;
}

function addEvent(state: ConfirmaState, found: ConfirmaCase, type: CaseEventType, description: string): void {
  found.events.push({ date: state.today, type, description });
}

function unreachable(value: never): never {
  throw new Error(`unhandled action code: ${String(value)}`);
}
