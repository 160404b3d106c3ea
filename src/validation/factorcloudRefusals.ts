import type { WriteRefusal } from '../upstreams/writeOutcome.js';
import type { UserError } from './userErrors.js';

/**
 * Where a refused FactorCloud write points the caller. FactorCloud documents no error bodies
 * (factorcloud.md §7) and the graph never forwards them, so the message is built from the status
 * and from what the mutation knows: the input field a conflict or a missing reference is about.
 */
export interface RefusalTarget {
  /** What was being written, e.g. `the schedule`. */
  what: string;
  /** The input field a 409 (or our own duplicate check) is about, e.g. `['input', 'integrationBatchId']`. */
  conflictField: string[];
  /** The input field a 404 most likely is about: the key the write refers to (usually the client). */
  notFoundField: string[];
}

export function refusalToUserError(refusal: WriteRefusal, target: RefusalTarget): UserError {
  switch (refusal.refusal) {
    case 'CONFLICT': {
      const field = target.conflictField;
      const why =
        refusal.status === null
          ? `FactorCloud already has ${target.what} (or it is being created right now); nothing was sent`
          : `FactorCloud refused ${target.what} as a conflict with existing data (HTTP ${refusal.status})`;
      return { field, code: 'CONFLICT', message: `${field.join('.')}: ${why}` };
    }
    case 'NOT_FOUND': {
      const field = target.notFoundField;
      return {
        field,
        code: 'NOT_FOUND',
        message: `${field.join('.')}: FactorCloud does not know something ${target.what} refers to (HTTP ${refusal.status ?? 404})`,
      };
    }
    case 'REJECTED':
      return {
        field: ['input'],
        code: 'REJECTED',
        message: `input: FactorCloud refused ${target.what} without saying why (HTTP ${refusal.status ?? 400})`,
      };
    default:
      return unreachable(refusal.refusal);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled write refusal: ${String(value)}`);
}
