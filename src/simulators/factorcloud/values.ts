import type { JsonValue } from '../http.js';

/** Scalar parsing the field readers share: money as exact cents, strict Base64. */

/** Cents from a JSON number or numeric string; `undefined` when not a two-decimal amount. */
export function centsOf(value: JsonValue): number | undefined {
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'string') text = value.trim();
  else return undefined;
  // Trailing zeros past the cent are harmless ("100.000"); anything else would need rounding.
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,2})0*)?$/.exec(text);
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** Decoded length of strict Base64 (padding optional only at the very end), whitespace ignored. */
export function base64ByteLength(text: string): number | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0) return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').length;
}
