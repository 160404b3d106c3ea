import type { InvoiceResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { DistributionRecord } from '../upstreams/confirma/client.js';
import type { InvoiceModel } from './models.js';

/** The invoice's distribution record: from the list that brought it, or one lookup per number. */
async function distributionRecord(
  invoice: InvoiceModel,
  { loaders }: Context,
): Promise<DistributionRecord | null> {
  const entry = invoice.entry ?? (await loaders.confirma.distributionByInvoiceNumber.load(invoice.invoiceNumber));
  if (!entry) return null;
  // A record that broke the contract fails the fields that read it, not the whole list.
  if (entry.error) throw entry.error;
  return entry.record;
}

export const Invoice: InvoiceResolvers = {
  async __resolveReference(reference, context) {
    const entry = await context.loaders.confirma.distributionByInvoiceNumber.load(reference.invoiceNumber);
    return entry ? { invoiceNumber: reference.invoiceNumber, entry } : null;
  },

  invoiceNumber: (invoice) => invoice.invoiceNumber,

  distribution: (invoice, _args, context) => distributionRecord(invoice, context),

  async paymentControl(invoice, _args, context) {
    const record = await distributionRecord(invoice, context);
    // The invoice number rides along so `PaymentControl.case` can send it with the case id.
    return record?.paymentControl
      ? { ...record.paymentControl, invoiceNumber: record.invoiceNumber, unreadable: record.unreadable }
      : null;
  },

  factoring(invoice, _args, { loaders, factoringInvoiceId }) {
    return loaders.factorCloud.factoringInvoiceById.load(factoringInvoiceId(invoice.invoiceNumber));
  },
};
