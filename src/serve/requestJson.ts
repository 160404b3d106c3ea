import { LosslessNumber, parse } from 'lossless-json';
import { readDecimalText } from '../lib/decimal.js';

/** Could the text hold a number a double does not keep (a fraction, an exponent, 16+ digits)? */
const MAY_BE_INEXACT = /\d[.eE]|\d{16}/;

/** Wide enough for the plain text of any finite double. */
const ANY_DOUBLE = { integerDigits: 400, fractionDigits: 400 };

/**
 * Parses a GraphQL request body without losing a digit of any number. A number a double keeps
 * exactly (every integer up to 2^53, `1250.5`, `0.1`: `String(Number(text))` names the same
 * value) becomes a plain number; any other (`12345678901234567.89`, `1e400`) stays a
 * `LosslessNumber` holding the caller's text. The Decimal scalar reads that text; the
 * `exactVariables` plugin turns it into a number wherever any other type is expected, so Int
 * and Float arguments see what `JSON.parse` would have given them.
 *
 * Bodies without a fraction, exponent or long number go to the native `JSON.parse`.
 */
export function parseRequestJson(text: string): unknown {
  if (!MAY_BE_INEXACT.test(text)) return JSON.parse(text);
  return parse(text, null, exactOrText);
}

function exactOrText(text: string): number | LosslessNumber {
  const number = Number(text);
  return keepsValue(text, number) ? number : new LosslessNumber(text);
}

function keepsValue(text: string, number: number): boolean {
  if (!Number.isFinite(number)) return false;
  const written = readDecimalText(text, ANY_DOUBLE);
  const read = readDecimalText(String(number), ANY_DOUBLE);
  return written.ok && read.ok && written.value === read.value;
}
