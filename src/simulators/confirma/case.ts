import type { ConfirmaCase, SimulatorDataset } from '../dataset/types.js';
import { RawJsonNumber, type JsonReply, type JsonValue } from '../http.js';

/**
 * GET /api/v1/partner/invoice/case (confirma.md §4.6). Docs do not show the query parameter; the
 * simulator chooses `caseId`, because the distribution page says the saved case id is what
 * retrieves case details. Docs are silent on errors: a missing or non-integer id is 400 and an
 * unknown one is 404, following the sibling Cash-In status table (confirma.md §3.2).
 */
export function caseReply(dataset: SimulatorDataset, query: URLSearchParams): JsonReply {
  const raw = query.get('caseId')?.trim();
  if (!raw) return { status: 400, body: { message: 'caseId is required' } };
  if (!/^\d{1,15}$/.test(raw)) return { status: 400, body: { message: 'caseId must be an integer' } };
  const found = dataset.confirmaCases.get(Number(raw));
  if (!found) return { status: 404, body: { message: 'Case not found' } };
  return { status: 200, body: { case: caseJson(found) } };
}

/** Amounts go out as number literals with two decimals (`1240.50`), as Confirma writes money. */
export function caseJson(found: ConfirmaCase): JsonValue {
  const money = (amount: string): RawJsonNumber => new RawJsonNumber(amount);
  const { balance } = found;
  return {
    summary: { ...found.summary },
    balance: {
      capitalAmount: money(balance.capitalAmount),
      interestAmount: money(balance.interestAmount),
      costsAmount: money(balance.costsAmount),
      totalAmount: money(balance.totalAmount),
    },
    payments: found.payments.map((payment) => ({
      paymentDate: payment.paymentDate,
      amount: money(payment.amount),
      reference: payment.reference,
    })),
    events: found.events.map((event) => ({ ...event })),
  };
}
