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
import { AppliedInvoiceFilter, InvoiceConnection } from './InvoiceConnection.js';
import { PaymentControl } from './PaymentControl.js';
import { Query } from './Query.js';
import {
  InvoiceReconciliation,
  InvoiceReconciliationConnection,
  ReconciliationGap,
  reconciliationInvoiceFields,
  reconciliationQuery,
} from './reconciliation/index.js';

export const resolvers: Resolvers = {
  ...confirmaTypes,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query: { ...Query, ...confirmaQuery, ...factorCloudQuery, ...reconciliationQuery },
  Mutation: { ...confirmaMutation, ...factorCloudMutation },
  InvoiceConnection,
  AppliedInvoiceFilter,
  Invoice: { ...Invoice, ...confirmaInvoiceFields, ...reconciliationInvoiceFields },
  Distribution,
  PaymentControl,
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
  InvoiceReconciliation,
  InvoiceReconciliationConnection,
  ReconciliationGap,
};
