import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../scalars/index.js';
import { confirmaInvoiceFields, confirmaMutation, confirmaQuery, confirmaTypes } from './confirma/index.js';
import {
  BrokerInvoice,
  BrokerSchedule,
  Client,
  ClientDebtor,
  Debtor,
  FactorCloudConnectionCheck,
  FactoringInvoice,
  FactoringPayment,
  FactoringPaymentBatch,
  Schedule,
  StoreFactoringDocumentPayload,
  factorCloudMutation,
  factorCloudQuery,
} from './factorcloud/index.js';
import { Distribution } from './Distribution.js';
import { Invoice } from './Invoice.js';
import { AppliedInvoiceFilter, InvoiceList } from './InvoiceList.js';
import { CaseBalance, CollectionCase, PaymentControl } from './PaymentControl.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  ...confirmaTypes,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query: { ...Query, ...confirmaQuery, ...factorCloudQuery },
  Mutation: { ...confirmaMutation, ...factorCloudMutation },
  InvoiceList,
  AppliedInvoiceFilter,
  Invoice: { ...Invoice, ...confirmaInvoiceFields },
  Distribution,
  PaymentControl,
  CollectionCase,
  CaseBalance,
  FactoringInvoice,
  Client,
  Debtor,
  ClientDebtor,
  Schedule,
  BrokerSchedule,
  BrokerInvoice,
  FactorCloudConnectionCheck,
  FactoringPayment,
  FactoringPaymentBatch,
  StoreFactoringDocumentPayload,
};
