import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * Parses an upstream JSON body without losing precision.
 *
 * `JSON.parse` turns `1240.50` into 1240.5 and `202603280001123456` into a rounded double.
 * Money must stay exact and 64-bit ids intact, so numbers are kept as their source text unless
 * they are integers a double represents exactly. The zod schemas accept both forms.
 */
export function parseJsonExact(text: string): unknown {
  return parse(text, undefined, (source: string) => {
    if (/^-?\d+$/.test(source)) {
      const value = Number(source);
      if (Number.isSafeInteger(value)) return value;
    }
    return source;
  });
}

/** A number to be written into a request body exactly as this decimal text (no float on the way). */
export function exactNumber(text: string): LosslessNumber {
  return new LosslessNumber(text);
}

/** JSON text of a request body; `exactNumber` values and bigints are written verbatim. */
export function stringifyJsonExact(value: unknown): string {
  return stringify(value) ?? 'null';
}
