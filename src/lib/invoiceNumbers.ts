/**
 * Confirma sends invoice numbers (and case and settlement ids) as integers in some replies and
 * strings in others (confirma.md §3.4). Numbers compare by value, so `"00123"` and `123` are the
 * same invoice. Every comparison, lookup key and sort key of such an id goes through here.
 */
export function normalizeInvoiceNumber(value: string): string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
}

/** Whether two ids name the same thing: all-digit ones by value, others as trimmed text. */
export function sameInvoiceNumber(a: string, b: string): boolean {
  return normalizeInvoiceNumber(a) === normalizeInvoiceNumber(b);
}

/**
 * A sort key that orders all-digit ids by value (`"9"` before `"10"`) and text ids after them,
 * by text; null sorts first. Up to 40 digits, longer than the ids of either API.
 */
export function invoiceNumberSortKey(id: string | null): string {
  if (id === null) return '';
  const normalized = normalizeInvoiceNumber(id);
  return /^\d{1,40}$/.test(normalized) ? normalized.padStart(40, '0') : normalized;
}
