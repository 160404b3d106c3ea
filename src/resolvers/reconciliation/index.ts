import type {
  InvoiceReconciliationConnectionResolvers,
  InvoiceReconciliationResolvers,
  InvoiceResolvers,
  QueryResolvers,
  ReconciliationGapResolvers,
} from '../../__generated__/resolvers-types.js';
import { primeFromPage } from '../../loaders/index.js';
import { pageOf } from '../../pagination/connection.js';
import { readPageArgs } from '../../pagination/pageArgs.js';
import { CONNECTION_PAGE_SIZES } from '../../pagination/pageSizes.js';
import { businessToday, checkInvoiceNumber, toDistributionQuery } from '../invoiceInput.js';
import { MISMATCH_CONNECTION, checkKinds, isListed, mismatchKey } from './mismatchPage.js';
import { reconcileInvoice } from './reconcileInvoice.js';

export const reconciliationInvoiceFields: InvoiceResolvers = {
  reconciliation: (invoice, _args, context) => reconcileInvoice(invoice, context),
};

export const reconciliationQuery: QueryResolvers = {
  invoiceReconciliation(_root, { invoiceNumber }, context) {
    const wanted = checkInvoiceNumber(invoiceNumber, 'invoiceNumber');
    return reconcileInvoice({ invoiceNumber: wanted }, context);
  },

  /**
   * Arguments are checked before any call; then the window's one distribution list, and every
   * invoice of it reconciled through the loaders (which batch and de-duplicate the reads).
   */
  async invoiceMismatches(_root, args, context) {
    const request = readPageArgs(MISMATCH_CONNECTION, args, CONNECTION_PAGE_SIZES);
    const kinds = checkKinds(args.kinds);
    const query = toDistributionQuery(args.filter, businessToday(context));
    const { loaders } = context;
    const page = await loaders.confirma.distributionPages.load(query);
    primeFromPage(loaders.confirma.distributionByInvoiceNumber, page);
    const all = await Promise.all(
      page.entries.map((entry) => reconcileInvoice({ invoiceNumber: entry.invoiceNumber, entry }, context)),
    );
    const listed = all.filter((found) => isListed(found, kinds, args.includeUnknown ?? false));
    return {
      ...pageOf(listed, mismatchKey, request),
      reconciledCount: all.length,
      unknownCount: all.filter((found) => found.status === 'UNKNOWN').length,
    };
  },
};

export const InvoiceReconciliation: InvoiceReconciliationResolvers = {
  invoiceNumber: (found) => found.invoice.invoiceNumber,
  invoice: (found) => found.invoice,
  status: (found) => found.status,
  mismatches: (found) => found.mismatches,
  unavailable: (found) => found.gaps,
  notChecked: (found) => found.notChecked,
  knownToConfirma: (found) => found.knownToConfirma,
  knownToFactorCloud: (found) => found.knownToFactorCloud,
};

export const ReconciliationGap: ReconciliationGapResolvers = {
  side: (gap) => gap.side,
  code: (gap) => gap.code,
  endpoint: (gap) => gap.endpoint,
};

export const InvoiceReconciliationConnection: InvoiceReconciliationConnectionResolvers = {
  reconciledCount: (connection) => connection.reconciledCount,
  unknownCount: (connection) => connection.unknownCount,
};
