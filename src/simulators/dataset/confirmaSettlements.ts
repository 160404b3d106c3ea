import { addDays } from './calendar.js';
import { splitCasePayments, type PaymentSplit } from './confirmaPaymentSplits.js';
import { rfReference } from './paymentReference.js';
import type { Agency, ConfirmaInvoice, IsoDate, IsoDateTime, SimulatorDataset } from './types.js';

/** One allocation of a settlement (confirma.md §4.10); amounts in integer cents. */
export interface SettlementAllocation {
  allocationId: number;
  allocationDate: IsoDate;
  currency: string;
  /** `null` on legacy `CashIn` settlements, as in the docs' example (see below). */
  caseId: number | null;
  originalInvoiceNumber: string;
  originalPaymentReference: string;
  capitalCents: number;
  interestCents: number;
  feesCents: number;
  /** Exactly capital + interest + fees. */
  totalCents: number;
}

export interface ConfirmaSettlement {
  /** `YYYYMMDDNNNN` digits (the docs' 202603280001); sent as a JSON integer. */
  settlementId: string;
  settlementDate: IsoDate;
  agency: Agency;
  remittanceReference: string | null;
  beneficiary: { name: string; iban: string; bic: string } | null;
  currency: string;
  /** Exactly the sum of the allocations' totals. */
  totalCents: number;
  /** Set the first time GET /settlements returns it; mutable on purpose. */
  apiFetchDate: IsoDateTime | null;
  allocations: SettlementAllocation[];
}

/**
 * Docs are silent on the run schedule; the simulator runs settlements on Tuesdays and Fridays
 * because the sibling Cash-In docs say "1–3 times a week" (confirma.md §6.2). A run settles every
 * agency-received payment dated before the run day, so payments from the run day onwards stay
 * provisional (in GET /payments only) until the next run, as the docs' caveat describes (§4.9).
 */
const RUN_WEEKDAYS: readonly number[] = [2, 5];
/** Allocation ids count up from the docs' example value. */
const FIRST_ALLOCATION_ID = 9001001;
/**
 * Docs' staging example leaves the beneficiary account empty; the simulator fills in a valid
 * Finnish example IBAN and Nordea's BIC so clients can exercise their account formatting.
 */
export const BENEFICIARY_ACCOUNT = { iban: 'FI2112345600000785', bic: 'NDEAFIHH' } as const;

interface SettleablePayment {
  split: PaymentSplit;
  invoice: ConfirmaInvoice;
  caseId: number;
  agency: Agency;
  currency: string;
  reference: string;
}

/**
 * The settlements of every generated case payment up to `dataset.today`, oldest first. One
 * settlement per run day, agency and currency (a settlement has a single agency and currency).
 * Legacy `CashIn` settlements take the older example's shape: no remittance reference, no
 * beneficiary and `caseId: null` on the allocations. Docs say allocations may lack a case id
 * without saying when; the simulator ties it to the older agency so clients meet the case and
 * join on `originalInvoiceNumber` (confirma.md §6.3).
 */
export function buildSettlements(dataset: SimulatorDataset): ConfirmaSettlement[] {
  const payments = settleablePayments(dataset);
  const first = payments[0];
  if (!first) return [];
  const settlements: ConfirmaSettlement[] = [];
  let allocationId = FIRST_ALLOCATION_ID;
  let cursor = 0;
  for (let day = addDays(first.split.date, 1); day <= dataset.today; day = addDays(day, 1)) {
    if (!RUN_WEEKDAYS.includes(new Date(`${day}T00:00:00Z`).getUTCDay())) continue;
    const batch: SettleablePayment[] = [];
    for (let next = payments[cursor]; next && next.split.date < day; next = payments[++cursor]) {
      batch.push(next);
    }
    const groups = new Map<string, SettleablePayment[]>();
    for (const payment of batch) {
      const key = `${payment.agency}/${payment.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), payment]);
    }
    let sequence = 0;
    for (const group of [...groups.values()].sort((a, b) => agencyRank(a) - agencyRank(b))) {
      sequence += 1;
      const settlementId = `${day.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`;
      const allocations = group.map((payment) => allocationOf(payment, day, allocationId++));
      settlements.push(settlementOf(dataset, settlementId, day, group, allocations));
    }
  }
  return settlements;
}

function settleablePayments(dataset: SimulatorDataset): SettleablePayment[] {
  const payments: SettleablePayment[] = [];
  for (const invoice of dataset.confirmaInvoices.values()) {
    const caseId = invoice.distribution.paymentControl.caseId;
    const found = caseId === null ? undefined : dataset.confirmaCases.get(caseId);
    if (caseId === null || !found) continue;
    splitCasePayments(invoice, found).forEach((split, i) => {
      const { agency, currency } = found.summary;
      const reference = found.payments[i]?.reference ?? invoice.paymentReference;
      payments.push({ split, invoice, caseId, agency, currency, reference });
    });
  }
  return payments.sort(
    (a, b) => a.split.date.localeCompare(b.split.date) || a.invoice.invoiceNumber - b.invoice.invoiceNumber,
  );
}

function agencyRank(group: readonly SettleablePayment[]): number {
  return group[0]?.agency === 'CASH-IN' ? 0 : 1;
}

function allocationOf(payment: SettleablePayment, day: IsoDate, allocationId: number): SettlementAllocation {
  const { split } = payment;
  return {
    allocationId,
    allocationDate: day,
    currency: payment.currency,
    caseId: payment.agency === 'CashIn' ? null : payment.caseId,
    originalInvoiceNumber: String(payment.invoice.invoiceNumber),
    originalPaymentReference: payment.reference,
    capitalCents: split.capitalCents,
    interestCents: split.interestCents,
    feesCents: split.feesCents,
    totalCents: split.capitalCents + split.interestCents + split.feesCents,
  };
}

function settlementOf(
  dataset: SimulatorDataset,
  settlementId: string,
  day: IsoDate,
  group: readonly SettleablePayment[],
  allocations: SettlementAllocation[],
): ConfirmaSettlement {
  const legacy = group[0]?.agency === 'CashIn';
  return {
    settlementId,
    settlementDate: day,
    agency: legacy ? 'CashIn' : 'CASH-IN',
    // A Finnish national reference (the docs show 13 digits): the id plus its 7-3-1 check digit.
    remittanceReference: legacy ? null : rfReference(Number(settlementId)).slice(4),
    beneficiary: legacy ? null : { name: dataset.creditor, ...BENEFICIARY_ACCOUNT },
    currency: group[0]?.currency ?? 'EUR',
    totalCents: allocations.reduce((sum, allocation) => sum + allocation.totalCents, 0),
    apiFetchDate: null,
    allocations,
  };
}
