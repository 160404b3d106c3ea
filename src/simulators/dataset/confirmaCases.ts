import type { Random } from '../random.js';
import { addDays, dateOf, daysBetween } from './calendar.js';
import {
  openStatusForStage,
  outstandingOn,
  stageOn,
  stepDate,
  stepsReachedBy,
  totalCents,
  type LedgerEntry,
} from './caseTimeline.js';
import { centsToAmount } from './money.js';
import type { InvoicePlan } from './plan.js';
import type { Agency, CaseEvent, CaseStatus, ConfirmaCase, IsoDate, IsoDateTime } from './types.js';

export interface CaseInput {
  plan: InvoicePlan;
  caseId: number;
  agency: Agency;
  /** `paymentControlActivatedAt` of the distribution record; the case opens at that moment. */
  openedAt: IsoDateTime;
  paymentReference: string;
  creditor: string;
  today: IsoDate;
}

/**
 * Builds the agency case behind an active payment control. Docs show only the summary and the
 * start of the balance (confirma.md §4.6); payments and events are simulator-defined shapes.
 */
export function buildCase(random: Random, input: CaseInput): ConfirmaCase {
  const { plan, today } = input;
  const openDate = dateOf(input.openedAt);
  const endOfLife =
    plan.caseFate === 'closed' || plan.caseFate === 'paused' ? dayAfter(random, openDate, today) : null;
  // Escalation stops when a case is paused or closed; until then it follows the calendar.
  const escalatedTo = endOfLife ?? today;
  const steps = stepsReachedBy(plan.dueDate, escalatedTo);
  const fees: LedgerEntry[] = steps.map((step) => ({
    date: stepDate(plan.dueDate, step),
    kind: 'fee',
    cents: step.feeCents,
  }));
  const payments = choosePayments(random, input, fees, endOfLife);
  const entries = [...fees, ...payments];
  // Interest keeps running on a paused case; on a closed one it stopped with the final payment.
  const owed = outstandingOn(
    plan.amountCents,
    plan.dueDate,
    entries,
    plan.caseFate === 'closed' && endOfLife ? endOfLife : today,
  );
  const stage = stageOn(plan.dueDate, escalatedTo);
  const status: CaseStatus =
    plan.caseFate === 'closed' ? 'CLOSED' : plan.caseFate === 'paused' ? 'PAUSED' : openStatusForStage(stage);
  const closedAt = status === 'CLOSED' ? endOfLife : null;

  const events: CaseEvent[] = [
    { date: openDate, type: 'CASE_OPENED', description: `Payment control activated by ${input.agency}` },
    ...steps.map((step) => ({
      date: stepDate(plan.dueDate, step),
      type: step.event,
      description: step.description,
    })),
    ...payments.map((payment) => ({
      date: payment.date,
      type: 'PAYMENT_RECEIVED' as const,
      description: `Payment of ${centsToAmount(payment.cents)} EUR received`,
    })),
  ];
  if (status === 'PAUSED' && endOfLife) {
    events.push({
      date: endOfLife,
      type: 'CASE_PAUSED',
      description: "Proceedings paused at the creditor's request",
    });
  }
  if (closedAt)
    events.push({ date: closedAt, type: 'CASE_CLOSED', description: 'Case closed: paid in full' });
  events.sort((a, b) => a.date.localeCompare(b.date)); // stable: same-day events keep their order

  return {
    summary: {
      caseId: input.caseId,
      status,
      stage,
      createdAt: input.openedAt,
      closedAt,
      activeDays: daysBetween(openDate, closedAt ?? today),
      creditor: input.creditor,
      currency: 'EUR',
      agency: input.agency,
    },
    balance: {
      capitalAmount: centsToAmount(owed.capitalCents),
      interestAmount: centsToAmount(owed.interestCents),
      costsAmount: centsToAmount(owed.costsCents),
      totalAmount: centsToAmount(totalCents(owed)),
    },
    payments: payments.map((payment) => ({
      paymentDate: payment.date,
      amount: centsToAmount(payment.cents),
      reference: input.paymentReference,
    })),
    events,
  };
}

/** A day after `from`, up to `to`; `to` itself when there is no later day yet. */
function dayAfter(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = daysBetween(from, to);
  return span < 1 ? to : addDays(from, random.int(1, span));
}

/**
 * A closed case was paid in full on its closing day (sometimes after an earlier part payment);
 * about one open case in five has received a part payment.
 */
function choosePayments(
  random: Random,
  input: CaseInput,
  fees: LedgerEntry[],
  closedOn: IsoDate | null,
): LedgerEntry[] {
  const { plan, today } = input;
  const openDate = dateOf(input.openedAt);
  const payments: LedgerEntry[] = [];
  const lastPartialDay = plan.caseFate === 'closed' && closedOn ? addDays(closedOn, -1) : today;
  const wantsPartial = plan.caseFate === 'closed' ? random.chance(0.3) : random.chance(0.2);
  if (wantsPartial && daysBetween(openDate, lastPartialDay) >= 1) {
    const date = addDays(openDate, random.int(1, daysBetween(openDate, lastPartialDay)));
    const owedThen = totalCents(outstandingOn(plan.amountCents, plan.dueDate, feesUntil(fees, date), date));
    // Round-ish part payments, always leaving something owed.
    const cents = Math.min(
      Math.round((plan.amountCents * random.int(10, 60)) / 100 / 100) * 100,
      owedThen - 100,
    );
    if (cents > 0) payments.push({ date, kind: 'payment', cents });
  }
  if (plan.caseFate === 'closed' && closedOn) {
    const owed = outstandingOn(
      plan.amountCents,
      plan.dueDate,
      [...feesUntil(fees, closedOn), ...payments],
      closedOn,
    );
    payments.push({ date: closedOn, kind: 'payment', cents: totalCents(owed) });
  }
  return payments;
}

function feesUntil(fees: LedgerEntry[], date: IsoDate): LedgerEntry[] {
  return fees.filter((fee) => fee.date <= date);
}
