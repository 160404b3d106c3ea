import { z } from 'zod';

/**
 * The readers of environment values, shared by every settings module (config.ts spreads their
 * shapes into its one schema), so the same kind of value is always read the same way and a
 * problem always gets the same message. Every value is trimmed; blank means unset.
 */

/** Trimmed text; unset or blank → undefined. */
export const text = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** Trimmed text; unset or blank → `defaultValue`. */
export function textOr(defaultValue: string) {
  return text.transform((value) => value ?? defaultValue);
}

/** `true` / `false`; unset → undefined, so the caller can pick an environment-dependent default. */
export const flag = text.pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).optional());

/** `true` / `false` as a boolean; unset → `defaultValue`. */
export function booleanFlag(defaultValue: boolean) {
  return flag.transform((value) => (value === undefined ? defaultValue : value === 'true'));
}

// Only a number-looking value is echoed back: a secret pasted into the wrong variable must not
// reach a log line.
const NUMBER_LIKE = /^[-+]?[0-9][0-9._eExX]{0,23}$/;

/**
 * The one wording of a range problem: the allowed range and the value given, e.g.
 * "must be an integer from 0 to 65535, got 70000".
 */
export function integerRangeMessage(min: number, max: number, given: string): string {
  const shown = NUMBER_LIKE.test(given) ? given : 'a value that is not a number';
  return `must be an integer from ${min} to ${max}, got ${shown}`;
}

function parseInteger(value: string, min: number, max: number, ctx: z.RefinementCtx): number {
  const number = Number(value);
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  ctx.addIssue({ code: 'custom', message: integerRangeMessage(min, max, value) });
  return z.NEVER;
}

/** An integer in [min, max]; unset gives `defaultValue`. */
export function integer(defaultValue: number, min: number, max: number) {
  return text.transform((value, ctx) =>
    value === undefined ? defaultValue : parseInteger(value, min, max, ctx),
  );
}

/** An integer in [min, max]; unset stays undefined (the caller falls back to another setting). */
export function optionalInteger(min: number, max: number) {
  return text.transform((value, ctx) =>
    value === undefined ? undefined : parseInteger(value, min, max, ctx),
  );
}

/** A lower-case HTTP header name (RFC 9110 token), as node:http presents incoming headers. */
export function headerName(defaultValue: string) {
  return text
    .transform((value) => (value ?? defaultValue).toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9!#$%&'*+.^_`|~-]+$/, { error: 'must be an HTTP header name' }));
}

/** Comma-separated list, blanks dropped; unset → `defaultValue`. */
export function list(defaultValue: readonly string[]) {
  return text.transform((value) =>
    value === undefined
      ? [...defaultValue]
      : value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
  );
}
