import { amountToCents, centsToAmount } from '../dataset/money.js';
import {
  FACTORCLOUD_PAYMENT_TYPES,
  type Amount,
  type FactorCloudPaymentDetail,
  type IsoDate,
} from '../dataset/types.js';
import type { FieldReader } from './fields.js';

/** Reading a post-payments body (factorcloud.md §5.18); matching and applying live in payments.ts. */

export type PaymentDetailInput = Omit<FactorCloudPaymentDetail, 'matchedInvoiceId'>;

export interface PaymentBatchInput {
  BatchReference: string;
  BatchTotal: Amount;
  AccountNumber: string;
  PaymentDetails: PaymentDetailInput[];
}

/**
 * The batch, or `undefined` with the problems recorded on `r`. Required fields follow the docs'
 * table. Docs leave `PaymentDetails`' required column blank; the simulator requires at least one
 * item, since a batch total must add up from something. Docs say BatchTotal "should equal the
 * sum of the items"; the simulator enforces it (switch: `strictBatchTotal`).
 */
export function readPaymentBatch(
  r: FieldReader,
  rules: { today: IsoDate; strictTotal: boolean },
): PaymentBatchInput | undefined {
  const BatchReference = r.text('BatchReference', true);
  const BatchTotal = r.amount('BatchTotal', { required: true, positive: true });
  const AccountNumber = r.text('AccountNumber', true);
  const readers = r.objects('PaymentDetails') ?? [];
  const details = readers.map((reader) => readDetail(reader, rules.today));
  const valid = details.filter((detail) => detail !== undefined);
  if (rules.strictTotal && BatchTotal && valid.length > 0 && valid.length === details.length) {
    const sum = valid.reduce((total, detail) => total + amountToCents(detail.Amount), 0);
    if (sum !== amountToCents(BatchTotal)) {
      r.problem('BatchTotal', `must equal the sum of PaymentDetails Amount (${centsToAmount(sum)})`);
    }
  }
  if (r.failed || !BatchReference || !BatchTotal || !AccountNumber) return undefined;
  return { BatchReference, BatchTotal, AccountNumber, PaymentDetails: valid };
}

/**
 * One `PaymentDetails[]` item. `PaymentDate` is `MM-DD-YY` (the docs' example) or `YYYY-MM-DD`
 * and is stored as `YYYY-MM-DD`; docs are silent on dates in the future, which the simulator
 * rejects (a bank date is when money arrived). `Amount` is typed String in the docs but must
 * still be a positive amount. `FinancialDocs` must be Base64 and, as create-sched does for
 * `DocBase64`, only its length is kept and echoed.
 */
function readDetail(r: FieldReader, today: IsoDate): PaymentDetailInput | undefined {
  const PaymentDate = r.paymentDate('PaymentDate', true);
  if (PaymentDate && PaymentDate > today) r.problem('PaymentDate', `must not be after today (${today})`);
  const BankBatchItem = r.text('BankBatchItem') ?? null;
  const PaymentType = r.choice('PaymentType', FACTORCLOUD_PAYMENT_TYPES, true);
  const Amount = r.amount('Amount', { required: true, positive: true });
  const BankRefNumber = r.text('BankRefNumber') ?? null;
  const AccountNumber = r.text('AccountNumber') ?? null;
  const TransactionNumber = r.text('TransactionNumber', true);
  const RemitterName = r.text('RemitterName') ?? null;
  const MemoLine = r.text('MemoLine') ?? null;
  const InvoiceRefNumber = r.text('InvoiceRefNumber') ?? null;
  const ClientCode = r.text('ClientCode') ?? null;
  const FinancialDocs = r.base64('FinancialDocs');
  if (!PaymentDate || !PaymentType || !Amount || !TransactionNumber) return undefined;
  return {
    PaymentDate,
    BankBatchItem,
    PaymentType,
    Amount,
    BankRefNumber,
    AccountNumber,
    TransactionNumber,
    RemitterName,
    MemoLine,
    InvoiceRefNumber,
    ClientCode,
    FinancialDocsLength: FinancialDocs ? FinancialDocs.length : null,
  };
}
