import type {
  InvoiceResolvers,
  MutationResolvers,
  QueryResolvers,
  Resolvers,
} from '../../__generated__/resolvers-types.js';
import {
  AccountingPaymentSyncStatus,
  LedgerSyncStatus,
  accountingMutation,
  accountingQuery,
} from './accounting.js';
import { QueuedInvoiceAction, casesMutation, casesQuery } from './cases.js';
import { invoicingMutation } from './invoicing.js';
import { CaseAction, CaseBalance, CollectionCase } from './collectionCase.js';
import {
  AllocationPart,
  CollectionPayment,
  Settlement,
  SettlementAllocation,
  invoiceMoney,
  moneyMutation,
  moneyQuery,
} from './money.js';
import { onboardingQuery } from './onboarding.js';

/** The Confirma operations beyond reading invoices: token check, writes, money, accounting. */
export const confirmaQuery: QueryResolvers = {
  ...onboardingQuery,
  ...casesQuery,
  ...moneyQuery,
  ...accountingQuery,
};
export const confirmaMutation: MutationResolvers = {
  ...invoicingMutation,
  ...moneyMutation,
  ...casesMutation,
  ...accountingMutation,
};
export const confirmaInvoiceFields: InvoiceResolvers = invoiceMoney;
export const confirmaTypes: Resolvers = {
  QueuedInvoiceAction,
  CollectionCase,
  CaseBalance,
  CaseAction,
  CollectionPayment,
  Settlement,
  SettlementAllocation,
  AllocationPart,
  LedgerSyncStatus,
  AccountingPaymentSyncStatus,
};
