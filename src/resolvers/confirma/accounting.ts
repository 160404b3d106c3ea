import type {
  AccountingPaymentSyncStatusResolvers,
  LedgerSyncStatusResolvers,
  MutationResolvers,
  QueryResolvers,
  SyncState,
} from '../../__generated__/resolvers-types.js';
import { submitLedgerSchema, submitPaymentsSchema } from '../../validation/confirmaAccounting.js';
import { pageOf } from '../../pagination/connection.js';
import { readPageArgs } from '../../pagination/pageArgs.js';
import { CONNECTION_PAGE_SIZES } from '../../pagination/pageSizes.js';
import { validateInput } from '../../validation/userErrors.js';
import { ledgerStatusKey, paymentStatusKey, uniqueKeys } from './pageKeys.js';
import { guardedWrite } from '../guardedWrite.js';
import { refusedByConfirma } from './refused.js';

/** 0 "Pending", 1 "Successfully synced" (documented); the failure code is not, so any other is FAILED. */
function syncState(status: number | null): SyncState | null {
  if (status === null) return null;
  if (status === 0) return 'PENDING';
  return status === 1 ? 'SYNCED' : 'FAILED';
}

/**
 * Without filters the status reads list every document or payment ever submitted, a list that
 * only grows: cursor connections over one status read per page (the read cache answers later
 * pages of the same filters).
 */
export const accountingQuery: QueryResolvers = {
  async ledgerSyncStatus(_root, { sourceIdentifier, ...page }, { upstreams }) {
    const request = readPageArgs('ledgerSyncStatus', page, CONNECTION_PAGE_SIZES);
    const ledgers = await upstreams.confirma.ledgerStatus({
      sourceIdentifier: sourceIdentifier ?? undefined,
    });
    return pageOf(ledgers, uniqueKeys(ledgers, ledgerStatusKey), request);
  },
  async accountingPaymentSyncStatus(_root, { sourceIdentifier, invoiceNumber, ...page }, { upstreams }) {
    const request = readPageArgs('accountingPaymentSyncStatus', page, CONNECTION_PAGE_SIZES);
    const payments = await upstreams.confirma.paymentStatus({
      sourceIdentifier: sourceIdentifier ?? undefined,
      invoiceNumber: invoiceNumber ?? undefined,
    });
    return pageOf(payments, uniqueKeys(payments, paymentStatusKey), request);
  },
};

export const accountingMutation: MutationResolvers = {
  submitLedger: guardedWrite('submitLedger', {}, async ({ input }, { upstreams }) => {
    const valid = validateInput(submitLedgerSchema, input);
    if (!valid.ok) return { ledger: null, userErrors: valid.userErrors };
    const result = await upstreams.confirma.submitLedger(valid.value);
    if (!result.ok) {
      return {
        ledger: null,
        userErrors: [refusedByConfirma(result, ['input', 'ledgerIdentifier'], 'ledger document')],
      };
    }
    const id = valid.value.ledgerIdentifier;
    const [status] = await upstreams.confirma.ledgerStatus({ sourceIdentifier: id });
    return {
      ledger: status ?? pendingLedger(id, valid.value.documentName, valid.value.documentDate),
      userErrors: [],
    };
  }),

  submitAccountingPayments: guardedWrite('submitAccountingPayments', {}, async ({ input }, { upstreams }) => {
    const valid = validateInput(submitPaymentsSchema, input);
    if (!valid.ok) return { payments: [], userErrors: valid.userErrors };
    const result = await upstreams.confirma.submitPayments(valid.value);
    if (!result.ok)
      return {
        payments: [],
        userErrors: [refusedByConfirma(result, ['input', 'payments'], 'payments')],
      };
    // The submit response is undocumented: report each payment as queued.
    return {
      payments: valid.value.payments.map((p) => ({
        sourceIdentifier: p.paymentIdentifier,
        invoiceNumber: p.invoiceNumber,
        paymentDate: p.paymentDate,
        syncDate: null,
        status: 0,
        description: 'Pending',
      })),
      userErrors: [],
    };
  }),
};

function pendingLedger(sourceIdentifier: string, documentName: string, documentDate: string) {
  return {
    sourceIdentifier,
    documentName,
    documentDate,
    documentStatus: null,
    syncDate: null,
    status: 0,
    description: 'Pending',
  };
}

export const LedgerSyncStatus: LedgerSyncStatusResolvers = {
  state: (ledger) => syncState(ledger.status),
  statusCode: (ledger) => ledger.status,
};

export const AccountingPaymentSyncStatus: AccountingPaymentSyncStatusResolvers = {
  state: (payment) => syncState(payment.status),
  statusCode: (payment) => payment.status,
};
