import type { Amount, FactorCloudReplyStyle, IsoDate } from './values.js';

/**
 * The FactorCloud state the write calls keep beyond clients and invoices (factorcloud.md §2, §8):
 * master debtors and vendors, their links to clients, schedules, stored documents and payment
 * batches. Keys follow §8: `DebtorKey` for masters, `(ClientKey, DebtorKey)` for links,
 * `IntegrationBatchId` for schedules, a generated UUID for documents.
 */

/**
 * A debtor (§4.2 read object). Vendors use the same record, since create-vendor sends the
 * vendor's key as `DebtorKey` (§5.13). `ClientKey` is `null` on a master record.
 */
export interface FactorCloudDebtor {
  ClientKey: string | null;
  DebtorKey: string;
  CompCode: string;
  Name: string;
  Address1: string | null;
  Address2: string | null;
  City: string | null;
  State: string | null;
  ZipCode: string | null;
  Country: string | null;
  Phone: string | null;
  Fax: string | null;
  Email: string | null;
  MCNumber: string | null;
  DOTNumber: string | null;
  Notes: string | null;
  CreditLimit: Amount | null;
  BuyStatus: boolean;
}

export interface FactorCloudDebtorEntry {
  replyStyle: FactorCloudReplyStyle;
  debtor: FactorCloudDebtor;
}

export const FACTORCLOUD_PAYMENT_METHODS = ['A', 'W', 'C'] as const;
/** How the advance is paid: `A` ACH, `W` wire, `C` check (§3). */
export type FactorCloudPaymentMethod = (typeof FACTORCLOUD_PAYMENT_METHODS)[number];

/** A schedule (§5.10, §5.14); its invoices live in `factorCloudInvoices`. */
export interface FactorCloudSchedule {
  kind: 'standard' | 'broker';
  IntegrationBatchId: string;
  ClientKey: string;
  Amount: Amount;
  Label: string | null;
  Notes: string | null;
  PaymentMethod: FactorCloudPaymentMethod;
  /** The schedule's InvoiceIntegrationIds, in submission order. */
  invoiceIds: string[];
  /** One style for the whole reply: a real backend renders a response uniformly. */
  replyStyle: FactorCloudReplyStyle;
}

/** What a broker invoice adds to an invoice (§4.1 broker variant). */
export interface FactorCloudBrokerTerms {
  VendorKey: string;
  AdvanceAmount: Amount;
  VendorInvoiceNumber: string | null;
}

export const FACTORCLOUD_ENCODING_TYPES = ['B', 'S', 'E'] as const;
export type FactorCloudEncodingType = (typeof FACTORCLOUD_ENCODING_TYPES)[number];

/** A document stored by store-docs (§5.16). */
export interface FactorCloudDocument {
  UUID: string;
  EncodedDoc: string;
  EncodingType: FactorCloudEncodingType;
  ContentType: 'application/pdf';
  FileName: string;
  /** Bytes of the document itself (decoded for Base64). */
  Length: number;
}

export const FACTORCLOUD_PAYMENT_TYPES = ['ACH', 'CHECK', 'WIRE'] as const;
export type FactorCloudPaymentType = (typeof FACTORCLOUD_PAYMENT_TYPES)[number];

/** One `PaymentDetails[]` item of post-payments (§5.18), as stored. */
export interface FactorCloudPaymentDetail {
  PaymentDate: IsoDate;
  BankBatchItem: string | null;
  PaymentType: FactorCloudPaymentType;
  Amount: Amount;
  BankRefNumber: string | null;
  AccountNumber: string | null;
  TransactionNumber: string;
  RemitterName: string | null;
  MemoLine: string | null;
  InvoiceRefNumber: string | null;
  ClientCode: string | null;
  /** Only the length is kept, as create-sched does for `DocBase64`. */
  FinancialDocsLength: number | null;
  /** The InvoiceIntegrationId the payment was applied to; `null` for unapplied cash. */
  matchedInvoiceId: string | null;
}

export interface FactorCloudPaymentBatch {
  BatchReference: string;
  BatchTotal: Amount;
  AccountNumber: string;
  PaymentDetails: FactorCloudPaymentDetail[];
}

export interface FactorCloudState {
  /** Master debtors by DebtorKey. */
  readonly masterDebtors: Map<string, FactorCloudDebtorEntry>;
  /** Sub-debtors (client ↔ debtor links) by `linkKey(ClientKey, DebtorKey)`. */
  readonly subDebtors: Map<string, FactorCloudDebtorEntry>;
  /** Master vendors by vendor key. */
  readonly masterVendors: Map<string, FactorCloudDebtorEntry>;
  /** Sub-vendors by `linkKey(ClientKey, VendorKey)`. */
  readonly subVendors: Map<string, FactorCloudDebtorEntry>;
  /** Schedules by IntegrationBatchId (standard and broker share one key space). */
  readonly schedules: Map<string, FactorCloudSchedule>;
  /** Broker terms by InvoiceIntegrationId. */
  readonly brokerTerms: Map<string, FactorCloudBrokerTerms>;
  /** Documents by UUID. */
  readonly documents: Map<string, FactorCloudDocument>;
  /** Payment batches by BatchReference. */
  readonly paymentBatches: Map<string, FactorCloudPaymentBatch>;
  /** Cents applied by post-payments, by InvoiceIntegrationId. */
  readonly appliedPaymentCents: Map<string, number>;
}

/** The key of a client ↔ debtor (or vendor) link. */
export function linkKey(clientKey: string, partyKey: string): string {
  return JSON.stringify([clientKey, partyKey]);
}

export function emptyFactorCloudState(): FactorCloudState {
  return {
    masterDebtors: new Map(),
    subDebtors: new Map(),
    masterVendors: new Map(),
    subVendors: new Map(),
    schedules: new Map(),
    brokerTerms: new Map(),
    documents: new Map(),
    paymentBatches: new Map(),
    appliedPaymentCents: new Map(),
  };
}
