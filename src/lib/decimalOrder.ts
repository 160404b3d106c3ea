import { normalizeDecimal } from './decimal.js';

/**
 * Exact comparison of two decimal texts, digit by digit: no binary float is involved, so
 * `"0.10"` and `"0.1"` are equal and `"1000000000000000000000.01"` is above `"1e21"`.
 * Returns -1, 0 or 1; `undefined` when either text is not a decimal (decimal.ts limits).
 */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 | undefined {
  const left = normalizeDecimal(a);
  const right = normalizeDecimal(b);
  if (left === undefined || right === undefined) return undefined;
  const leftNegative = left.startsWith('-');
  const rightNegative = right.startsWith('-');
  if (leftNegative !== rightNegative) return leftNegative ? -1 : 1;
  const magnitude = compareMagnitudes(left.replace('-', ''), right.replace('-', ''));
  return leftNegative ? negate(magnitude) : magnitude;
}

/** Sign of a decimal text: -1, 0 or 1; `undefined` when it is not a decimal. */
export function signOfDecimal(text: string): -1 | 0 | 1 | undefined {
  return compareDecimals(text, '0');
}

/** Sum of decimal texts, exact (BigInt on a common scale); `undefined` if any is not a decimal. */
export function sumDecimals(texts: readonly string[]): string | undefined {
  const parts = texts.map(normalizeDecimal);
  if (parts.some((part) => part === undefined)) return undefined;
  const normalized = parts.filter((part): part is string => part !== undefined);
  const scale = Math.max(2, ...normalized.map((part) => part.split('.')[1]?.length ?? 0));
  let total = 0n;
  for (const part of normalized) {
    const negative = part.startsWith('-');
    const [whole = '0', fraction = ''] = part.replace('-', '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return normalizeDecimal(negative ? `-${text}` : text);
}

/** Compares two normalised non-negative decimals (`"12.50"`): integer part by length, then digits. */
function compareMagnitudes(a: string, b: string): -1 | 0 | 1 {
  const [aWhole = '0', aFraction = ''] = a.split('.');
  const [bWhole = '0', bFraction = ''] = b.split('.');
  if (aWhole.length !== bWhole.length) return aWhole.length < bWhole.length ? -1 : 1;
  if (aWhole !== bWhole) return aWhole < bWhole ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const x = aFraction.padEnd(width, '0');
  const y = bFraction.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

function negate(value: -1 | 0 | 1): -1 | 0 | 1 {
  return value === 0 ? 0 : value === 1 ? -1 : 1;
}
