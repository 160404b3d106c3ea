import { parse } from 'lossless-json';

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
