import { buildSettlements, type ConfirmaSettlement } from '../dataset/confirmaSettlements.js';
import type {
  CasePayment,
  ConfirmaInvoice,
  IsoDate,
  IsoDateTime,
  SimulatorDataset,
} from '../dataset/types.js';

/**
 * What the Confirma simulator remembers between requests beyond the shared dataset: keys,
 * onboarded clients, invoice actions, settlement fetch marks and accounting submissions.
 * Invoices and cases created through the API go into the dataset's own maps, so every reader of
 * the dataset sees them.
 *
 * Docs say one token belongs to one creditor (confirma.md §2.1). The simulator serves a single
 * creditor: every valid client key, including tokens issued by POST /client, reads and writes
 * the same dataset. A per-client book would need a second generated world for no test benefit.
 */
export interface ConfirmaState {
  readonly dataset: SimulatorDataset;
  readonly today: IsoDate;
  /** Milliseconds; only differences matter (see `timestampAt`). */
  readonly now: () => number;
  /** How long queued work (distribution, actions, accounting sync) waits before it is applied. */
  readonly processingDelayMs: number;
  readonly provisioningToken: string;
  /** Keys accepted for client endpoints: the configured key plus issued and renewed ones. */
  readonly clientKeys: Set<string>;
  /** Onboarded clients by business code (seven-digit form). */
  readonly clients: Map<string, OnboardedClient>;
  /** Invoices created through POST /invoice, by invoice number. */
  readonly createdInvoices: Map<number, CreatedInvoice>;
  /** Case due dates moved by DUEDATE actions; other cases use their invoice's due date. */
  readonly caseDueDates: Map<number, IsoDate>;
  /** Every action ever accepted, in order. */
  readonly actions: CaseAction[];
  /** Case payments that came from DIRECTPAYMENT actions (the rest were received by the agency). */
  readonly directPayments: WeakMap<CasePayment, DirectPaymentInfo>;
  readonly settlements: ConfirmaSettlement[];
  readonly ledgers: Map<string, LedgerRecord>;
  readonly accountingPayments: Map<string, AccountingPaymentRecord>;
  readonly ids: { nextCaseId: number; nextActionId: number; nextClientId: number };
}

export interface OnboardedClient {
  clientId: number;
  customerCode: string;
  paymentReferencePrefix: string;
  businessCode: string;
  name: string;
}

export interface CreatedInvoice {
  invoiceNumber: number;
  dueAtMs: number;
  processed: boolean;
  distributionEnabled: boolean;
  manualApproval: boolean;
  paymentControl: boolean;
  currency: string;
  buyerName: string;
}

export const ACTION_CODES = [
  'COMMENT',
  'WITHDRAW',
  'DUEDATE',
  'PAYMENTPLAN',
  'OBJECTION',
  'PAUSE',
  'DIRECTPAYMENT',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export interface Outstanding {
  capitalCents: number;
  interestCents: number;
  costsCents: number;
}

export interface DirectPaymentData {
  amountCents: number;
  currency: string;
  paymentDate: IsoDate;
  paymentMethod: string | null;
  reference: string | null;
  /** The balance the creditor says is left; `null` when not sent. */
  outstanding: Outstanding | null;
}

export interface CaseAction {
  actionId: number;
  caseId: number;
  invoiceNumber: number;
  code: ActionCode;
  comment: string | null;
  dueDate: IsoDate | null;
  directPayment: DirectPaymentData | null;
  status: 'PENDING' | 'APPLIED' | 'REJECTED';
  /** Why an action was rejected; `null` otherwise. */
  statusMessage: string | null;
  createdAt: IsoDateTime;
  appliedAt: IsoDateTime | null;
  dueAtMs: number;
}

export interface DirectPaymentInfo {
  bookingDate: IsoDate;
  currency: string;
  paymentMethod: string | null;
}

/** Accounting sync status codes: 0 and 1 are documented (§4.13, §4.15); 2 is the simulator's. */
export type SyncStatus = 0 | 1 | 2;

export interface SyncState {
  status: SyncStatus;
  description: string;
  syncDate: IsoDate | null;
  dueAtMs: number;
}

export interface LedgerRecord {
  ledgerIdentifier: string;
  documentDate: IsoDate;
  documentName: string;
  documentStatus: string | null;
  accountNumbers: string[];
  sync: SyncState;
}

export interface AccountingPaymentRecord {
  paymentIdentifier: string;
  invoiceNumber: string;
  paymentDate: IsoDate;
  targetIdentifier: 'invoicenumber' | 'paymentreference';
  paymentReference: string | null;
  sync: SyncState;
}

export interface ConfirmaStateOptions {
  dataset: SimulatorDataset;
  today: IsoDate;
  apiKey: string;
  provisioningToken: string;
  processingDelayMs: number;
  now: () => number;
}

export function createConfirmaState(options: ConfirmaStateOptions): ConfirmaState {
  const { dataset } = options;
  const lastCaseId = Math.max(0, ...dataset.confirmaCases.keys());
  return {
    dataset,
    today: options.today,
    now: options.now,
    processingDelayMs: options.processingDelayMs,
    provisioningToken: options.provisioningToken,
    clientKeys: new Set([options.apiKey]),
    clients: new Map(),
    createdInvoices: new Map(),
    caseDueDates: new Map(),
    actions: [],
    directPayments: new WeakMap(),
    settlements: buildSettlements(dataset),
    ledgers: new Map(),
    accountingPayments: new Map(),
    // Docs show action and client ids nowhere; both are simulator-chosen integers.
    ids: { nextCaseId: lastCaseId + 1, nextActionId: 700001, nextClientId: 10001 },
  };
}

/**
 * A moment as an ISO date-time on the simulated day. Docs are silent on clocks; the simulator
 * keeps every date on its fixed "today" (so records agree with the generated data) and takes the
 * time of day from `now`, so events in one session still come out in order.
 */
export function timestampAt(state: ConfirmaState, ms: number): IsoDateTime {
  return `${state.today}T${new Date(ms).toISOString().slice(11)}`;
}

/** The invoice whose payment control opened `caseId`. */
export function invoiceOfCase(state: ConfirmaState, caseId: number): ConfirmaInvoice | undefined {
  for (const invoice of state.dataset.confirmaInvoices.values()) {
    if (invoice.distribution.paymentControl.caseId === caseId) return invoice;
  }
  return undefined;
}

export function caseDueDate(state: ConfirmaState, caseId: number): IsoDate | null {
  return state.caseDueDates.get(caseId) ?? invoiceOfCase(state, caseId)?.dueDate ?? null;
}

/** One authenticated request as a route handler sees it. */
export interface ConfirmaCall {
  state: ConfirmaState;
  query: URLSearchParams;
  /** Parsed JSON body; `undefined` when there was none or it was not JSON. */
  body: unknown;
  /** The `X-Api-Key` the request was authenticated with. */
  apiKey: string;
}
