import type { Amount, FactorCloudReplyStyle, IsoDate } from './values.js';

/** FactorCloud records as the simulator stores them, with the upstream field names. */

export const FACTORCLOUD_INVOICE_STATUSES = ['F', 'P', 'V', 'H', 'X'] as const;
export type FactorCloudInvoiceStatus = (typeof FACTORCLOUD_INVOICE_STATUSES)[number];

/** get-invoice fields (factorcloud.md §4.1), stored typed; `replyStyle` decides the wire form. */
export interface FactorCloudInvoice {
  ClientKey: string;
  DebtorKey: string;
  InvoiceNumber: string;
  InvoiceAmount: Amount;
  InvoiceDate: IsoDate;
  InvoiceDueDate: IsoDate;
  InvoiceStatus: FactorCloudInvoiceStatus;
  /** Optional on create-sched (`RefNum`), so `null` when not sent. */
  RefNumber: string | null;
  InvoicePurchaseDate: IsoDate | null;
  InvoiceFundDate: IsoDate | null;
  EscrowReserveAmount: Amount;
  PaymentMade: 'Y' | 'N';
  LastPaymentMadeOn: IsoDate | null;
  PaidInFull: boolean;
  PaidInFullOn: IsoDate | null;
}

/** `YYYY-MM-DD HH:MM:SS`: the docs type these columns "Timestamp Without Time Zone". */
export type TimestampWithoutZone = string;

/**
 * get-client fields (factorcloud.md §4.3). Optional columns are `null` when unset; create-client
 * requires only ClientKey and Name (§5.3), so every other column may be unset.
 */
export interface FactorCloudClient {
  UUID: string;
  ClientKey: string;
  Name: string;
  CompCode: string;
  Address1: string | null;
  Address2: string | null;
  City: string | null;
  State: string | null;
  ZipCode: string | null;
  Country: string | null;
  Phone: string | null;
  PhoneAlt: string | null;
  Fax: string | null;
  Email: string | null;
  UccDate: TimestampWithoutZone | null;
  UccDate2: TimestampWithoutZone | null;
  UccSignedDate: TimestampWithoutZone | null;
  /** `0` carrier, `1` broker. */
  Type: '0' | '1' | null;
  /** 1 Transportation, 2 Construction, 3 Staffing, 4 Oil & Gas, 5 General. */
  Industry: 1 | 2 | 3 | 4 | 5 | null;
  AltName: string | null;
  EdiID: string | null;
  FedTaxNum: string | null;
  DunsNum: string | null;
  MCNumber: string | null;
  DOTNumber: string | null;
  CreditLimit: Amount | null;
}

export type { FactorCloudReplyStyle } from './values.js';

export interface FactorCloudInvoiceEntry {
  invoiceIntegrationId: string;
  replyStyle: FactorCloudReplyStyle;
  invoice: FactorCloudInvoice;
}

export interface FactorCloudClientEntry {
  replyStyle: FactorCloudReplyStyle;
  client: FactorCloudClient;
}

// Debtors, vendors, schedules, documents and payments: the state the write calls keep.
export * from './factorCloudState.js';
