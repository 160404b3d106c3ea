import { z } from 'zod';
import { decimal, identifier, listOrBlank, text } from '../lenient.js';
import { coded } from './codes.js';
import { lowerCaseKeys } from './keys.js';
import { invoiceFields, toInvoiceReply } from './schemas.js';

/**
 * get-sched / get-broker-sched replies and the create-sched(-broker) echoes (factorcloud.md §5.10,
 * §5.11, §5.14, §5.15). The docs' return tables are cut off, so the schedule invoice reads:
 * - `InvoiceIntegrationId` when present (the simulator sends it; the docs' visible rows do not);
 * - the create-call names (`InvoiceAr`, `RefNum`, `DueDate`) when the read names are missing,
 *   because an echo of "the in-system information" may keep the names it was sent with (§6.3);
 * - nothing of `DocBase64`, which the echo replaces by its length.
 */

export const SCHEDULE_PAYMENT_METHODS = ['ACH', 'WIRE', 'CHECK'] as const;
export type SchedulePaymentMethodValue = (typeof SCHEDULE_PAYMENT_METHODS)[number];

/** Schedule `PaymentMethod` codes (§3): `A` ACH, `W` wire, `C` check. */
export const PAYMENT_METHOD_CODES: Record<SchedulePaymentMethodValue, 'A' | 'W' | 'C'> = {
  ACH: 'A',
  WIRE: 'W',
  CHECK: 'C',
};

const METHOD_BY_WORD: Record<string, SchedulePaymentMethodValue> = {
  A: 'ACH',
  ACH: 'ACH',
  W: 'WIRE',
  WIRE: 'WIRE',
  C: 'CHECK',
  CHECK: 'CHECK',
};

/** Schedule `PaymentMethod` (§3); another value reads as UNKNOWN with its text kept. */
const paymentMethod = coded(METHOD_BY_WORD);

const scheduleInvoiceFields = {
  ...invoiceFields,
  invoiceintegrationid: identifier,
  invoicear: decimal,
  refnum: text,
  duedate: invoiceFields.invoiceduedate,
};

type ScheduleInvoiceFields = z.output<z.ZodObject<typeof scheduleInvoiceFields>>;

function scheduleInvoiceOf(i: ScheduleInvoiceFields) {
  const invoice = toInvoiceReply(i);
  return {
    ...invoice,
    amount: invoice.amount ?? i.invoicear,
    refNumber: invoice.refNumber ?? i.refnum,
    invoiceDueDate: invoice.invoiceDueDate ?? i.duedate,
    integrationId: i.invoiceintegrationid,
  };
}

interface Identifiable {
  integrationId: string | null;
  invoiceNumber: string | null;
}

/**
 * An element with neither InvoiceIntegrationId nor InvoiceNumber can never be looked up again, so
 * it is no invoice record; it is left out of the schedule rather than failing the reply, because
 * one unidentifiable row must not hide the schedule and its other invoices. The docs say nothing
 * about such rows (the get-sched return table and example are cut off, §5.11).
 */
function identifiedOnly<T extends Identifiable>(invoices: T[]): T[] {
  return invoices.filter((invoice) => invoice.integrationId !== null || invoice.invoiceNumber !== null);
}

export const scheduleInvoiceSchema = z.preprocess(
  lowerCaseKeys,
  z.object(scheduleInvoiceFields).transform(scheduleInvoiceOf),
);
export type ScheduleInvoiceReply = z.output<typeof scheduleInvoiceSchema>;

/** Broker invoice objects (§4.1 broker variant): vendor, advance and the vendor's reference. */
export const brokerInvoiceSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      ...scheduleInvoiceFields,
      vendorkey: identifier,
      advanceamount: decimal,
      vendorinvoicenumber: text,
    })
    .transform((i) => ({
      ...scheduleInvoiceOf(i),
      vendorKey: i.vendorkey,
      advanceAmount: i.advanceamount,
      vendorInvoiceNumber: i.vendorinvoicenumber,
    })),
);
export type BrokerInvoiceReply = z.output<typeof brokerInvoiceSchema>;

export const SCHEDULE_KEYS = [
  'clientkey',
  'amount',
  'label',
  'notes',
  'paymentmethod',
  'integrationbatchid',
] as const;

function scheduleSchemaOf<R extends Identifiable>(invoice: z.ZodType<R, unknown>) {
  return z.preprocess(
    lowerCaseKeys,
    z
      .object({
        clientkey: identifier,
        amount: decimal,
        // `""` is how the docs' examples spell "no value" (§1.5): an empty schedule.
        invoicearray: listOrBlank(invoice).transform(identifiedOnly),
        label: text,
        notes: text,
        paymentmethod: paymentMethod,
        integrationbatchid: identifier,
      })
      .transform((s) => ({
        integrationBatchId: s.integrationbatchid,
        clientKey: s.clientkey,
        amount: s.amount,
        label: s.label,
        notes: s.notes,
        paymentMethod: s.paymentmethod.value,
        paymentMethodRaw: s.paymentmethod.raw,
        invoices: s.invoicearray,
      })),
  );
}

export const scheduleSchema = scheduleSchemaOf(scheduleInvoiceSchema);
export type ScheduleReply = z.output<typeof scheduleSchema>;

export const brokerScheduleSchema = scheduleSchemaOf(brokerInvoiceSchema);
export type BrokerScheduleReply = z.output<typeof brokerScheduleSchema>;
