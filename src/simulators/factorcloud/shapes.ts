import type {
  FactorCloudBrokerTerms,
  FactorCloudDebtor,
  FactorCloudInvoice,
  FactorCloudReplyStyle,
  FactorCloudSchedule,
  SimulatorDataset,
} from '../dataset/types.js';
import type { JsonValue } from '../http.js';
import { INVOICE_FIELDS, render, styledValue, type FieldSpec, type JsonObject } from './replyStyle.js';

/** Reply shapes of the debtor and schedule reads (factorcloud.md §4.1 broker variant, §4.2, §5.11). */

/** Debtor read object, in the order of the docs' table and example (§4.2). */
export const DEBTOR_FIELDS: readonly FieldSpec<FactorCloudDebtor>[] = [
  ['ClientKey', 'text'],
  ['DebtorKey', 'text'],
  ['CompCode', 'text'],
  ['Name', 'text'],
  ['Address1', 'text'],
  ['Address2', 'text'],
  ['City', 'text'],
  ['State', 'text'],
  ['ZipCode', 'text'],
  ['Country', 'text'],
  ['Phone', 'text'],
  ['Fax', 'text'],
  ['Email', 'text'],
  ['MCNumber', 'text'],
  ['DOTNumber', 'text'],
  ['Notes', 'text'],
  ['CreditLimit', 'amount'],
  ['BuyStatus', 'boolean'],
];

type BrokerInvoice = FactorCloudInvoice & FactorCloudBrokerTerms;

/**
 * Broker invoice object (§4.1 broker variant), verified up to `LastPaymentMadeOn`. The docs cut
 * the list off there; the simulator ends it with `PaidInFull` and `PaidInFullOn` as in
 * get-invoice, and (as the docs' visible part shows) without `ClientKey`.
 */
const BROKER_INVOICE_FIELDS: readonly FieldSpec<BrokerInvoice>[] = [
  ['VendorKey', 'text'],
  ['DebtorKey', 'text'],
  ['InvoiceNumber', 'text'],
  ['InvoiceAmount', 'amount'],
  ['AdvanceAmount', 'amount'],
  ['InvoiceDate', 'date'],
  ['InvoiceDueDate', 'date'],
  ['InvoiceStatus', 'text'],
  ['RefNumber', 'text'],
  ['VendorInvoiceNumber', 'text'],
  ['InvoicePurchaseDate', 'date'],
  ['InvoiceFundDate', 'date'],
  ['EscrowReserveAmount', 'amount'],
  ['PaymentMade', 'text'],
  ['LastPaymentMadeOn', 'date'],
  ['PaidInFull', 'boolean'],
  ['PaidInFullOn', 'date'],
];

export function debtorJson(debtor: FactorCloudDebtor, style: FactorCloudReplyStyle): JsonObject {
  return render(debtor, DEBTOR_FIELDS, style);
}

/**
 * A get-sched invoice object: the §4.1 fields plus `InvoiceIntegrationId`. The docs' list stops
 * after `EscrowReserveAmount`; the simulator sends the rest of get-invoice's fields and adds the
 * id, without which a caller could not tell the invoices apart for get-invoice. `InvoiceNumber`
 * keeps its correct spelling here: the `InvoiceNumbe` typo is only in get-invoice's example.
 */
export function scheduleInvoiceJson(
  id: string,
  invoice: FactorCloudInvoice,
  style: FactorCloudReplyStyle,
): JsonObject {
  return { ...render(invoice, INVOICE_FIELDS, style), InvoiceIntegrationId: styledValue(id, 'text', style) };
}

/** A get-broker-sched invoice object: the broker variant plus `InvoiceIntegrationId`. */
export function brokerInvoiceJson(
  id: string,
  invoice: FactorCloudInvoice,
  terms: FactorCloudBrokerTerms,
  style: FactorCloudReplyStyle,
): JsonObject {
  const merged: BrokerInvoice = { ...invoice, ...terms };
  return {
    ...render(merged, BROKER_INVOICE_FIELDS, style),
    InvoiceIntegrationId: styledValue(id, 'text', style),
  };
}

/**
 * A get-sched / get-broker-sched reply (§5.11, §5.15): the schedule fields in the docs' order,
 * with `InvoiceArray` holding every invoice of the schedule. `extra` adds keys to one invoice
 * object (the create echo's `DocBase64` length).
 */
export function scheduleJson(
  dataset: SimulatorDataset,
  schedule: FactorCloudSchedule,
  shape: 'standard' | 'broker',
  extra: (id: string) => JsonObject = () => ({}),
): JsonObject {
  const style = schedule.replyStyle;
  const invoices: JsonValue[] = [];
  for (const id of schedule.invoiceIds) {
    const invoice = dataset.factorCloudInvoices.get(id)?.invoice;
    const terms = dataset.factorCloud.brokerTerms.get(id);
    if (!invoice) continue;
    const object =
      shape === 'broker' && terms
        ? brokerInvoiceJson(id, invoice, terms, style)
        : scheduleInvoiceJson(id, invoice, style);
    invoices.push({ ...object, ...extra(id) });
  }
  return {
    ClientKey: styledValue(schedule.ClientKey, 'text', style),
    Amount: styledValue(schedule.Amount, 'amount', style),
    InvoiceArray: invoices,
    Label: styledValue(schedule.Label, 'text', style),
    Notes: styledValue(schedule.Notes, 'text', style),
    PaymentMethod: styledValue(schedule.PaymentMethod, 'text', style),
    IntegrationBatchId: styledValue(schedule.IntegrationBatchId, 'text', style),
  };
}
