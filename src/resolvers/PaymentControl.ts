import type {
  CaseBalanceResolvers,
  CollectionCaseResolvers,
  PaymentControlResolvers,
} from '../__generated__/resolvers-types.js';
import { readableDate } from './Distribution.js';
import { PAYMENT_CONTROL_STATUSES } from './invoiceEnums.js';
import { enumOrUnknown, rawText } from './upstreamEnum.js';

export const PaymentControl: PaymentControlResolvers = {
  enabled: (control) => control.enabled,
  agency: (control) => control.agency,
  status: (control) => enumOrUnknown(PAYMENT_CONTROL_STATUSES, control.status),
  statusRaw: (control) => rawText(control.status),
  caseId: (control) => control.caseId,
  activatedAt: (control) => readableDate(control, 'activatedAt'),
  case: (control, _args, { loaders }) =>
    control.caseId
      ? loaders.caseById.load({ caseId: control.caseId, invoiceNumber: control.invoiceNumber })
      : null,
};

export const CollectionCase: CollectionCaseResolvers = {
  caseId: (found) => found.summary.caseId,
  status: (found) => found.summary.status,
  stage: (found) => found.summary.stage,
  createdAt: (found) => found.summary.createdAt,
  closedAt: (found) => found.summary.closedAt,
  activeDays: (found) => found.summary.activeDays,
  creditor: (found) => found.summary.creditor,
  currency: (found) => found.summary.currency,
  agency: (found) => found.summary.agency,
  balance: (found) => found.balance ?? null,
};

export const CaseBalance: CaseBalanceResolvers = {
  capitalAmount: (balance) => balance.capitalAmount,
  interestAmount: (balance) => balance.interestAmount,
  costsAmount: (balance) => balance.costsAmount,
  totalAmount: (balance) => balance.totalAmount,
};
