import { LosslessNumber, stringify } from 'lossless-json';

/**
 * A JSON string token (escapes included) or a JSON number token. Strings are matched so that
 * digits inside them are never taken for numbers; anything else in the text is left alone and
 * judged by `JSON.parse`.
 */
const TOKEN = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
/** Numbers that cannot be more than a safe integer: at most 15 digits, no fraction, no exponent. */
const PLAIN_INTEGER = /^-?\d{1,15}$/;
/** Does the text hold any number token a double might not keep (a fraction, an exponent, 16+ digits)? */
const INEXACT_NUMBER = /\d[.eE]|\d{16}/;

/**
 * Parses an upstream JSON body without losing precision.
 *
 * `JSON.parse` turns `1240.50` into 1240.5 and `202603280001123456` into a rounded double.
 * Money must stay exact and 64-bit ids intact, so numbers are kept as their source text unless
 * they are integers a double represents exactly. The zod schemas accept both forms.
 *
 * Done as one native regex pass that quotes such numbers, then the native `JSON.parse`: this
 * runs on every upstream reply, and a parser written in JavaScript cost several times more.
 * Syntax is still `JSON.parse`'s to judge: quoting a number token never makes invalid JSON valid.
 */
export function parseJsonExact(text: string): unknown {
  // Most replies of plain integers and strings need no rewriting at all.
  if (!INEXACT_NUMBER.test(text)) return JSON.parse(text);
  return JSON.parse(text.replace(TOKEN, quoteInexactNumber));
}

function quoteInexactNumber(token: string): string {
  if (token.charCodeAt(0) === 34 /* " */) return token;
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
