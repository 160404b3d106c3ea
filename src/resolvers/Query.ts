import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { primeFromPage } from '../loaders/index.js';
import { businessToday, checkInvoiceNumber, toDistributionQuery } from './invoiceInput.js';

export const Query: QueryResolvers = {
  async invoices(_root, { filter }, context) {
    const { loaders } = context;
    const page = await loaders.distributionPages.load(toDistributionQuery(filter, businessToday(context)));
    primeFromPage(loaders.distributionByInvoiceNumber, page);
    return page;
  },

  async invoice(_root, { invoiceNumber }, { loaders }) {
    const wanted = checkInvoiceNumber(invoiceNumber, 'invoiceNumber');
    const entry = await loaders.distributionByInvoiceNumber.load(wanted);
    return entry ? { invoiceNumber: entry.invoiceNumber, entry } : null;
  },
};
