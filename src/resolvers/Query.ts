import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { primeFromPage } from '../loaders/index.js';
import { readPageArgs } from '../pagination/pageArgs.js';
import { CONNECTION_PAGE_SIZES } from '../pagination/pageSizes.js';
import { INVOICES_CONNECTION, invoicePage } from './InvoiceConnection.js';
import { businessToday, checkInvoiceNumber, toDistributionQuery } from './invoiceInput.js';

export const Query: QueryResolvers = {
  /**
   * Confirma lists a whole window and has no paging (confirma.md §3.3), so each page is cut
   * from the window's one list call; with the read cache on, later pages of the same window are
   * served from it. Arguments are checked before that call.
   */
  async invoices(_root, { filter, first, after, last, before }, context) {
    const request = readPageArgs(INVOICES_CONNECTION, { first, after, last, before }, CONNECTION_PAGE_SIZES);
    const query = toDistributionQuery(filter, businessToday(context));
    const { loaders } = context;
    const window = await loaders.confirma.distributionPages.load(query);
    primeFromPage(loaders.confirma.distributionByInvoiceNumber, window);
    return invoicePage(window, request);
  },

  async invoice(_root, { invoiceNumber }, { loaders }) {
    const wanted = checkInvoiceNumber(invoiceNumber, 'invoiceNumber');
    const entry = await loaders.confirma.distributionByInvoiceNumber.load(wanted);
    return entry ? { invoiceNumber: entry.invoiceNumber, entry } : null;
  },
};
