import type {
  DistributionMethod,
  DistributionStatus,
  PaymentControlStatus,
} from '../__generated__/resolvers-types.js';

/**
 * The codes of Confirma's distribution records that the schema's enums know. Confirma's docs
 * show these fields but list no values (confirma.md §8; the seed sends `"string"`), except
 * `EMAIL` for the method; the rest is the embedded simulator's set. Any other code reads as
 * UNKNOWN with its text in the `…Raw` sibling (upstreamEnum.ts).
 */
export const DISTRIBUTION_STATUSES: readonly Exclude<DistributionStatus, 'UNKNOWN'>[] = [
  'PENDING',
  'PRINTED',
  'DISTRIBUTED',
  'DELIVERED',
  'FAILED',
];

export const DISTRIBUTION_METHODS: readonly Exclude<DistributionMethod, 'UNKNOWN'>[] = [
  'EMAIL',
  'EINVOICE',
  'LETTER',
];

export const PAYMENT_CONTROL_STATUSES: readonly Exclude<PaymentControlStatus, 'UNKNOWN'>[] = [
  'PENDING',
  'ACTIVE',
  'REMINDER',
  'COLLECTION',
  'PAUSED',
  'CLOSED',
];
