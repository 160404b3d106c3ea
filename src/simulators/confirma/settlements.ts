import type { ConfirmaSettlement } from '../dataset/confirmaSettlements.js';
import { centsToAmount } from '../dataset/money.js';
import { RawJsonNumber, type JsonReply, type JsonValue } from '../http.js';
import { badRequest, queryFlag } from './requests.js';
import { timestampAt, type ConfirmaCall } from './state.js';
import { inWindow, parseDateWindow } from './window.js';

/**
 * GET /settlements?fromDate=&toDate=&unfetchedOnly= (confirma.md §4.10). Settlements are the
 * generated payments batched twice a week (dataset/confirmaSettlements.ts), filtered on
 * `settlementDate` within the window (window.ts; the documented 30-day default applies with
 * `unfetchedOnly` too). `unfetchedOnly` is `true` or `false` (any case; anything else is 400).
 *
 * `apiFetchDate` is set the first time a settlement is returned; the reply that first returns
 * it still shows `null` (the docs' example is such a first fetch), later replies show the
 * moment. Docs say "not fetched by this integration"; every key serves the same creditor here,
 * so fetch marks are shared by all keys.
 *
 * `settlementId` is written as a bare JSON integer of 12 digits (`YYYYMMDDNNNN`), never quoted.
 * Amounts are two-decimal number literals; `settlementAmount` is exactly the sum of the
 * allocations and each `allocatedTotalAmount` exactly the sum of its CAPITAL/INTEREST/FEES.
 */
export function settlementsReply(call: ConfirmaCall): JsonReply {
  const { state } = call;
  const window = parseDateWindow(call.query, state.today);
  if (typeof window === 'string') return badRequest(window);
  const unfetchedOnly = queryFlag(call.query, 'unfetchedOnly');
  if (unfetchedOnly === undefined) return badRequest('unfetchedOnly must be true or false');
  const matches = state.settlements.filter(
    (settlement) =>
      inWindow(window, settlement.settlementDate) && (!unfetchedOnly || settlement.apiFetchDate === null),
  );
  const fetchedAt = timestampAt(state, state.now());
  const body: JsonValue = { createdAt: fetchedAt, settlements: matches.map(settlementJson) };
  for (const settlement of matches) settlement.apiFetchDate ??= fetchedAt;
  return { status: 200, body };
}

function settlementJson(settlement: ConfirmaSettlement): JsonValue {
  const money = (cents: number): RawJsonNumber => new RawJsonNumber(centsToAmount(cents));
  return {
    settlementId: new RawJsonNumber(settlement.settlementId),
    settlementDate: settlement.settlementDate,
    agency: settlement.agency,
    remittanceReference: settlement.remittanceReference,
    beneficiary: settlement.beneficiary ? { ...settlement.beneficiary } : null,
    settlementAmount: money(settlement.totalCents),
    currency: settlement.currency,
    apiFetchDate: settlement.apiFetchDate,
    allocations: settlement.allocations.map((allocation) => ({
      allocationId: allocation.allocationId,
      allocatedTotalAmount: money(allocation.totalCents),
      allocationDate: allocation.allocationDate,
      currency: allocation.currency,
      caseId: allocation.caseId,
      originalInvoiceNumber: allocation.originalInvoiceNumber,
      originalPaymentReference: allocation.originalPaymentReference,
      breakdown: [
        { type: 'CAPITAL', amount: money(allocation.capitalCents) },
        { type: 'INTEREST', amount: money(allocation.interestCents) },
        { type: 'FEES', amount: money(allocation.feesCents) },
      ],
    })),
  };
}
