/**
 * Exact decimal text for money. Amounts never pass through a binary float on their way out:
 * they arrive as source text (see http/json.ts) and are normalised as strings.
 */

const PLAIN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Normalises a decimal literal to plain notation with at least two fraction digits
 * (`"1250.5"` → `"1250.50"`, `"1e3"` → `"1000.00"`), or `undefined` when it is not a number.
 */
export function normalizeDecimal(text: string): string | undefined {
  const match = PLAIN.exec(text.trim());
  if (!match) return undefined;
  const [, sign, intPart = '', fracPart = '', exponent] = match;
  if (intPart === '' && fracPart === '') return undefined;
  let digits = intPart + fracPart;
  let pointAt = intPart.length + Number(exponent ?? 0);
  if (pointAt < 0) {
    digits = '0'.repeat(-pointAt) + digits;
    pointAt = 0;
  }
  if (pointAt > digits.length) digits += '0'.repeat(pointAt - digits.length);
  const whole = digits.slice(0, pointAt).replace(/^0+(?=\d)/, '') || '0';
  let fraction = digits.slice(pointAt).replace(/0+$/, '');
  if (fraction.length < 2) fraction = fraction.padEnd(2, '0');
  const isZero = /^0+$/.test(whole + fraction);
  return `${sign === '-' && !isZero ? '-' : ''}${whole}.${fraction}`;
}

/** Number of digits after the decimal point in a normalised or raw decimal literal. */
export function fractionDigits(text: string): number {
  const [, fraction = ''] = text.split('.');
  return fraction.replace(/0+$/, '').length;
}

/** Exact cents of a decimal with at most two fraction digits, or `undefined` if it has more. */
export function decimalToCents(text: string): bigint | undefined {
  const normalized = normalizeDecimal(text);
  if (normalized === undefined || fractionDigits(normalized) > 2) return undefined;
  const negative = normalized.startsWith('-');
  const [whole = '0', fraction = ''] = normalized.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** Decimal text (two fraction digits) of an amount in cents. */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
