import type {
  AppliedInvoiceFilterResolvers,
  InvoiceListResolvers,
} from '../__generated__/resolvers-types.js';

export const InvoiceList: InvoiceListResolvers = {
  totalCount: (page) => page.totalCount,
  successfulCount: (page) => page.successfulCount,
  failedCount: (page) => page.failedCount,
  filtersApplied: (page) => page.filtersApplied,
  nodes: (page) => page.entries.map((entry) => ({ invoiceNumber: entry.invoiceNumber, entry })),
};

export const AppliedInvoiceFilter: AppliedInvoiceFilterResolvers = {
  invoiceNumber: (applied) => applied.invoiceNumber,
  from: (applied) => applied.fromInvDate,
  to: (applied) => applied.toInvDate,
  fetchType: (applied) => applied.fetchType,
  defaultLast30DaysApplied: (applied) => applied.defaultLast30DaysApplied,
};
