import type { Amount, IsoDate, IsoDateTime } from './values.js';

/**
 * Confirma records as the simulator stores them, with the upstream field names (confirma.md
 * §4.6–4.7 and the distribution seed).
 */

/** Docs give no enum (confirma.md §8); the simulator defines this set. */
export const DISTRIBUTION_STATUSES = ['PENDING', 'PRINTED', 'DISTRIBUTED', 'DELIVERED', 'FAILED'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];

/** Only `EMAIL` is documented (confirma.md §5.1); `EINVOICE` and `LETTER` are simulator-defined. */
export const DISTRIBUTION_METHODS = ['EMAIL', 'EINVOICE', 'LETTER'] as const;
export type DistributionMethod = (typeof DISTRIBUTION_METHODS)[number];

/** Docs give no enum; simulator-defined. `PENDING` = enabled but no case opened yet. */
export const PAYMENT_CONTROL_STATUSES = [
  'PENDING',
  'ACTIVE',
  'REMINDER',
  'COLLECTION',
  'PAUSED',
  'CLOSED',
] as const;
export type PaymentControlStatus = (typeof PAYMENT_CONTROL_STATUSES)[number];
/** A case exists for every status except `PENDING`. */
export type CaseStatus = Exclude<PaymentControlStatus, 'PENDING'>;

/** Docs give no enum (confirma.md §4.6); simulator-defined, in the order a case escalates. */
export const CASE_STAGES = ['INVOICE', 'REMINDER', 'NOTICE', 'COLLECTION'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Both spellings appear in the docs (confirma.md §4.10); `CashIn` is the older one. */
export type Agency = 'CASH-IN' | 'CashIn';

export interface DistributionError {
  errorCode: string;
  errorDescription: string;
  /** Simulator-defined: `DELIVERY` (the channel refused it) or `VALIDATION` (bad recipient data). */
  errorType: 'DELIVERY' | 'VALIDATION';
}

export interface PaymentControl {
  enabled: boolean;
  agency: Agency | null;
  status: PaymentControlStatus | null;
  caseId: number | null;
}

/** One item of `invoices[]` in GET /invoice/distribution, exactly as the seed shows it. */
export interface ConfirmaDistributionRecord {
  invoiceNumber: number;
  distributionStatus: DistributionStatus;
  distributionMethod: DistributionMethod | null;
  distributionMessage: string | null;
  dates: {
    createdAt: IsoDateTime;
    printedAt: IsoDateTime | null;
    distributedAt: IsoDateTime | null;
    paymentControlActivatedAt: IsoDateTime | null;
  };
  file: { url: string };
  paymentControl: PaymentControl;
  errors: DistributionError[];
}

/**
 * A Confirma invoice as the simulator knows it. Only `distribution` goes on the wire; the rest is
 * what the distribution filters need (`invoiceDate`) and what keeps other records consistent.
 */
export interface ConfirmaInvoice {
  invoiceNumber: number;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amount: Amount;
  /** Structured RF creditor reference (ISO 11649) the debtor pays with. */
  paymentReference: string;
  distribution: ConfirmaDistributionRecord;
}

export interface CaseSummary {
  caseId: number;
  status: CaseStatus;
  stage: CaseStage;
  createdAt: IsoDateTime;
  /** A date, not a date-time: the docs' example shows `"2019-08-24"` here. */
  closedAt: IsoDate | null;
  activeDays: number;
  creditor: string;
  /**
   * ISO 4217. Generated cases are all `EUR`; cases opened for invoices created through the API
   * carry the invoice's currency (the docs' DIRECTPAYMENT example pays a case in SEK).
   */
  currency: string;
  agency: Agency;
}

/** Outstanding amounts; `totalAmount` is the exact sum of the other three. */
export interface CaseBalance {
  capitalAmount: Amount;
  interestAmount: Amount;
  costsAmount: Amount;
  totalAmount: Amount;
}

export interface CasePayment {
  paymentDate: IsoDate;
  amount: Amount;
  reference: string;
}

/** Simulator-defined event types (the docs do not show this block). */
export type CaseEventType =
  | 'CASE_OPENED'
  | 'REMINDER_SENT'
  | 'NOTICE_SENT'
  | 'TRANSFERRED_TO_COLLECTION'
  | 'PAYMENT_RECEIVED'
  | 'CASE_PAUSED'
  | 'CASE_CLOSED'
  // Written when the creditor's invoice actions are applied (confirma/caseActions.ts).
  | 'COMMENT_ADDED'
  | 'DUE_DATE_CHANGED'
  | 'PAYMENT_PLAN_ALLOWED'
  | 'OBJECTION_RECEIVED'
  | 'CASE_WITHDRAWN';

export interface CaseEvent {
  date: IsoDate;
  type: CaseEventType;
  description: string;
}

export interface ConfirmaCase {
  summary: CaseSummary;
  balance: CaseBalance;
  payments: CasePayment[];
  events: CaseEvent[];
}
