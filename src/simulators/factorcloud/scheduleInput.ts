import { amountToCents, centsToAmount } from '../dataset/money.js';
import {
  FACTORCLOUD_PAYMENT_METHODS,
  type Amount,
  type FactorCloudBrokerTerms,
  type FactorCloudPaymentMethod,
  type IsoDate,
} from '../dataset/types.js';
import type { FieldReader } from './fields.js';

/**
 * Reading a create-sched (factorcloud.md §5.10) or create-sched-broker (§5.14) body. Only the
 * body's own rules live here; what needs the stored state (clients, debtors, ids) is checked by
 * the caller.
 */

export interface ScheduleInvoiceInput {
  DebtorKey: string;
  InvoiceNumber: string;
  InvoiceAr: Amount;
  InvoiceIntegrationId: string;
  InvoiceDate: IsoDate;
  DueDate: IsoDate;
  RefNum: string | null;
  /** The docs echo `DocBase64` as "the length of the string" (§5.10). */
  DocBase64Length: number | null;
  /** Broker schedules only. */
  broker: FactorCloudBrokerTerms | undefined;
}

export interface ScheduleInput {
  ClientKey: string;
  Amount: Amount;
  Label: string | null;
  Notes: string | null;
  PaymentMethod: FactorCloudPaymentMethod;
  IntegrationBatchId: string;
  invoices: ScheduleInvoiceInput[];
}

export interface ScheduleRules {
  kind: 'standard' | 'broker';
  today: IsoDate;
  strictAmount: boolean;
}

/** The schedule, or `undefined` with the problems recorded on `r`. */
export function readSchedule(r: FieldReader, rules: ScheduleRules): ScheduleInput | undefined {
  const ClientKey = r.text('ClientKey', true);
  const Amount = r.amount('Amount', { required: true, positive: true });
  const readers = r.objects('InvoiceArray') ?? [];
  const invoices = readers.map((reader) => readInvoice(reader, rules));
  const Label = r.text('Label') ?? null;
  const Notes = r.text('Notes') ?? null;
  const PaymentMethod = r.choice('PaymentMethod', FACTORCLOUD_PAYMENT_METHODS, true);
  const IntegrationBatchId = r.text('IntegrationBatchId', true);

  const firstIndex = new Map<string, number>();
  invoices.forEach((invoice, index) => {
    if (!invoice) return;
    const seen = firstIndex.get(invoice.InvoiceIntegrationId);
    if (seen === undefined) firstIndex.set(invoice.InvoiceIntegrationId, index);
    else r.problem(`InvoiceArray[${index}].InvoiceIntegrationId`, `repeats InvoiceArray[${seen}]`);
  });
  const valid = invoices.filter((invoice) => invoice !== undefined);
  // Docs: Amount is "the sum of the invoices" (§5.10) but their example breaks that (100 vs 725)
  // and the server's check is undocumented, so it is switchable (`strictScheduleAmount`).
  if (rules.strictAmount && Amount && valid.length === invoices.length && valid.length > 0) {
    const sum = valid.reduce((total, invoice) => total + amountToCents(invoice.InvoiceAr), 0);
    if (sum !== amountToCents(Amount))
      r.problem('Amount', `must equal the sum of InvoiceAr (${centsToAmount(sum)})`);
  }
  if (r.failed || !ClientKey || !Amount || !PaymentMethod || !IntegrationBatchId) return undefined;
  return { ClientKey, Amount, Label, Notes, PaymentMethod, IntegrationBatchId, invoices: valid };
}

/**
 * One invoice object. Docs: InvoiceDate and DueDate are `YYYY-MM-DD` and default to today
 * (§5.10). Docs are silent on a due date before the invoice date: the simulator rejects it, and
 * so defaults DueDate to the later of today and InvoiceDate (a future-dated invoice is not due
 * before it is issued).
 */
function readInvoice(r: FieldReader, rules: ScheduleRules): ScheduleInvoiceInput | undefined {
  const DebtorKey = r.text('DebtorKey', true);
  const broker = rules.kind === 'broker' ? readBrokerTerms(r) : undefined;
  const InvoiceDate = r.date('InvoiceDate') ?? rules.today;
  const InvoiceNumber = r.text('InvoiceNumber', true);
  const InvoiceAr = r.amount('InvoiceAr', { required: true, positive: true });
  const RefNum = r.text('RefNum') ?? null;
  const DueDate = r.date('DueDate') ?? (rules.today >= InvoiceDate ? rules.today : InvoiceDate);
  const InvoiceIntegrationId = r.text('InvoiceIntegrationId', true);
  const doc = r.base64('DocBase64');
  if (DueDate < InvoiceDate) r.problem('DueDate', 'must not be before InvoiceDate');
  // Docs: the advance "may not exceed the advance % in the client's terms" (§5.14). Terms are not
  // modelled, so the simulator's rule is the hard ceiling: 0 < AdvanceAmount <= InvoiceAr.
  if (broker && InvoiceAr && amountToCents(broker.AdvanceAmount) > amountToCents(InvoiceAr)) {
    r.problem('AdvanceAmount', `must not exceed InvoiceAr (${InvoiceAr})`);
  }
  if (!DebtorKey || !InvoiceNumber || !InvoiceAr || !InvoiceIntegrationId) return undefined;
  if (rules.kind === 'broker' && !broker) return undefined;
  return {
    DebtorKey,
    InvoiceNumber,
    InvoiceAr,
    InvoiceIntegrationId,
    InvoiceDate,
    DueDate,
    RefNum,
    DocBase64Length: doc ? doc.length : null,
    broker,
  };
}

function readBrokerTerms(r: FieldReader): FactorCloudBrokerTerms | undefined {
  const VendorKey = r.text('VendorKey', true);
  const AdvanceAmount = r.amount('AdvanceAmount', { required: true, positive: true });
  const VendorInvoiceNumber = r.text('VendorInvoiceNumber') ?? null;
  if (!VendorKey || !AdvanceAmount) return undefined;
  return { VendorKey, AdvanceAmount, VendorInvoiceNumber };
}
