/**
 * Confirma sends invoice numbers as integers in some replies and strings in others
 * (confirma.md §3.4). Numbers compare by value, so `"00123"` and `123` are the same invoice.
 */
export function normalizeInvoiceNumber(value: string): string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed;
}
