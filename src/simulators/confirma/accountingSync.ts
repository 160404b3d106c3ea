import type { AccountingPaymentRecord, ConfirmaState, LedgerRecord, SyncState } from './state.js';

/**
 * The accounting sync outcome (confirma.md §4.13, §4.15). Docs give `0 "Pending"` and
 * `1 "Successfully synced"` and mention failures without a code; the simulator uses
 * `2 "Synchronization failed: <reason>"`. Failures are deterministic and follow what a target
 * system (Netvisor, Procountor, NetBaron) would refuse:
 * - a ledger fails when an account number (or VAT account) is not in the target chart of
 *   accounts, which the simulator models as every four-digit number `1000`–`9999`;
 * - a payment fails when no receivable matches it: no invoice with that number
 *   (`targetIdentifier: invoicenumber`) or that payment reference (`paymentreference`).
 * `syncDate` is the day of the attempt (today) for both outcomes; it is `null` while pending.
 * A synced ledger's `documentStatus` is `Approved` (the docs' example); it is `null` while pending
 * or failed (no document exists in the target system).
 */

export const PENDING_SYNC = { status: 0, description: 'Pending', syncDate: null } as const;

export function syncLedger(state: ConfirmaState, ledger: LedgerRecord): void {
  const unknown = ledger.accountNumbers.find((account) => !/^[1-9]\d{3}$/.test(account));
  if (unknown === undefined) {
    ledger.documentStatus = 'Approved';
    complete(state, ledger.sync, undefined);
  } else {
    complete(state, ledger.sync, `account ${unknown} is not in the target chart of accounts`);
  }
}

export function syncAccountingPayment(state: ConfirmaState, payment: AccountingPaymentRecord): void {
  const invoices = [...state.dataset.confirmaInvoices.values()];
  const reference = payment.paymentReference?.replaceAll(' ', '').toUpperCase() ?? '';
  const matched =
    payment.targetIdentifier === 'invoicenumber'
      ? state.dataset.confirmaInvoices.has(Number(payment.invoiceNumber))
      : invoices.some((invoice) => invoice.paymentReference === reference);
  const target =
    payment.targetIdentifier === 'invoicenumber'
      ? `invoice number ${payment.invoiceNumber}`
      : `payment reference ${reference}`;
  complete(state, payment.sync, matched ? undefined : `no receivable with ${target} in the target system`);
}

function complete(state: ConfirmaState, sync: SyncState, failure: string | undefined): void {
  sync.syncDate = state.today;
  if (failure === undefined) {
    sync.status = 1;
    sync.description = 'Successfully synced';
  } else {
    sync.status = 2;
    sync.description = `Synchronization failed: ${failure}`;
  }
}
