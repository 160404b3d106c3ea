import type { z } from 'zod';

/**
 * Typed user errors for mutation payloads (the `userErrors` convention of large public GraphQL
 * APIs): each names the input path and the rule that failed, so a form can show it in place.
 */
export const USER_ERROR_CODES = [
  'REQUIRED',
  'INVALID_FORMAT',
  'INVALID_VALUE',
  'INVALID_DATE',
  'INVALID_CURRENCY',
  'INVALID_COUNTRY',
  'INVALID_LANGUAGE',
  'INVALID_EMAIL',
  'TOO_MANY_DECIMALS',
  'OUT_OF_RANGE',
  'TOO_LONG',
  'INCONSISTENT',
  'CONFLICT',
  'NOT_FOUND',
  'REJECTED',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export interface UserError {
  field: string[];
  message: string;
  code: UserErrorCode;
}

/** Attach to a zod refinement as `params` so the issue maps to a stable code. */
export function rule(code: UserErrorCode): { params: { code: UserErrorCode } } {
  return { params: { code } };
}

function isUserErrorCode(value: unknown): value is UserErrorCode {
  return typeof value === 'string' && (USER_ERROR_CODES as readonly string[]).includes(value);
}

function codeOf(issue: z.core.$ZodIssue): UserErrorCode {
  if (issue.code === 'custom' && isUserErrorCode(issue.params?.code)) return issue.params.code;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED' : 'INVALID_VALUE';
    case 'too_big':
      return issue.origin === 'string' ? 'TOO_LONG' : 'OUT_OF_RANGE';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'REQUIRED' : 'OUT_OF_RANGE';
    case 'invalid_format':
      return issue.format === 'email' ? 'INVALID_EMAIL' : 'INVALID_FORMAT';
    default:
      return 'INVALID_VALUE';
  }
}

/** Maps zod issues to user errors under `root` (e.g. `['input']`). */
export function toUserErrors(error: z.ZodError, root: readonly string[]): UserError[] {
  return error.issues.map((issue) => {
    const field = [...root, ...issue.path.map(String)];
    return { field, message: `${field.join('.')}: ${issue.message}`, code: codeOf(issue) };
  });
}

export type Validated<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

/** Validates mutation input before any upstream call. */
export function validateInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  root: readonly string[] = ['input'],
): Validated<z.output<T>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, userErrors: toUserErrors(result.error, root) };
}
