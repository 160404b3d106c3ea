import type { Random } from '../random.js';
import { addDays, daysBetween } from './calendar.js';
import { openStatusForStage, stageOn } from './caseTimeline.js';
import {
  DISTRIBUTION_STATUSES,
  PAYMENT_CONTROL_STATUSES,
  type DistributionMethod,
  type DistributionStatus,
  type IsoDate,
  type PaymentControlStatus,
} from './types.js';

/**
 * The decisions made for each invoice before any record is written: dates, amount, channel and
 * what happens to it. Deciding first lets the generator guarantee every status appears at least
 * once, then build records that are consistent with those decisions.
 */
export interface InvoicePlan {
  invoiceNumber: number;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  distributionStatus: DistributionStatus;
  distributionMethod: DistributionMethod | null;
  /** `null`: payment control disabled. `open` cases escalate with the calendar. */
  caseFate: 'open' | 'paused' | 'closed' | null;
}

/** The first invoice number; numbers are consecutive in invoice-date order, like a real series. */
export const FIRST_INVOICE_NUMBER = 260100001;
/** How far back invoice dates go (today included). */
export const HISTORY_DAYS = 60;

export function planInvoices(random: Random, today: IsoDate, count: number): InvoicePlan[] {
  const dates = Array.from({ length: count }, () => addDays(today, -random.int(0, HISTORY_DAYS - 1)));
  dates.sort();
  // Pin both ends so the data always spans the whole history, whatever the seed.
  if (count >= 2) {
    dates[0] = addDays(today, -(HISTORY_DAYS - 1));
    dates[count - 1] = today;
  }
  const plans = dates.map((invoiceDate, index) => planOne(random, today, invoiceDate, index));
  ensureEveryDistributionStatus(plans);
  ensureEveryPaymentControlStatus(plans, today);
  return plans;
}

function planOne(random: Random, today: IsoDate, invoiceDate: IsoDate, index: number): InvoicePlan {
  const age = daysBetween(invoiceDate, today);
  // 14 days net is the Finnish B2B norm; some creditors give 21 or 30.
  const termsDays = random.weighted([
    [14, 60],
    [21, 25],
    [30, 15],
  ] as const);
  // Between 150.00 and 12,000.00 EUR; many B2B invoices are whole euros.
  const rawCents = random.int(15_000, 1_200_000);
  const amountCents = random.chance(0.4) ? rawCents - (rawCents % 100) : rawCents;
  const method = random.weighted<DistributionMethod>([
    ['EMAIL', 50],
    ['EINVOICE', 30],
    ['LETTER', 20],
  ]);
  const status = chooseDistributionStatus(random, age, method);
  // Docs are silent on when the method is known; the simulator leaves it null on some PENDING
  // records to model invoices whose channel is decided at distribution time.
  const distributionMethod = status === 'PENDING' && random.chance(0.4) ? null : method;
  const caseFate = random.chance(0.65) ? chooseFate(random, age) : null;
  return {
    invoiceNumber: FIRST_INVOICE_NUMBER + index,
    invoiceDate,
    dueDate: addDays(invoiceDate, termsDays),
    amountCents,
    distributionStatus: status,
    distributionMethod,
    caseFate,
  };
}

function chooseDistributionStatus(
  random: Random,
  age: number,
  method: DistributionMethod,
): DistributionStatus {
  // Invoices wait for the next print/send run, so only the newest ones are still PENDING.
  if ((age === 0 && random.chance(0.5)) || (age === 1 && random.chance(0.15))) return 'PENDING';
  if (random.chance(0.06)) return 'FAILED';
  // Letters are PRINTED, then handed to the post a day or two later; the post sends no receipt,
  // so a letter never becomes DELIVERED.
  if (method === 'LETTER') return age <= 1 ? 'PRINTED' : 'DISTRIBUTED';
  // E-mail and e-invoice operators usually confirm delivery; some never do.
  return random.chance(0.85) ? 'DELIVERED' : 'DISTRIBUTED';
}

function chooseFate(random: Random, age: number): InvoicePlan['caseFate'] {
  // A case can only be closed or paused on a later day than it opened.
  if (age === 0) return 'open';
  return random.weighted<NonNullable<InvoicePlan['caseFate']>>([
    ['open', 69],
    ['closed', 25],
    ['paused', 6],
  ]);
}

export function isDistributed(plan: InvoicePlan): boolean {
  return plan.distributionStatus === 'DISTRIBUTED' || plan.distributionStatus === 'DELIVERED';
}

/**
 * The payment-control status a plan leads to, or `null` when payment control is disabled.
 * The agency opens a case once the invoice has gone out; until then it is `PENDING`.
 */
export function paymentControlStatusOf(plan: InvoicePlan, today: IsoDate): PaymentControlStatus | null {
  if (plan.caseFate === null) return null;
  if (!isDistributed(plan)) return 'PENDING';
  if (plan.caseFate === 'paused') return 'PAUSED';
  if (plan.caseFate === 'closed') return 'CLOSED';
  return openStatusForStage(stageOn(plan.dueDate, today));
}

/**
 * Makes sure each value appears at least once by changing one plan per missing value. Only plans
 * whose current value is shared with another plan are changed, so no other value disappears.
 * Candidates come in order of preference.
 */
function ensureEach<V>(
  plans: InvoicePlan[],
  values: readonly V[],
  current: (plan: InvoicePlan) => V | null,
  candidates: (value: V) => InvoicePlan[],
  apply: (plan: InvoicePlan, value: V) => void,
): void {
  for (const value of values) {
    if (plans.some((plan) => current(plan) === value)) continue;
    const counts = new Map<V | null, number>();
    for (const plan of plans) counts.set(current(plan), (counts.get(current(plan)) ?? 0) + 1);
    const chosen = candidates(value).find((plan) => {
      const now = current(plan);
      return now === null || (counts.get(now) ?? 0) > 1;
    });
    if (chosen) apply(chosen, value);
  }
}

function ensureEveryDistributionStatus(plans: InvoicePlan[]): void {
  const newestFirst = [...plans].reverse();
  ensureEach(
    plans,
    DISTRIBUTION_STATUSES,
    (plan) => plan.distributionStatus,
    () => newestFirst,
    (plan, status) => {
      plan.distributionStatus = status;
      if (status === 'PRINTED') plan.distributionMethod = 'LETTER';
      else if (status === 'DELIVERED' && plan.distributionMethod !== 'EINVOICE')
        plan.distributionMethod = 'EMAIL';
      else plan.distributionMethod ??= 'EMAIL';
    },
  );
}

function ensureEveryPaymentControlStatus(plans: InvoicePlan[], today: IsoDate): void {
  const oldestFirst = [...plans];
  ensureEach(
    plans,
    PAYMENT_CONTROL_STATUSES,
    (plan) => paymentControlStatusOf(plan, today),
    (status) =>
      oldestFirst.filter((plan) => {
        if (status === 'PENDING') return !isDistributed(plan);
        if (!isDistributed(plan)) return false;
        if (status === 'PAUSED' || status === 'CLOSED') return plan.invoiceDate < today;
        return openStatusForStage(stageOn(plan.dueDate, today)) === status;
      }),
    (plan, status) => {
      plan.caseFate = status === 'PAUSED' ? 'paused' : status === 'CLOSED' ? 'closed' : 'open';
    },
  );
}
