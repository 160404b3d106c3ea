import { LosslessNumber, stringify } from 'lossless-json';

/** A JSON number token. Only ever applied to text outside strings (see `quoteInexactNumbers`). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
/** Numbers that cannot be more than a safe integer: at most 15 digits, no fraction, no exponent. */
const PLAIN_INTEGER = /^-?\d{1,15}$/;
/** Does the text hold any number token a double might not keep (a fraction, an exponent, 16+ digits)? */
const INEXACT_NUMBER = /\d[.eE]|\d{16}/;
const BACKSLASH = 92; // \

/**
 * Parses an upstream JSON body without losing precision.
 *
 * `JSON.parse` turns `1240.50` into 1240.5 and `202603280001123456` into a rounded double.
 * Money must stay exact and 64-bit ids intact, so numbers are kept as their source text unless
 * they are integers a double represents exactly. The zod schemas accept both forms.
 *
 * The numbers to keep are quoted in the text, then the native `JSON.parse` reads it: this runs
 * on every upstream reply, and a parser written in JavaScript cost several times more. Syntax is
 * still `JSON.parse`'s to judge.
 */
export function parseJsonExact(text: string): unknown {
  // Most replies of plain integers and strings need no rewriting at all.
  if (!INEXACT_NUMBER.test(text)) return JSON.parse(text);
  return JSON.parse(quoteInexactNumbers(text));
}

/**
 * The text with each number a double might not keep written as a string. Strings are stepped
 * over with `indexOf` (a timestamp's `58.376Z` is not a number), and only the short stretches
 * between them are searched for numbers: far cheaper than a pass that visits every string token.
 */
function quoteInexactNumbers(text: string): string {
  let out = '';
  let copied = 0;
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('"', at);
    const end = open < 0 ? text.length : open;
    const outside = text.slice(at, end);
    if (INEXACT_NUMBER.test(outside)) {
      out += text.slice(copied, at) + outside.replace(NUMBER, quoteInexactNumber);
      copied = end;
    }
    if (open < 0) break;
    at = closingQuote(text, open) + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index of the quote that ends the string opened at `open`; the last index if it never ends. */
function closingQuote(text: string, open: number): number {
  for (let from = open + 1; ;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length - 1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function quoteInexactNumber(token: string): string {
  if (PLAIN_INTEGER.test(token)) return token;
  if (/^-?\d+$/.test(token) && Number.isSafeInteger(Number(token))) return token;
  return `"${token}"`;
}

/** A number to be written into a request body exactly as this decimal text (no float on the way). */
export function exactNumber(text: string): LosslessNumber {
  return new LosslessNumber(text);
}

/** JSON text of a request body; `exactNumber` values and bigints are written verbatim. */
export function stringifyJsonExact(value: unknown): string {
  return stringify(value) ?? 'null';
}
