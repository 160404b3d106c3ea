import { badUserInput } from '../../errors.js';
import { normalizeInvoiceNumber } from '../../loaders/index.js';
import type { SortKey } from '../../pagination/cursor.js';
import type { MismatchKind } from '../../reconciliation/index.js';
import type { InvoiceReconciliationModel } from './reconcileInvoice.js';

/** The connection's name in its cursors. */
export const MISMATCH_CONNECTION = 'invoiceMismatches';

/**
 * Order: invoice number, numerically for digit strings (shorter first, then by digits), which
 * is Confirma's series order; the number is the record's id, so the key is unique.
 */
export function mismatchKey(found: InvoiceReconciliationModel): SortKey {
  const number = normalizeInvoiceNumber(found.invoice.invoiceNumber);
  return [number.length, number];
}

/** `kinds: []` would list nothing; refused so an empty selection is not read as "all". */
export function checkKinds(
  kinds: readonly MismatchKind[] | null | undefined,
): ReadonlySet<MismatchKind> | undefined {
  if (kinds == null) return undefined;
  if (kinds.length === 0) {
    throw badUserInput('kinds: give at least one mismatch kind, or omit `kinds` for every kind.', 'kinds');
  }
  return new Set(kinds);
}

/** Whether an invoice's reconciliation belongs in the list. */
export function isListed(
  found: InvoiceReconciliationModel,
  kinds: ReadonlySet<MismatchKind> | undefined,
  includeUnknown: boolean,
): boolean {
  if (found.status === 'UNKNOWN' && includeUnknown) return true;
  return found.mismatches.some((mismatch) => kinds === undefined || kinds.has(mismatch.kind));
}
