import { z } from 'zod';
import { boolean, date, dateTime, decimal, identifier, integer, text } from '../lenient.js';
import { lowerCaseKeys } from './keys.js';

/**
 * Reply schemas for FactorCloud `/api_factor/` (factorcloud.md §4.1, §4.3 and the get-invoice
 * seed). Keys are matched case-insensitively; `""` means null; numbers and booleans may be
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

/** `F`/`P`/`V`/`H`/`X` (§3), any case; an unknown letter is a contract breach, not a guess. */
const invoiceStatus = text.transform((value, ctx): FactoringStatusValue | null => {
  if (value === null) return null;
  const status = STATUS_BY_WORD[value.trim().toUpperCase()];
  if (status) return status;
  ctx.addIssue({ code: 'custom', message: 'expected an invoice status F, P, V, H or X' });
  return z.NEVER;
});

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

export const factoringInvoiceSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
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
      paymentmade: boolean,
      lastpaymentmadeon: date,
      paidinfull: boolean,
      paidinfullon: date,
    })
    .transform((i) => ({
      clientKey: i.clientkey,
      debtorKey: i.debtorkey,
      invoiceNumber: i.invoicenumber ?? i.invoicenumbe,
      amount: i.invoiceamount,
      invoiceDate: i.invoicedate,
      invoiceDueDate: i.invoiceduedate,
      status: i.invoicestatus,
      refNumber: i.refnumber,
      invoicePurchaseDate: i.invoicepurchasedate,
      invoiceFundDate: i.invoicefunddate,
      escrowReserveAmount: i.escrowreserveamount,
      paymentMade: i.paymentmade,
      lastPaymentMadeOn: i.lastpaymentmadeon,
      paidInFull: i.paidinfull,
      paidInFullOn: i.paidinfullon,
    })),
);

export type FactoringInvoiceReply = z.output<typeof factoringInvoiceSchema>;

const CLIENT_TYPES: Record<string, 'CARRIER' | 'BROKER'> = { '0': 'CARRIER', '1': 'BROKER' };
const clientType = text.transform((value, ctx) => {
  if (value === null) return null;
  const type = CLIENT_TYPES[value.trim()];
  if (type) return type;
  ctx.addIssue({ code: 'custom', message: 'expected client Type 0 (carrier) or 1 (broker)' });
  return z.NEVER;
});

const INDUSTRIES = ['TRANSPORTATION', 'CONSTRUCTION', 'STAFFING', 'OIL_AND_GAS', 'GENERAL'] as const;
const industry = integer.transform((value, ctx) => {
  if (value === null) return null;
  const name = INDUSTRIES[value - 1];
  if (name) return name;
  ctx.addIssue({ code: 'custom', message: 'expected Industry 1 to 5' });
  return z.NEVER;
});

export const CLIENT_KEYS = [
  'uuid',
  'clientkey',
  'name',
  'compcode',
  'address1',
  'address2',
  'city',
  'state',
  'zipcode',
  'country',
  'phone',
  'phonealt',
  'fax',
  'email',
  'uccdate',
  'uccdate2',
  'uccsigneddate',
  'type',
  'industry',
  'altname',
  'ediid',
  'fedtaxnum',
  'dunsnum',
  'mcnumber',
  'dotnumber',
  'creditlimit',
] as const;

export const clientSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      uuid: text,
      clientkey: identifier,
      name: text,
      compcode: text,
      address1: text,
      address2: text,
      city: text,
      state: text,
      zipcode: text,
      country: text,
      phone: text,
      phonealt: text,
      fax: text,
      email: text,
      uccdate: dateTime,
      uccdate2: dateTime,
      uccsigneddate: dateTime,
      type: clientType,
      industry,
      altname: text,
      ediid: text,
      fedtaxnum: text,
      dunsnum: text,
      mcnumber: text,
      dotnumber: text,
      creditlimit: decimal,
    })
    .transform((c) => ({
      uuid: c.uuid,
      clientKey: c.clientkey,
      name: c.name,
      compCode: c.compcode,
      address1: c.address1,
      address2: c.address2,
      city: c.city,
      state: c.state,
      zipCode: c.zipcode,
      country: c.country,
      phone: c.phone,
      phoneAlt: c.phonealt,
      fax: c.fax,
      email: c.email,
      uccDate: c.uccdate,
      uccDate2: c.uccdate2,
      uccSignedDate: c.uccsigneddate,
      type: c.type,
      industry: c.industry,
      altName: c.altname,
      ediId: c.ediid,
      fedTaxNum: c.fedtaxnum,
      dunsNum: c.dunsnum,
      mcNumber: c.mcnumber,
      dotNumber: c.dotnumber,
      creditLimit: c.creditlimit,
    })),
);

export type ClientReply = z.output<typeof clientSchema>;
