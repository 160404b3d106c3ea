import { z } from 'zod';
import { boolean, booleanOrNull, date, decimal, identifier, text } from '../lenient.js';
import { coded } from './codes.js';
import { lowerCaseKeys } from './keys.js';

/**
 * The invoice reply schema for FactorCloud `/api_factor/` (factorcloud.md §4.1 and the get-invoice
 * seed); the other objects have a file each (clientSchema.ts, debtorSchema.ts, …). Keys are matched case-insensitively; `""` means null; numbers and booleans may be
 * strings; get-invoice may spell `InvoiceNumber` as `InvoiceNumbe` (seed).
 */

export const FACTORING_STATUSES = ['FUNDED', 'PENDING', 'VERIFIED', 'ON_HOLD', 'CANCELLED'] as const;
export type FactoringStatusValue = (typeof FACTORING_STATUSES)[number];

const STATUS_BY_WORD: Record<string, FactoringStatusValue> = {
  F: 'FUNDED',
  FUNDED: 'FUNDED',
  P: 'PENDING',
  PENDING: 'PENDING',
  V: 'VERIFIED',
  VERIFIED: 'VERIFIED',
  H: 'ON_HOLD',
  HOLD: 'ON_HOLD',
  ON_HOLD: 'ON_HOLD',
  'ON HOLD': 'ON_HOLD',
  X: 'CANCELLED',
  CANCELLED: 'CANCELLED',
  CANCELED: 'CANCELLED',
};

/** `F`/`P`/`V`/`H`/`X` (§3), any case; another value reads as UNKNOWN with its text kept. */
const invoiceStatus = coded(STATUS_BY_WORD);

export const INVOICE_KEYS = [
  'clientkey',
  'debtorkey',
  'invoicenumber',
  'invoicenumbe',
  'invoiceamount',
  'invoicedate',
  'invoiceduedate',
  'invoicestatus',
  'refnumber',
  'invoicepurchasedate',
  'invoicefunddate',
  'escrowreserveamount',
  'paymentmade',
  'lastpaymentmadeon',
  'paidinfull',
  'paidinfullon',
] as const;

/** get-invoice fields by lower-cased key; get-sched's InvoiceArray elements extend them. */
export const invoiceFields = {
  clientkey: identifier,
  debtorkey: identifier,
  invoicenumber: text,
  invoicenumbe: text,
  invoiceamount: decimal,
  invoicedate: date,
  invoiceduedate: date,
  invoicestatus: invoiceStatus,
  refnumber: text,
  invoicepurchasedate: date,
  invoicefunddate: date,
  escrowreserveamount: decimal,
  // Typed String with an undocumented value set (§3, §4.1), unlike PaidInFull (Bool): the boolean
  // spellings are read and anything else ("100.00", "Partial") is null, never a failed reply.
  paymentmade: booleanOrNull,
  lastpaymentmadeon: date,
  paidinfull: boolean,
  paidinfullon: date,
};

type InvoiceFields = z.output<z.ZodObject<typeof invoiceFields>>;

/** Lower-cased reply fields → the invoice record's names. */
export function toInvoiceReply(i: InvoiceFields) {
  return {
    clientKey: i.clientkey,
    debtorKey: i.debtorkey,
    invoiceNumber: i.invoicenumber ?? i.invoicenumbe,
    amount: i.invoiceamount,
    invoiceDate: i.invoicedate,
    invoiceDueDate: i.invoiceduedate,
    status: i.invoicestatus.value,
    statusRaw: i.invoicestatus.raw,
    refNumber: i.refnumber,
    invoicePurchaseDate: i.invoicepurchasedate,
    invoiceFundDate: i.invoicefunddate,
    escrowReserveAmount: i.escrowreserveamount,
    paymentMade: i.paymentmade,
    lastPaymentMadeOn: i.lastpaymentmadeon,
    paidInFull: i.paidinfull,
    paidInFullOn: i.paidinfullon,
  };
}

export const factoringInvoiceSchema = z.preprocess(
  lowerCaseKeys,
  z.object(invoiceFields).transform(toInvoiceReply),
);

export type FactoringInvoiceReply = z.output<typeof factoringInvoiceSchema>;

export {
  CLIENT_KEYS,
  CLIENT_TYPE_CODES,
  INDUSTRIES,
  clientSchema,
  type ClientReply,
  type ClientTypeValue,
  type IndustryValue,
} from './clientSchema.js';
