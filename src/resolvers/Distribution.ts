import type { DistributionResolvers } from '../__generated__/resolvers-types.js';
import { unreadableDateError } from '../upstreams/confirma/unreadableDates.js';
import type { DateField, UnreadableDates } from '../upstreams/confirma/unreadableDates.js';
import { DISTRIBUTION_METHODS, DISTRIBUTION_STATUSES } from './invoiceEnums.js';
import { enumOrUnknown, rawText } from './upstreamEnum.js';

/**
 * A timestamp of a distribution record; when Confirma sent one that could not be read, that
 * field alone fails (UPSTREAM_BAD_RESPONSE) and the rest of the record still answers. A bare day
 * becomes midnight with Confirma's offset, as for every DateTime (lib/timeZones.ts `withOffset`).
 */
export function readableDate<F extends DateField>(
  model: { unreadable?: UnreadableDates | undefined } & { [K in F]?: string | null },
  field: F,
): string | null {
  const error = unreadableDateError(model.unreadable, field);
  if (error) throw error;
  return model[field] ?? null;
}

export const Distribution: DistributionResolvers = {
  status: (record) => enumOrUnknown(DISTRIBUTION_STATUSES, record.status),
  statusRaw: (record) => rawText(record.status),
  method: (record) => enumOrUnknown(DISTRIBUTION_METHODS, record.method),
  methodRaw: (record) => rawText(record.method),
  createdAt: (record) => readableDate(record, 'createdAt'),
  printedAt: (record) => readableDate(record, 'printedAt'),
  distributedAt: (record) => readableDate(record, 'distributedAt'),
};
