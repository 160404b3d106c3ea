import { z } from 'zod';

/**
 * Integer environment settings, shared by every settings module so an out-of-range or
 * malformed value always gets the same message: the variable's allowed range and the value
 * given, e.g. "PORT: must be an integer from 0 to 65535, got 70000". Blank means unset.
 */

const text = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

// Only a number-looking value is echoed back: a secret pasted into the wrong variable must not
// reach a log line.
const NUMBER_LIKE = /^[-+]?[0-9][0-9._eExX]{0,23}$/;

/** The one wording of a range problem. */
export function integerRangeMessage(min: number, max: number, given: string): string {
  const shown = NUMBER_LIKE.test(given) ? given : 'a value that is not a number';
  return `must be an integer from ${min} to ${max}, got ${shown}`;
}

function parse(value: string, min: number, max: number, ctx: z.RefinementCtx): number {
  const number = Number(value);
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  ctx.addIssue({ code: 'custom', message: integerRangeMessage(min, max, value) });
  return z.NEVER;
}

/** An integer in [min, max]; unset gives `defaultValue`. */
export function envInteger(defaultValue: number, min: number, max: number) {
  return text.transform((value, ctx) => (value === undefined ? defaultValue : parse(value, min, max, ctx)));
}

/** An integer in [min, max]; unset stays undefined (the caller falls back to another setting). */
export function optionalEnvInteger(min: number, max: number) {
  return text.transform((value, ctx) => (value === undefined ? undefined : parse(value, min, max, ctx)));
}
