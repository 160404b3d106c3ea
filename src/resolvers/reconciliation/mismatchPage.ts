import { badUserInput } from '../../errors.js';
import { invoiceSortKey } from '../InvoiceConnection.js';
import type { SortKey } from '../../pagination/cursor.js';
import type { MismatchKind } from '../../reconciliation/index.js';
import type { InvoiceReconciliationModel } from '../models.js';

/** The connection's name in its cursors. */
export const MISMATCH_CONNECTION = 'invoiceMismatches';

/** The order of `invoices` (by invoice number), so both lists of a window line up. */
export function mismatchKey(found: InvoiceReconciliationModel): SortKey {
  return invoiceSortKey(found.invoice);
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
