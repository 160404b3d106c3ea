/**
 * Reads an upstream code into a schema enum. Codes are matched after trimming and in capitals
 * (`"delivered"` reads as DELIVERED); a code outside the documented list reads as UNKNOWN, so a
 * new upstream value never fails the field, and the upstream's text stays available in the
 * field's `…Raw` sibling (resolve that with `rawText`). No code: null.
 */
export function enumOrUnknown<T extends string>(
  known: readonly T[],
  raw: string | null | undefined,
): T | 'UNKNOWN' | null {
  if (raw == null || raw.trim() === '') return null;
  const code = raw.trim().toUpperCase();
  return (known as readonly string[]).includes(code) ? (code as T) : 'UNKNOWN';
}

/** The `…Raw` sibling of an enum field: the upstream's text as sent, null when it sent none. */
export function rawText(raw: string | null | undefined): string | null {
  return raw == null || raw.trim() === '' ? null : raw;
}
