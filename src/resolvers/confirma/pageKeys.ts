import { createHash } from 'node:crypto';
import type { SortKey } from '../../pagination/cursor.js';
import type { LedgerStatusRecord, PaymentStatusRecord } from '../../upstreams/confirma/endpoints/accounting.js';
import type { PaymentRecord, SettlementRecord } from '../../upstreams/confirma/moneySchemas.js';
import { invoiceNumberSortKey } from '../../lib/invoiceNumbers.js';

/**
 * The documented order of each Confirma connection, as `pageOf` keys. Confirma pages nothing
 * (confirma.md §3.3): each connection pages the whole list of one window read.
 */

/**
 * Keys from `keyOf`, made unique: records whose keys are equal (records with no id of their own
 * that agree in every field) get their position among them, in the upstream's order, as a last
 * element. Such records cannot be told apart, so which of them a cursor names does not matter;
 * each is still listed once.
 */
export function uniqueKeys<T extends object>(
  records: readonly T[],
  keyOf: (record: T) => SortKey,
): (record: T) => SortKey {
  const seen = new Map<string, number>();
  const keys = new Map<T, SortKey>();
  for (const record of records) {
    const key = keyOf(record);
    const text = JSON.stringify(key);
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    keys.set(record, [...key, occurrence]);
  }
  return (record) => keys.get(record) ?? [...keyOf(record), 0];
}

/**
 * Payments have no id of their own (§4.9): payment date, booking date, case id, invoice number,
 * then a digest of the other fields (references, payer, amount, currency), so a payment added or
 * removed between pages moves no other payment across a cursor. A digest rather than the fields
 * themselves keeps the payer's name and references out of the cursor text.
 */
export const paymentKey = (p: PaymentRecord): SortKey => [
  p.paymentDate ?? '',
  p.bookingDate ?? '',
  invoiceNumberSortKey(p.caseId),
  invoiceNumberSortKey(p.invoiceNumber),
  createHash('sha256')
    .update(
      JSON.stringify([
        p.invoicePaymentReference,
        p.originalPaymentReference,
        p.accountName,
        p.amount,
        p.currency,
      ]),
    )
    .digest('base64url')
    .slice(0, 16),
];

/** Settlement date, then settlement id by value. */
export const settlementKey = (s: SettlementRecord): SortKey => [
  s.settlementDate ?? '',
  invoiceNumberSortKey(s.settlementId),
];

/** Document date, then the source identifier (the submitted `ledgerIdentifier`). */
export const ledgerStatusKey = (l: LedgerStatusRecord): SortKey => [
  l.documentDate ?? '',
  invoiceNumberSortKey(l.sourceIdentifier),
];

/** Payment date, then the source identifier (the submitted `paymentIdentifier`). */
export const paymentStatusKey = (p: PaymentStatusRecord): SortKey => [
  p.paymentDate ?? '',
  invoiceNumberSortKey(p.sourceIdentifier),
];
