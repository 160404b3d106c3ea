import type {
  CaseActionResolvers,
  CaseBalanceResolvers,
  CollectionCaseResolvers,
} from '../../__generated__/resolvers-types.js';
import { ACTION_CODES } from '../../validation/confirmaRequests.js';
import { moneyOf } from '../money.js';
import { enumOrUnknown, rawText } from '../upstreamEnum.js';

/**
 * Case statuses and stages: Confirma's docs list none (confirma.md §4.6, §8); these are the values
 * its simulator uses and the life-cycle prose describes (reminder, then collection). Anything
 * else reads as UNKNOWN with the text in `statusRaw`/`stageRaw`.
 */
export const CASE_STATUSES = ['ACTIVE', 'REMINDER', 'COLLECTION', 'PAUSED', 'CLOSED'] as const;
export const CASE_STAGES = ['INVOICE', 'REMINDER', 'NOTICE', 'COLLECTION'] as const;
/** Only PENDING is documented (actions "are queued as pending"); the others are the simulator's. */
export const ACTION_STATUSES = ['PENDING', 'APPLIED', 'REJECTED'] as const;

export const CollectionCase: CollectionCaseResolvers = {
  caseId: (found) => found.summary.caseId,
  status: (found) => enumOrUnknown(CASE_STATUSES, found.summary.status),
  statusRaw: (found) => rawText(found.summary.status),
  stage: (found) => enumOrUnknown(CASE_STAGES, found.summary.stage),
  stageRaw: (found) => rawText(found.summary.stage),
  createdAt: (found) => found.summary.createdAt,
  closedOn: (found) => found.summary.closedAt,
  activeDays: (found) => found.summary.activeDays,
  creditor: (found) => found.summary.creditor,
  agency: (found) => found.summary.agency,
  balance: (found) => (found.balance ? { ...found.balance, currency: found.summary.currency } : null),
  // A payment in the case's history belongs to this case, and is in the case's currency unless
  // it states its own.
  payments: (found) =>
    found.payments.map((payment) => ({
      ...payment,
      caseId: payment.caseId ?? found.summary.caseId,
      currency: payment.currency ?? found.summary.currency,
    })),
};

export const CaseBalance: CaseBalanceResolvers = {
  capitalAmount: (balance, _args, { currencies }) =>
    moneyOf(balance.capitalAmount, balance.currency, 'confirma', currencies),
  interestAmount: (balance, _args, { currencies }) =>
    moneyOf(balance.interestAmount, balance.currency, 'confirma', currencies),
  costsAmount: (balance, _args, { currencies }) =>
    moneyOf(balance.costsAmount, balance.currency, 'confirma', currencies),
  totalAmount: (balance, _args, { currencies }) =>
    moneyOf(balance.totalAmount, balance.currency, 'confirma', currencies),
};

export const CaseAction: CaseActionResolvers = {
  code: (action) => enumOrUnknown(ACTION_CODES, action.code),
  codeRaw: (action) => rawText(action.code),
  status: (action) => enumOrUnknown(ACTION_STATUSES, action.status),
  statusRaw: (action) => rawText(action.status),
};
