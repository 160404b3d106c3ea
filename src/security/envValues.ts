import { z } from 'zod';

/** Environment value helpers for the security settings: blank means unset. */

export const text = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** `true` / `false`; unset → undefined, so the caller can pick an environment-dependent default. */
export const flag = text.pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).optional());

/** An integer in a range; the range message comes from lib/envInteger.ts like every other. */
export { envInteger as integer } from '../lib/envInteger.js';

/** A lower-case HTTP header name (RFC 9110 token), as node:http presents incoming headers. */
export function headerName(defaultValue: string) {
  return text
    .transform((value) => (value ?? defaultValue).toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9!#$%&'*+.^_`|~-]+$/, { error: 'must be an HTTP header name' }));
}

/** Comma-separated list, blanks dropped. */
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
