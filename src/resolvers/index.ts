import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../scalars/index.js';
import { Client, FactoringInvoice } from './Factoring.js';
import { Invoice } from './Invoice.js';
import { AppliedInvoiceFilter, InvoiceList } from './InvoiceList.js';
import { CaseBalance, CollectionCase, PaymentControl } from './PaymentControl.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query,
  InvoiceList,
  AppliedInvoiceFilter,
  Invoice,
  PaymentControl,
  CollectionCase,
  CaseBalance,
  FactoringInvoice,
  Client,
};
