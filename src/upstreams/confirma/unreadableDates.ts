import type { z } from 'zod';
import { UpstreamError } from '../../http/errors.js';
import { isRecord } from '../../lib/records.js';

/** The timestamps under a distribution record's `dates`, and the GraphQL field each one fills. */
const DATE_FIELDS = {
  createdAt: 'createdAt',
  printedAt: 'printedAt',
  distributedAt: 'distributedAt',
  paymentControlActivatedAt: 'activatedAt',
} as const;

export type DateField = (typeof DATE_FIELDS)[keyof typeof DATE_FIELDS];

/**
 * What was wrong with each timestamp that could not be read, by the field it fills. Plain text,
 * so a page holding it stays cacheable; `unreadableDateError` makes the field's error from it.
 */
export type UnreadableDates = Partial<Record<DateField, string>>;

/** Where a set-aside timestamp came from: the message and the field error name the same call. */
const WHERE = { upstream: 'confirma', endpoint: 'invoice/distribution' } as const;

/**
 * A distribution record whose only problems are timestamps it cannot read (the docs' own example
 * has `"createdAt": "string"`) keeps everything else: its status, its payment control and case.
 * Returns the record with those timestamps set to null and what was wrong with each, or
 * undefined when anything else breaks the contract (then the whole record does, as before).
 */
export function setAsideUnreadableDates(
  raw: unknown,
  error: z.ZodError,
): { raw: Record<string, unknown>; unreadable: UnreadableDates } | undefined {
  if (!isRecord(raw) || !isRecord(raw.dates)) return undefined;
  const dates: Record<string, unknown> = { ...raw.dates };
  const unreadable: UnreadableDates = {};
  for (const issue of error.issues) {
    const [group, key, ...deeper] = issue.path;
    if (group !== 'dates' || deeper.length > 0 || typeof key !== 'string' || !isDateKey(key))
      return undefined;
    dates[key] = null;
    unreadable[DATE_FIELDS[key]] =
      `Confirma sent a ${WHERE.endpoint} record whose dates.${key} cannot be read (${issue.message})`;
  }
  return { raw: { ...raw, dates }, unreadable };
}

function isDateKey(key: string): key is keyof typeof DATE_FIELDS {
  return Object.hasOwn(DATE_FIELDS, key);
}

/** The field error of a timestamp set aside above; undefined when it was read. */
export function unreadableDateError(
  unreadable: UnreadableDates | undefined,
  field: DateField,
): UpstreamError | undefined {
  const problem = unreadable?.[field];
  if (problem === undefined) return undefined;
  return new UpstreamError('UPSTREAM_BAD_RESPONSE', problem, WHERE);
}
