import { addDays, daysBetween } from './calendar.js';
import type { CaseEventType, CaseStage, CaseStatus, IsoDate } from './types.js';

/**
 * How an agency case escalates after the due date. Docs are silent on stages, timing and fees
 * (confirma.md §6.2 only says "reminders first, then notices and transfer to collection"); the
 * simulator chooses a Finnish-style B2B schedule so balances look like real ones.
 */
export interface EscalationStep {
  stage: Exclude<CaseStage, 'INVOICE'>;
  daysAfterDue: number;
  feeCents: number;
  event: CaseEventType;
  description: string;
}

export const ESCALATION_STEPS: readonly EscalationStep[] = [
  {
    stage: 'REMINDER',
    daysAfterDue: 5,
    feeCents: 500,
    event: 'REMINDER_SENT',
    description: 'Payment reminder sent to the debtor (reminder fee 5.00 EUR)',
  },
  {
    stage: 'NOTICE',
    daysAfterDue: 15,
    feeCents: 1000,
    event: 'NOTICE_SENT',
    description: 'Final payment notice sent to the debtor (notice fee 10.00 EUR)',
  },
  {
    // 40 EUR is the EU Late Payment Directive's flat recovery compensation for B2B debts.
    stage: 'COLLECTION',
    daysAfterDue: 28,
    feeCents: 4000,
    event: 'TRANSFERRED_TO_COLLECTION',
    description: 'Case transferred to debt collection (recovery costs 40.00 EUR)',
  },
];

/** Late-payment interest, % a year: the Finnish reference rate plus eight points, rounded. */
export const LATE_INTEREST_PERCENT = 11.5;

/** Escalation steps that have happened by `date` (inclusive). */
export function stepsReachedBy(dueDate: IsoDate, date: IsoDate): EscalationStep[] {
  const overdueDays = daysBetween(dueDate, date);
  return ESCALATION_STEPS.filter((step) => overdueDays >= step.daysAfterDue);
}

export function stageOn(dueDate: IsoDate, date: IsoDate): CaseStage {
  return stepsReachedBy(dueDate, date).at(-1)?.stage ?? 'INVOICE';
}

export function stepDate(dueDate: IsoDate, step: EscalationStep): IsoDate {
  return addDays(dueDate, step.daysAfterDue);
}

/**
 * The status of a case that is neither paused nor closed. Docs are silent on case statuses; the
 * simulator reuses the payment-control vocabulary so the case and the distribution record agree,
 * and treats the NOTICE stage as still part of the REMINDER phase.
 */
export function openStatusForStage(
  stage: CaseStage,
): Extract<CaseStatus, 'ACTIVE' | 'REMINDER' | 'COLLECTION'> {
  switch (stage) {
    case 'INVOICE':
      return 'ACTIVE';
    case 'REMINDER':
    case 'NOTICE':
      return 'REMINDER';
    case 'COLLECTION':
      return 'COLLECTION';
  }
}

export interface LedgerEntry {
  date: IsoDate;
  kind: 'fee' | 'payment';
  cents: number;
}

export interface Outstanding {
  capitalCents: number;
  interestCents: number;
  costsCents: number;
}

/**
 * Replays fees and payments in date order and returns what is still owed on `endDate`.
 * Interest accrues on outstanding capital from the day after the due date; payments settle
 * costs first, then interest, then capital (the order Finnish collection law prescribes).
 * Every step works in whole cents, so the result is exact.
 */
export function outstandingOn(
  capitalCents: number,
  dueDate: IsoDate,
  entries: readonly LedgerEntry[],
  endDate: IsoDate,
): Outstanding {
  const owed: Outstanding = { capitalCents, interestCents: 0, costsCents: 0 };
  let accruedTo = dueDate;
  const accrue = (to: IsoDate): void => {
    const days = daysBetween(accruedTo, to);
    if (days <= 0) return;
    owed.interestCents += Math.round((owed.capitalCents * LATE_INTEREST_PERCENT * days) / 36_500);
    accruedTo = to;
  };
  const ordered = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  for (const entry of ordered) {
    accrue(entry.date);
    if (entry.kind === 'fee') {
      owed.costsCents += entry.cents;
      continue;
    }
    let left = entry.cents;
    for (const key of ['costsCents', 'interestCents', 'capitalCents'] as const) {
      const settled = Math.min(left, owed[key]);
      owed[key] -= settled;
      left -= settled;
    }
  }
  accrue(endDate);
  return owed;
}

export function totalCents(owed: Outstanding): number {
  return owed.capitalCents + owed.interestCents + owed.costsCents;
}
