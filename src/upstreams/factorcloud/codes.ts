import { text } from '../lenient.js';

/**
 * FactorCloud's coded values (factorcloud.md §3: `InvoiceStatus` letters, schedule `PaymentMethod`
 * letters, client `Type` and `Industry` digits, `EncodingType` letters, payment `PaymentType`
 * words, debtor `Country`) read into the graph's names. A value outside the documented list reads
 * as UNKNOWN and never fails the record; the text as sent is kept beside it (the `…Raw` fields),
 * the same reading as resolvers/upstreamEnum.ts gives codes that are already names.
 */
export type Coded<N extends string> = N | 'UNKNOWN' | null;

export interface CodeReading<N extends string> {
  value: Coded<N>;
  raw: string | null;
}

/** Codes are matched trimmed and in capitals (`f` is FUNDED); no value (or `""`) reads as null. */
export function readCode<N extends string>(
  byCode: Readonly<Record<string, N>>,
  raw: string | null,
): CodeReading<N> {
  if (raw === null || raw.trim() === '') return { value: null, raw: null };
  return { value: byCode[raw.trim().toUpperCase()] ?? 'UNKNOWN', raw };
}

/** A lenient text field read as a code of `byCode`. */
export function coded<N extends string>(byCode: Readonly<Record<string, N>>) {
  return text.transform((raw) => readCode(byCode, raw));
}
