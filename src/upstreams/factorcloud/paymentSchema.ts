import { z } from 'zod';
import { date, decimal, list, text } from '../lenient.js';
import { coded } from './codes.js';
import { lowerCaseKeys } from './keys.js';

/**
 * The post-payments echo (factorcloud.md §5.18): the batch and its `PaymentDetails[]` as
 * FactorCloud stored them. The example is cut off after its first field, so every field is read
 * leniently; `PaymentDate` may come back as `MM-DD-YY` (the docs' example) or `YYYY-MM-DD`.
 */

export const PAYMENT_TYPES = ['ACH', 'CHECK', 'WIRE'] as const;
export type PaymentTypeValue = (typeof PAYMENT_TYPES)[number];

const PAYMENT_TYPE_BY_WORD: Record<string, PaymentTypeValue> = { ACH: 'ACH', CHECK: 'CHECK', WIRE: 'WIRE' };
/** `PaymentType` words (§3); another value reads as UNKNOWN with its text kept. */
const paymentType = coded(PAYMENT_TYPE_BY_WORD);

const paymentDetailSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      paymentdate: date,
      bankbatchitem: text,
      paymenttype: paymentType,
      amount: decimal,
      bankrefnumber: text,
      accountnumber: text,
      transactionnumber: text,
      remittername: text,
      memoline: text,
      invoicerefnumber: text,
      clientcode: text,
    })
    .transform((p) => ({
      paymentDate: p.paymentdate,
      bankBatchItem: p.bankbatchitem,
      paymentType: p.paymenttype.value,
      paymentTypeRaw: p.paymenttype.raw,
      amount: p.amount,
      bankRefNumber: p.bankrefnumber,
      accountNumber: p.accountnumber,
      transactionNumber: p.transactionnumber,
      remitterName: p.remittername,
      memoLine: p.memoline,
      invoiceRefNumber: p.invoicerefnumber,
      clientCode: p.clientcode,
    })),
);

export const PAYMENT_BATCH_KEYS = ['batchreference', 'batchtotal', 'accountnumber'] as const;

export const paymentBatchSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      batchreference: text,
      batchtotal: decimal,
      accountnumber: text,
      paymentdetails: list(paymentDetailSchema),
    })
    .transform((b) => ({
      batchReference: b.batchreference,
      batchTotal: b.batchtotal,
      accountNumber: b.accountnumber,
      payments: b.paymentdetails,
    })),
);
export type PaymentBatchReply = z.output<typeof paymentBatchSchema>;
