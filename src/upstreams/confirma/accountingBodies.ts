import { exactNumber } from '../../http/json.js';
import type { SubmitLedgerInput, SubmitPaymentsInput } from './writeTypes.js';

/** Wire bodies of the accounting submits (confirma.md §4.12, §4.14), amounts as exact JSON numbers. */

/** The body's `ledgers` is an object, not an array, as in the docs' example; isVatRow is 0/1. */
export function ledgerBody(input: SubmitLedgerInput) {
  return {
    ledgers: {
      ...input,
      documentDescription: input.documentDescription ?? '',
      ledgerRows: input.ledgerRows.map((row) => ({
        ...row,
        vatPercentage: exactNumber(row.vatPercentage ?? '0'),
        vatCode: row.vatCode ?? '',
        amount: exactNumber(row.amount),
        netAmount: exactNumber(row.netAmount ?? row.amount),
        isVatRow: row.isVatRow ? 1 : 0,
      })),
    },
  };
}

const TARGETS = { INVOICE_NUMBER: 'invoicenumber', PAYMENT_REFERENCE: 'paymentreference' } as const;

export function accountingPaymentsBody(input: SubmitPaymentsInput) {
  return {
    payments: input.payments.map((payment) => ({
      ...payment,
      amount: exactNumber(payment.amount),
      targetIdentifier: TARGETS[payment.targetIdentifier ?? 'INVOICE_NUMBER'],
    })),
  };
}
