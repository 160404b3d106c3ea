/**
 * Exact decimal text for money. Amounts never pass through a binary float on their way out:
 * they arrive as source text (see http/json.ts) and are normalised as strings.
 */

const PLAIN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** How many digits a decimal may have on each side of the point once written out plainly. */
export interface DecimalLimits {
  integerDigits: number;
  fractionDigits: number;
}

/**
 * Limits for amounts read from upstream replies: wide enough for any figure an API sends (a
 * double's rounding tail has at most 17 significant digits), narrow enough that an exponent such
 * as `1e999999999` is refused before a single zero is written out.
 */
export const UPSTREAM_DECIMAL_LIMITS: DecimalLimits = { integerDigits: 40, fractionDigits: 40 };

export type DecimalReading =
  { ok: true; value: string } | { ok: false; problem: 'syntax' | 'integerDigits' | 'fractionDigits' };

/**
 * Normalises a decimal literal to plain notation with at least two fraction digits
 * (`"1250.5"` → `"1250.50"`, `"1e3"` → `"1000.00"`). The digit counts on each side of the point
 * are worked out from the exponent first, so the cost is bounded by the text's length and the
 * limits, whatever the exponent says.
 */
export function readDecimalText(text: string, limits: DecimalLimits): DecimalReading {
  const match = PLAIN.exec(text.trim());
  if (!match) return { ok: false, problem: 'syntax' };
  const [, sign, intPart = '', fracPart = '', exponent] = match;
  if (intPart === '' && fracPart === '') return { ok: false, problem: 'syntax' };
  const digits = intPart + fracPart;
  const first = digits.search(/[1-9]/);
  if (first < 0) return { ok: true, value: '0.00' };
  const end = digits.replace(/0+$/, '').length;
  // An exponent too long for a double reads as Infinity and fails the checks below.
  const pointAt = intPart.length + Number(exponent ?? 0);
  if (pointAt - first > limits.integerDigits) return { ok: false, problem: 'integerDigits' };
  if (end - pointAt > limits.fractionDigits) return { ok: false, problem: 'fractionDigits' };
  const significant = digits.slice(first, end);
  const shift = pointAt - first;
  let whole: string;
  let fraction: string;
  if (shift <= 0) {
    whole = '0';
    fraction = '0'.repeat(-shift) + significant;
  } else if (shift >= significant.length) {
    whole = significant + '0'.repeat(shift - significant.length);
    fraction = '';
  } else {
    whole = significant.slice(0, shift);
    fraction = significant.slice(shift);
  }
  if (fraction.length < 2) fraction = fraction.padEnd(2, '0');
  return { ok: true, value: `${sign === '-' ? '-' : ''}${whole}.${fraction}` };
}

/**
 * `readDecimalText` with the upstream limits: the normalised text, or `undefined` when it is not
 * a number or has more digits than any amount could.
 */
export function normalizeDecimal(text: string): string | undefined {
  const reading = readDecimalText(text, UPSTREAM_DECIMAL_LIMITS);
  return reading.ok ? reading.value : undefined;
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
