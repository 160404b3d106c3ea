/**
 * What the reconciliation of one invoice compares and what it reports. Plain data: the rules
 * (rules.ts) know nothing of loaders, GraphQL or HTTP, so each can be tested on its own.
 */

export const MISMATCH_KINDS = [
  'COLLECTION_ACTIVE_ON_SETTLED_INVOICE',
  'PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD',
  'FUNDED_BUT_DISTRIBUTION_FAILED',
  'CAPITAL_ABOVE_FACTORED_AMOUNT',
  'ONLY_IN_FACTORCLOUD',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW';
export type ReconciliationStatus = 'CONSISTENT' | 'MISMATCHED' | 'UNKNOWN';
export type SideName = 'CONFIRMA' | 'FACTORCLOUD';

/** One disagreement: both sides' values as text (null when that side has none). */
export interface Mismatch {
  kind: MismatchKind;
  severity: Severity;
  confirmaValue: string | null;
  factorCloudValue: string | null;
  explanation: string;
}

/** A read that could not be answered (error, timeout, broken reply). */
export interface Gap {
  side: SideName;
  /** The error's `extensions.code`, e.g. UPSTREAM_TIMEOUT. */
  code: string;
  /** The upstream endpoint that failed, e.g. `invoice/case`. */
  endpoint: string;
}

/** A side's answer: known (with its facts), not known, or could not answer. */
export type Side<T> = { state: 'known'; facts: T } | { state: 'absent' } | { state: 'failed'; gap: Gap };

/** The collection case behind Confirma's payment control, as far as the rules need it. */
export interface CaseFacts {
  caseId: string;
  status: string | null;
  closedAt: string | null;
  /** The case's stated currency; null when Confirma sent none. */
  currency: string | null;
  capitalAmount: string | null;
  interestAmount: string | null;
  costsAmount: string | null;
  totalAmount: string | null;
  /** Number of payments the case lists (the agency received money). */
  paymentCount: number;
}

export interface ConfirmaFacts {
  invoiceNumber: string;
  distributionStatus: string | null;
  caseId: string | null;
  /** The case, when there is one and it was read; a failed case read is `caseGap`. */
  case: CaseFacts | null;
  caseGap: Gap | null;
}

export interface FactorCloudFacts {
  integrationId: string;
  /** UNKNOWN: a code outside FactorCloud's documented list; no rule reads it as funded, paid or cancelled. */
  status: 'FUNDED' | 'PENDING' | 'VERIFIED' | 'ON_HOLD' | 'CANCELLED' | 'UNKNOWN' | null;
  amount: string | null;
  paymentMade: boolean | null;
  lastPaymentMadeOn: string | null;
  paidInFull: boolean | null;
  paidInFullOn: string | null;
}

export interface ReconciliationInput {
  confirma: Side<ConfirmaFacts>;
  factorCloud: Side<FactorCloudFacts>;
  /**
   * Currency of FactorCloud's amounts (FACTORCLOUD_CURRENCY: its API names none) and of a
   * Confirma case that states none (CONFIRMA_CURRENCY).
   */
  currencies: { confirma: string; factorCloud: string };
}

export interface Reconciliation {
  status: ReconciliationStatus;
  mismatches: Mismatch[];
  /** Reads that failed; non-empty exactly when the status is UNKNOWN. */
  gaps: Gap[];
  /** Checks that could not be made with what the sides said (e.g. amounts in two currencies). */
  notChecked: MismatchKind[];
  /** Null when Confirma could not answer. */
  knownToConfirma: boolean | null;
  /** Null when FactorCloud could not answer. */
  knownToFactorCloud: boolean | null;
}
